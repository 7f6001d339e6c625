"""warta as a Hugging Face model: WartaConfig / WartaModel, the `warta-news` pipeline, refusal of a
plain text-classification head, older checkpoint folders and their conversion."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from warta import Predictor

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "data" / "examples").glob("*.txt"))
TEXTS = ["Polres Bone menggelar rakor lintas sektoral kesiapan Operasi Mantap Praja, Senin (12/8/2024).\n"
         "“Kami siap mengamankan wilayah Bone,” ujar AKBP Malpa Malacoppo.\nPersonel sudah disiagakan.",
         "Polres Sleman menggelar simulasi sispamkota di depan kantor KPU. Warga menonton dari pinggir jalan.",
         "Harga cabai di pasar Palopo naik menjelang akhir pekan."]


def _strings(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, str):
        yield value


def write_legacy(src: Path, dst: Path) -> Path:
    """The layout checkpoints had before WartaConfig: the encoder's own folder, the heads beside it."""
    from safetensors.torch import save_file

    from warta.modeling import load_checkpoint

    model, tok, settings = load_checkpoint(src)
    dst.mkdir(parents=True)
    model.encoder.save_pretrained(str(dst))
    tok.save_pretrained(str(dst))
    save_file({k: v.contiguous() for k, v in model.heads_state().items()}, str(dst / "warta_heads.safetensors"))
    (dst / "warta_config.json").write_text(json.dumps(settings), encoding="utf-8")
    for name in ("lexical.safetensors", "lexical_vocab.json"):
        shutil.copy2(src / name, dst / name)
    return dst


def test_config_json_is_a_warta_config_without_machine_paths(tiny_model):
    from transformers import AutoConfig

    from warta.configuration import WartaConfig

    cfg = AutoConfig.from_pretrained(str(tiny_model))
    assert isinstance(cfg, WartaConfig) and cfg.encoder.model_type == "bert"
    settings = json.loads((tiny_model / "warta_config.json").read_text(encoding="utf-8"))
    assert cfg.labels == settings["labels"] and cfg.thresholds == settings["thresholds"]
    assert cfg.problem_type == "multi_label_classification"
    for name in ("config.json", "warta_config.json"):
        saved = json.loads((tiny_model / name).read_text(encoding="utf-8"))
        assert not [s for s in _strings(saved) if os.path.isabs(s)], name
        assert "auto_map" not in saved  # nothing that would ask for remote code


def test_pipeline_gives_the_records_predictor_gives(tiny_model):
    from transformers import pipeline

    nlp = pipeline("warta-news", model=str(tiny_model))
    assert nlp(TEXTS) == Predictor.load(tiny_model).predict(TEXTS)
    assert nlp(TEXTS[0]) == Predictor.load(tiny_model).predict([TEXTS[0]])[0]
    fp32 = pipeline("warta-news", model=str(tiny_model), quantize=False)
    assert fp32(TEXTS) == Predictor.load(tiny_model, quantize=False).predict(TEXTS)


def test_pipeline_equals_predictor_on_the_example_articles():
    """The shipped model, as a user of transformers would load it."""
    from transformers import pipeline

    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    assert pipeline("warta-news", model=str(ROOT / "model" / "default"))(texts) == Predictor.load().predict(texts)


def test_plain_text_classification_refuses_with_a_pointer(tiny_model):
    from transformers import AutoModelForSequenceClassification, pipeline

    with pytest.raises(ValueError, match="warta-news"):
        pipeline("text-classification", model=str(tiny_model))
    with pytest.raises(ValueError, match="not a text-classification head"):
        AutoModelForSequenceClassification.from_pretrained(str(tiny_model))


def _python(code: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env)


