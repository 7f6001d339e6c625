"""Smoke tests of what ships: the embedded encoder and the default model, loaded as a user would.

The only tests that load the shipped weights; everything else builds tiny models.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "data" / "examples").glob("*.txt"))
MB = 2**20


def test_shipped_checkpoints_fit_the_size_budget():
    for path in [*(ROOT / "model" / "encoder").iterdir(), *(ROOT / "model" / "default").iterdir()]:
        assert path.stat().st_size <= 25 * MB, path


def test_embedded_encoder_loads_with_auto_classes():
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(ROOT / "model" / "encoder")
    enc = AutoModel.from_pretrained(ROOT / "model" / "encoder")
    text = "Kapolres AKBP Malpa Malacoppo, S.I.K. mengatakan, “Personel siap.”"
    assert tok.decode(tok(text)["input_ids"], skip_special_tokens=True) == text
    assert str(enc.dtype) == "torch.float32"


@pytest.fixture(scope="module")
def predictor():
    from warta import Predictor

    return Predictor.load()


def test_default_model_predicts_the_examples(predictor):
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    gold = {}
    for line in (ROOT / "data" / "test.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        gold[rec["id"]] = rec["labels"]
    for path, text, rec in zip(EXAMPLES, texts, predictor.predict(texts)):
        assert sorted(rec["labels"]) == sorted(gold[path.stem]), path.name
        assert rec["quotes"], path.name
        for q in rec["quotes"]:
            assert text[q["start"] : q["end"]] == q["text"]
            m = q["speaker_mention"]
            if m:
                assert text[m["start"] : m["end"]] == m["text"]
        assert rec["summary"] and all(0 <= s["start"] < s["end"] <= len(text) for s in rec["summary_sentences"])


def test_readme_main_job(tmp_path):
    out = tmp_path / "predictions.jsonl"
    done = subprocess.run([sys.executable, "-m", "warta.cli", "predict", str(ROOT / "data" / "examples"), "-o", str(out), "--no-progress"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["id"]).name for r in records] == [p.name for p in EXAMPLES]  # ids are the paths as given
    assert all("labels" in r and "error" not in r for r in records)
