"""Train -> save -> load -> predict with a tiny multi-task model, and the CLI contracts around it."""

import json
import subprocess
import sys


from warta import Predictor
from warta.labels import EVENT_LABELS


def test_checkpoint_is_a_hugging_face_folder(tiny_model):
    from transformers import AutoModel, AutoTokenizer

    from warta.modeling import WartaModel

    names = {p.name for p in tiny_model.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "warta_config.json"} <= names
    assert not any(n.endswith((".bin", ".pt", ".pkl")) for n in names)
    assert json.loads((tiny_model / "config.json").read_text())["model_type"] == "warta"
    assert isinstance(AutoModel.from_pretrained(str(tiny_model)), WartaModel)  # the whole model, heads included
    AutoTokenizer.from_pretrained(str(tiny_model))


def test_predict_record_shape_and_offsets_into_caller_text(tiny_model):
    p = Predictor.load(tiny_model)
    short = "Polres Bone menggelar rakor lintas sektoral.\n“Kami siap,” ujar AKBP Malpa Malacoppo. Personel sudah dicek."
    long = ("Patroli berjalan aman. " * 400) + short
    assert p.n_windows(long) > 1  # read whole, never cut
    out = p.predict([short, long])
    assert len(out) == 2
    for text, rec in zip([short, long], out):
        assert set(rec) == {"labels", "scores", "quotes", "summary", "summary_sentences"}
        assert set(rec["scores"]) == set(EVENT_LABELS)
        assert all(0.0 <= v <= 1.0 for v in rec["scores"].values())
        assert set(rec["labels"]) <= set(EVENT_LABELS)
        assert rec["summary_sentences"], "a summary has at least one sentence"
        assert rec["summary"] == " ".join(text[s["start"] : s["end"]] for s in rec["summary_sentences"])
        for q in rec["quotes"]:
            assert text[q["start"] : q["end"]] == q["text"]
            assert q["type"] in ("direct", "indirect") and q["speaker"] is not None
    assert p.predict([]) == []


def test_furniture_is_not_read_and_offsets_stay_on_the_page(tiny_model):
    """A page with a related-headline block scores as the story alone, and spans index the page."""
    p = Predictor.load(tiny_model, quantize=False)
    story = "Polres Bone menggelar rakor lintas sektoral.\n“Kami siap,” ujar AKBP Malpa Malacoppo. Personel sudah dicek."
    page = ("Baca juga:\n- Kurir Sabu Dibekuk di Pelabuhan Bajoe\n- Harga Gabah di Bone Naik Jelang Tanam\n" + story
            + "\nBERITA TERKAIT\nPetani Bone Panen Jagung\nJembatan Cenrana Diperbaiki Tahun Depan")
    bare, framed = p.predict([story, page])
    assert framed["scores"] == bare["scores"]
    assert [q["text"] for q in framed["quotes"]] == [q["text"] for q in bare["quotes"]]
    for q in framed["quotes"]:
        assert page[q["start"] : q["end"]] == q["text"]
    assert framed["summary"] == " ".join(page[s["start"] : s["end"]] for s in framed["summary_sentences"])
    assert "Baca" not in framed["summary"] and "Jembatan" not in framed["summary"]


def test_quotes_are_the_rules_output(tiny_model):
    """The token tagger is gone: quotes in a record are exactly what the quote rules give."""
    from warta.quotes import extract_quotes

    text = "Kapolres AKBP Malpa Malacoppo hadir. “Kami siap mengamankan Pilkada,” ujarnya. Ia menegaskan, personel sudah disiagakan."
    rec = Predictor.load(tiny_model).predict([text])[0]
    assert rec["quotes"] == extract_quotes(text)
    assert [(q["type"], q["text"], q["speaker"]) for q in rec["quotes"]] == [
        ("direct", "Kami siap mengamankan Pilkada", "AKBP Malpa Malacoppo"), ("indirect", "personel sudah disiagakan", "AKBP Malpa Malacoppo")]


def test_inference_package_never_imports_training():
    code = "import sys, warta, warta.predictor, warta.cli, warta.predict_cli; sys.exit('warta_training' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


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
    assert set(recs[0]) == {"id", "labels", "scores", "quotes", "summary", "summary_sentences"}


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
    assert set(metrics["corpora"]) == {"authored"}  # tiny_data has no real layer
    ev = metrics["corpora"]["authored"]
    assert set(ev["systems"]) == {"warta", "encoder_only", "keywords", "tfidf_logreg"}  # the tiny model fuses both halves
    assert ev["systems"]["keywords"]["n"] == 10
    assert 0.0 <= ev["systems"]["warta"]["none_accuracy"] <= 1.0
    assert set(ev["quotes"]) == {"warta", "rules", "baseline"}
    assert ev["quotes"]["rules"]["direct"]["n_gold"] == 10
    assert {"warta", "lead3", "textrank"} <= set(ev["summaries"])
    for f in ("report.md", "misclassified.jsonl", "authored_confusion.png", "authored_pr_curves.png", "authored_reliability.png"):
        assert (tmp_path / f).stat().st_size > 0