def test_import_warta_is_light_and_registers_when_transformers_arrives(tiny_model):
    code = f"""
import json, sys, warta
assert "torch" not in sys.modules and "transformers" not in sys.modules
from transformers import AutoModel, pipeline
assert type(AutoModel.from_pretrained({str(tiny_model)!r})).__name__ == "WartaModel"
print(json.dumps(pipeline("warta-news", model={str(tiny_model)!r})({TEXTS[1]!r})))
"""
    done = _python(code)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == Predictor.load(tiny_model).predict([TEXTS[1]])[0]
    # transformers first, warta second: registered at once
    done = _python(f"import transformers, warta; print(type(transformers.pipeline('warta-news', model={str(tiny_model)!r})).__name__)")
    assert done.returncode == 0 and done.stdout.strip().endswith("WartaNewsPipeline"), done.stderr


def test_without_import_warta_transformers_refuses_the_folder(tiny_model):
    done = _python(f"from transformers import pipeline; pipeline('text-classification', model={str(tiny_model)!r})")
    assert done.returncode != 0 and "model type `warta`" in done.stderr


def test_a_missing_head_weight_is_an_error_never_a_random_head(tiny_model, tmp_path):
    from safetensors.torch import load_file, save_file

    from warta.modeling import ModelLoadError, WartaModel

    broken = tmp_path / "broken"
    shutil.copytree(tiny_model, broken)
    weights = load_file(str(broken / "model.safetensors"))
    del weights["event_head.1.weight"]
    save_file(weights, str(broken / "model.safetensors"))
    with pytest.raises(ModelLoadError, match="event_head.1.weight"):
        WartaModel.from_pretrained(str(broken))
    with pytest.raises(ModelLoadError):
        Predictor.load(broken)


def test_older_folders_load_and_convert_to_the_same_model(tiny_model, tmp_path):
    from transformers import pipeline

    from warta.hf import main as hf_main
    from warta.modeling import checkpoint_layout, load_encoder

    legacy = write_legacy(tiny_model, tmp_path / "legacy")
    assert checkpoint_layout(legacy) == "legacy"
    expected = Predictor.load(tiny_model).predict(TEXTS)
    assert Predictor.load(legacy).predict(TEXTS) == expected
    assert pipeline("warta-news", model=str(legacy))(TEXTS) == expected

    assert hf_main(["convert", str(legacy), "--out", str(tmp_path / "converted")]) == 0
    converted = tmp_path / "converted"
    assert checkpoint_layout(converted) == "hf" and not (converted / "warta_heads.safetensors").exists()
    assert Predictor.load(converted).predict(TEXTS) == expected
    assert hf_main(["convert", str(legacy)]) == 0  # in place
    assert checkpoint_layout(legacy) == "hf" and Predictor.load(legacy).predict(TEXTS) == expected
    assert hf_main(["convert", str(tmp_path / "nothing-here")]) == 1

    # a warta checkpoint serves as a base encoder too (warta train --base-model runs/previous)
    enc, _ = load_encoder(str(converted))
    assert type(enc).__name__ == "BertModel"


def test_retuning_keeps_both_config_files_in_step(tiny_model, tiny_data, tmp_path):
    import warnings

    from warta_training.tuning import main as tune

    copy = tmp_path / "m"
    shutil.copytree(tiny_model, copy)
    odd = {"max_sentences": 1, "min_sentences": 1, "word_budget": 7}  # a length no grid point has
    for name in ("config.json", "warta_config.json"):
        cfg = json.loads((copy / name).read_text(encoding="utf-8"))
        cfg["summary"] = odd
        (copy / name).write_text(json.dumps(cfg), encoding="utf-8")
    assert tune(["--model", str(copy), "--data", str(tiny_data), "--real-dir", str(tmp_path / "no-pool")]) == 0
    hf = json.loads((copy / "config.json").read_text(encoding="utf-8"))
    record = json.loads((copy / "warta_config.json").read_text(encoding="utf-8"))
    assert hf["summary"] == record["summary"] != odd and "history" in record
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # config.json and warta_config.json disagree -> a warning
        assert Predictor.load(copy).summary_cfg == hf["summary"]
