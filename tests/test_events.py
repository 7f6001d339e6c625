"""Train -> save -> load -> predict with a tiny model, and the CLI contracts around it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from warta import Predictor
from warta.labels import EVENT_LABELS
from warta_training.train import TrainArgs, train


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, tiny_encoder, tiny_data) -> Path:
    out = tmp_path_factory.mktemp("model") / "events"
    args = TrainArgs(base_model=str(tiny_encoder), data=str(tiny_data), out=str(out), epochs=3, batch_size=4,
                     lr=1e-3, head_lr=3e-3, max_len=64, stride=48, patience=5)
    result = train(args, progress=False)
    assert set(result["thresholds"]) == set(EVENT_LABELS)
    return out


def test_checkpoint_is_a_hugging_face_folder(tiny_model):
    from transformers import AutoModel, AutoTokenizer

    names = {p.name for p in tiny_model.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "warta_heads.safetensors", "warta_config.json"} <= names
    assert not any(n.endswith((".bin", ".pt", ".pkl")) for n in names)
    AutoModel.from_pretrained(str(tiny_model))
    AutoTokenizer.from_pretrained(str(tiny_model))


def test_predict_shape_and_long_articles_are_read_whole(tiny_model):
    p = Predictor.load(tiny_model)
    short = "Polres Bone menggelar rakor lintas sektoral kesiapan Operasi Mantap Praja."
    long = ("Patroli berjalan aman. " * 400) + short
    assert len(p.windows([long])) > 1
    out = p.predict([short, long])
    assert len(out) == 2
    for rec in out:
        assert set(rec["scores"]) == set(EVENT_LABELS)
        assert all(0.0 <= v <= 1.0 for v in rec["scores"].values())
        assert set(rec["labels"]) <= set(EVENT_LABELS)
    assert p.predict([]) == []


def run_cli(*args, stdin: str | None = None):
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], input=stdin, capture_output=True, text=True, timeout=300)


def test_cli_one_record_per_input_in_order_with_errors(tiny_model, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Polres menggelar apel gelar pasukan."}) + "\n"
        + "{broken json\n"
        + json.dumps({"id": "c", "body": "no text key"}) + "\n"
        + json.dumps({"id": "d", "text": "   "}) + "\n"
        + json.dumps({"id": "e", "text": "Simulasi sispamkota digelar di KPU."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    r = run_cli("predict", str(src), "-o", str(out), "--model", str(tiny_model))
    assert r.returncode == 3, r.stderr
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in recs] == ["a", f"{src}:2", "c", "d", "e"]
    assert [x.get("error", {}).get("code") for x in recs] == [None, "bad_json", "missing_text", "empty_text", None]
    assert set(recs[0]) == {"id", "labels", "scores"}


def test_cli_reads_txt_folder_csv_and_stdin(tiny_model, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "b.txt").write_text("Rakor lintas sektoral digelar.", encoding="utf-8")
    (tmp_path / "docs" / "a.txt").write_bytes(b"\xff\xfe\x00bin")
    (tmp_path / "x.csv").write_text("id,text\nk1,Apel gelar pasukan digelar.\n", encoding="utf-8")
    r = run_cli("predict", str(tmp_path / "docs"), str(tmp_path / "x.csv"), "--model", str(tiny_model))
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"].split("/")[-1] for x in recs] == ["a.txt", "b.txt", "k1"]
    assert recs[0]["error"]["code"] == "binary" and "labels" in recs[1]
    assert r.returncode == 3
    r = run_cli("predict", "--model", str(tiny_model), stdin="Polres menggelar rakor.")
    assert r.returncode == 0 and json.loads(r.stdout)["id"] == "stdin"


def test_cli_bad_model_is_a_usage_error(tmp_path):
    r = run_cli("predict", "--model", str(tmp_path), stdin="teks")
    assert r.returncode == 1 and "not a warta checkpoint" in r.stderr


def test_evaluate_writes_reports_beside_baselines(tiny_model, tiny_data, tmp_path):
    from warta_training.evaluate import main

    assert main(["--model", str(tiny_model), "--data", str(tiny_data), "--split", "test", "--out", str(tmp_path)]) == 0
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert set(metrics["systems"]) == {"warta", "keywords", "tfidf_logreg"}
    assert metrics["systems"]["keywords"]["n"] == 10
    for f in ("report.md", "misclassified.jsonl", "confusion.png", "pr_curves.png"):
        assert (tmp_path / f).stat().st_size > 0
