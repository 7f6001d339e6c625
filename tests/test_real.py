"""The annotation layer over real pages: join by id + sha1, validation, the two-pass build, and
training/evaluation that read it (tiny synthetic pool standing in for ../shared/real)."""

import json

import numpy as np
import pytest
from conftest import synth_split, write_split

from warta_training.real import RealDataError, join, load_pool, real_split, sha1
from warta_training.real_build import build_real, decide, event_groups
from warta_training.validate import validate_real


def make_pool(folder, records):
    """A pages.jsonl holding the records' texts, and annotation lines (labels only) over it."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = [{"id": f"p{i:04d}", "url": f"https://x.id/berita/{r['id']}-polres-gelar-kegiatan", "title": "", "text": r["text"],
              "sha1": sha1(r["text"])} for i, r in enumerate(records)]
    (folder / "pages.jsonl").write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages), encoding="utf-8")
    return pages


def annotations(pages, records, split):
    return [{"id": p["id"], "sha1": p["sha1"], "labels": r["labels"], "kind": r["meta"]["kind"], "doubt": "",
             "group": f"real-{p['id']}", "split": split} for p, r in zip(pages, records)]


def write_annotations(data, anns):
    (data / "real").mkdir(parents=True, exist_ok=True)
    (data / "real" / "annotations.jsonl").write_text("".join(json.dumps(a) + "\n" for a in anns), encoding="utf-8")


def test_join_builds_records_and_names_a_changed_or_missing_text(tmp_path):
    recs = synth_split(500, 4)
    pages = make_pool(tmp_path / "pool", recs)
    anns = annotations(pages, recs, "train")
    pool = load_pool(tmp_path / "pool")
    out = join(anns, pool)
    assert [r["text"] for r in out] == [r["text"] for r in recs]
    assert out[0]["meta"]["source"] == "real" and out[0]["meta"]["has_quotes"] is False
    pool["p0002"] = {**pool["p0002"], "text": pool["p0002"]["text"] + " ralat"}
    with pytest.raises(RealDataError, match="p0002.*changed"):
        join(anns, pool)
    del pool["p0002"]
    with pytest.raises(RealDataError, match="p0002.*missing"):
        join(anns, pool)


def test_real_split_says_what_it_skipped_without_the_pool(tmp_path):
    recs = synth_split(500, 2)
    pages = make_pool(tmp_path / "pool", recs)
    write_annotations(tmp_path / "data", annotations(pages, recs, "dev"))
    got, note = real_split(tmp_path / "data", "dev", tmp_path / "nowhere")
    assert got == [] and "skipped 2 real dev articles" in note
    got, note = real_split(tmp_path / "data", "dev", tmp_path / "pool")
    assert len(got) == 2 and note == ""


def test_validate_real_reports_sha1_offsets_labels_and_straddling_groups(tmp_path):
    recs = synth_split(500, 5)
    pages = make_pool(tmp_path / "pool", recs)
    anns = annotations(pages, recs, "train")
    anns[0]["sha1"] = "0" * 40
    anns[1]["labels"] = ["demo"]
    q = {k: v for k, v in recs[2]["quotes"][0].items() if k not in ("text", "cue", "speaker_mention")}
    anns[2]["quotes"] = [{**q, "end": len(recs[2]["text"]) + 5, "cue": None, "speaker_mention": None},
                         {**recs[2]["quotes"][0]}]  # offsets past the text; a span stored with its words
    anns[3]["group"], anns[3]["split"] = anns[4]["group"], "test"
    write_annotations(tmp_path / "data", anns)
    problems, n, note = validate_real(tmp_path / "data", tmp_path / "pool")
    text = "\n".join(map(str, problems))
    assert "annotations.jsonl:1: real article p0000: pool text changed" in text
    assert "annotations.jsonl:2: labels ['demo']" in text
    assert "annotations.jsonl:3: quotes[0] has bad offsets" in text
    assert "annotations.jsonl:3: quotes[1] stores span text" in text
    assert "straddles splits" in text
    assert note == ""
    _, _, note = validate_real(tmp_path / "data", tmp_path / "nowhere")
    assert "not checked" in note


def _pass(ids, labels, kinds, unit="", date=""):
    return [{"id": i, "labels": lab, "kind": k, "unit": unit, "date": date, "doubt": ""} for i, lab, k in zip(ids, labels, kinds)]


def test_build_adjudicates_disagreements_and_reports_kappa(tmp_path):
    recs = synth_split(600, 6)
    pages = make_pool(tmp_path / "pool", recs)
    ids = [p["id"] for p in pages]
    a = _pass(ids, [r["labels"] for r in recs], [r["meta"]["kind"] for r in recs])
    b = json.loads(json.dumps(a))
    b[0]["labels"], b[0]["kind"] = [], "hard_negative"  # one disagreement
    real = tmp_path / "data" / "real"
    (real / "passes").mkdir(parents=True)
    for name, rows in (("a", a), ("b", b)):
        (real / "passes" / f"{name}.jsonl").write_text("".join(json.dumps(x) + "\n" for x in rows))
    pool = load_pool(tmp_path / "pool")
    with pytest.raises(ValueError, match="no adjudication"):
        build_real(tmp_path / "data", pool)
    (real / "adjudication.jsonl").write_text(json.dumps({"id": ids[0], "labels": [], "kind": "hard_negative", "doubt": "passing: x"}) + "\n")
    lines, md = build_real(tmp_path / "data", pool)
    assert lines[0]["labels"] == [] and lines[0]["doubt"] == "passing: x"
    assert [ln["labels"] for ln in lines[1:]] == [r["labels"] for r in recs[1:]]
    assert "Cohen's kappa" in md and "| rakor |" in md
    assert all(ln["sha1"] == p["sha1"] for ln, p in zip(lines, pages))


def test_build_reports_agreement_of_two_quote_passes(tmp_path):
    recs = synth_split(600, 4)
    pages = make_pool(tmp_path / "pool", recs)
    ids = [p["id"] for p in pages]
    a = _pass(ids, [r["labels"] for r in recs], [r["meta"]["kind"] for r in recs])
    real = tmp_path / "data" / "real"
    (real / "passes").mkdir(parents=True)
    (real / "quote_passes").mkdir()
    for name in ("a", "b"):
        (real / "passes" / f"{name}.jsonl").write_text("".join(json.dumps(x) + "\n" for x in a))
    quote = {"start": 0, "end": 10, "type": "indirect", "cue": None, "speaker_mention": None, "speaker": "Budi", "speaker_role": ""}
    first = [{"id": ids[0], "quotes": [quote]}, {"id": ids[1], "quotes": [quote]}]
    second = [{"id": ids[0], "quotes": [quote]}, {"id": ids[1], "quotes": [dict(quote, speaker="Ani")]}]
    for name, rows in (("a", first), ("b", second)):
        (real / "quote_passes" / f"{name}.jsonl").write_text("".join(json.dumps(x) + "\n" for x in rows))
    _, md = build_real(tmp_path / "data", load_pool(tmp_path / "pool"))
    assert "## Quotes: two independent passes before adjudication" in md
    assert "2 real pages annotated in two independent passes" in md and "1 of them identically" in md
    assert "| indirect | 2 | 2 | 1.000 | 1.000 | 0.500 |" in md


def test_kind_disagreement_alone_prefers_hard_negative():
    a = {"id": "p1", "labels": [], "kind": "negative"}
    assert decide(a, {**a, "kind": "hard_negative"}, None) == ([], "hard_negative")


def test_copies_and_same_unit_day_share_a_group():
    base = " ".join(f"kata{i}" for i in range(80))
    texts = [base, base.replace("kata3 ", "kata3 tambahan "), "lain " * 50, "beda " * 50]
    ids = ["p1", "p2", "p3", "p4"]
    passes = [{i: {"unit": "", "date": ""} for i in ids}]
    passes[0]["p3"] = {"unit": "Polres Bone", "date": "2024-08-14"}
    passes[0]["p4"] = {"unit": "polres  bone", "date": "2024-08-14"}
    g = event_groups(ids, texts, passes)
    assert g["p1"] == g["p2"] and g["p3"] == g["p4"] and g["p1"] != g["p3"]


def test_training_masks_the_summary_loss_of_label_only_articles(tiny_encoder):
    from warta_training.real import to_record
    from warta_training.train import TrainArgs, build_model, losses, make_examples

    args = TrainArgs(base_model=str(tiny_encoder), max_len=64, stride=48)
    model, tok = build_model(args)
    rec = synth_split(700, 1)[0]
    real = to_record({"id": "p1", "sha1": sha1(rec["text"]), "labels": rec["labels"], "kind": "positive", "group": "g", "split": "train"},
                     {"id": "p1", "text": rec["text"]})
    ex = make_examples(tok, [real], progress=False)
    assert not ex[0].has_oracle and ex[0].has_events
    parts = losses(model, tok, ex, args)
    assert parts["sentences"].item() == 0.0 and parts["events"].item() > 0.0
    authored = losses(model, tok, make_examples(tok, [rec], progress=False), args)
    assert authored["sentences"].item() > 0.0


def test_evaluate_reports_real_pages_first_with_calibration_and_forms(tiny_model, tiny_data, tmp_path, monkeypatch):
    from warta_training.evaluate import main

    recs = synth_split(800, 10)
    pool = tmp_path / "pool"
    pages = make_pool(pool, recs)
    data = tmp_path / "data"
    for split in ("train", "dev", "test"):
        write_split(data, split, [json.loads(x) for x in (tiny_data / f"{split}.jsonl").read_text().splitlines()])
    write_annotations(data, annotations(pages, recs, "test"))
    indosum = {"id": "i1", "category": "tajuk utama", "paragraphs": [[["Warga", "menanam", "padi", "di", "sawah", "."]] * 30]}
    (pool / "indosum.jsonl").write_text(json.dumps(indosum) + "\n")
    monkeypatch.setenv("WARTA_REAL_DIR", str(pool))
    assert main(["--model", str(tiny_model), "--data", str(data), "--split", "test", "--out", str(tmp_path / "rep")]) == 0
    metrics = json.loads((tmp_path / "rep" / "metrics.json").read_text())
    assert list(metrics["corpora"]) == ["real", "authored"]
    real = metrics["corpora"]["real"]
    assert real["n"] == 10 and real["quotes"] == {} and real["summaries"] == {}
    assert set(real["forms"]) == {"excerpt", "title_body", "long"} and real["forms"]["long"]["mean_words"] >= 1500
    assert 0.0 <= real["calibration"]["ece_all"] <= 1.0
    report = (tmp_path / "rep" / "report.md").read_text()
    assert report.index("Real news pages") < report.index("Authored articles")
    assert (tmp_path / "rep" / "real_reliability.png").stat().st_size > 0


def test_forms_and_calibration_helpers():
    from warta_training.calibration import ece
    from warta_training.forms import long_form, slug_title

    assert slug_title("https://x.id/read/2024/01/02/123456/polres-bone-gelar-apel.html") == "Polres Bone Gelar Apel"
    assert slug_title("https://tribratanews.x.polri.go.id/?p=28650") == ""
    assert len(long_form("awal", ["satu dua tiga"] * 3, 0).split()) >= 1500
    y = np.array([0, 0, 1, 1])
    assert ece(y, np.array([0.0, 0.0, 1.0, 1.0])) == 0.0
    assert ece(y, np.array([1.0, 1.0, 0.0, 0.0])) == 1.0


def test_indosum_detokenizer():
    from warta_training.indosum import detokenize

    toks = ["Jakarta", ",", "Senin", "(", "27", "/", "3", ")", "-", "-", '"', "Kami", "siap", ",", '"', "kata", "dia", "."]
    assert detokenize(toks) == 'Jakarta, Senin (27/3) -- "Kami siap," kata dia.'


def test_refit_events_redoes_lexical_choices_without_retraining(tiny_model, tiny_data, tmp_path):
    import shutil

    from warta import Predictor
    from warta.quotes.linker import LINKER_FILE
    from warta_training.train import WEIGHT_GRID, refit_events

    source = tmp_path / "source"
    shutil.copytree(tiny_model, source)
    (source / LINKER_FILE).write_text('{"marker": 1}', encoding="utf-8")
    events = refit_events(source, tmp_path / "refit", data=str(tiny_data), lexical_analyzer="char_wb", lexical_weight=-1.0)
    assert (tmp_path / "refit" / LINKER_FILE).read_text(encoding="utf-8") == '{"marker": 1}'  # carried over untouched
    (tmp_path / "refit" / LINKER_FILE).unlink()
    assert events["lexical_weight"] in WEIGHT_GRID and set(events["dev_lexical_sweep"]) == {str(w) for w in WEIGHT_GRID}
    p = Predictor.load(tmp_path / "refit")
    assert p.lexical_weight == events["lexical_weight"]
    if p.lexical_weight > 0:
        assert p.lexical.analyzer == "char_wb"
    assert p.config["train_args"]["lexical_analyzer"] == "char_wb"


def _indosum_article(i: int) -> dict:
    para = [[["Polres", "Bone", "menggelar", "rakor", "di", "Watampone", ",", "Senin", "(", "27", "/", "3", ")", "."],
             ["Kapolres", "memimpin", "rapat", "itu", "."]],
            [["Rapat", "membahas", "pengamanan", "pilkada", "."]],
            [["Cuaca", "cerah", "sepanjang", "hari", "."]]]
    return {"id": f"art-{i}", "category": "tajuk utama", "paragraphs": para,
            "gold_labels": [[True, False], [True], [False]],
            "summary": [["Polres", "Bone", "menggelar", "rakor", "pengamanan", "pilkada", "."]]}


def test_indosum_records_carry_gold_sentence_spans_and_mask_events(tmp_path, monkeypatch):
    import warta_training.indosum as ind
    from warta.sentences import split_sentences
    from warta_training.targets import oracle_from_spans

    (tmp_path / "indosum.jsonl").write_text("".join(json.dumps(_indosum_article(i)) + "\n" for i in range(6)), encoding="utf-8")
    split_file = tmp_path / "split.json"
    monkeypatch.setattr(ind, "SPLIT_FILE", split_file)
    sizes = ind.write_split(tmp_path, split_file)
    assert sum(sizes.values()) == 6 and all(ind.split_of_id(f"art-{i}") in sizes for i in range(6))
    part = max(sizes, key=sizes.get)
    recs, note = ind.indosum_split(part, tmp_path)
    assert note == "" and len(recs) == sizes[part]
    r = recs[0]
    assert r["text"].split("\n")[0] == "Polres Bone menggelar rakor di Watampone, Senin (27/3). Kapolres memimpin rapat itu."
    assert [r["text"][a:b] for a, b in r["oracle_spans"]] == ["Polres Bone menggelar rakor di Watampone, Senin (27/3).",
                                                               "Rapat membahas pengamanan pilkada."]
    assert r["meta"]["has_events"] is False and r["meta"]["has_quotes"] is False and r["labels"] == []
    assert oracle_from_spans(split_sentences(r["text"]), r["oracle_spans"]) == [0, 2]
    assert ind.indosum_split("dev", tmp_path / "missing")[1].startswith("IndoSum skipped")


def test_indosum_articles_train_sentences_only(tiny_encoder):
    from warta_training.indosum import to_summary_record
    from warta_training.train import TrainArgs, build_model, losses, make_examples

    args = TrainArgs(base_model=str(tiny_encoder), max_len=64, stride=48)
    model, tok = build_model(args)
    ex = make_examples(tok, [to_summary_record(_indosum_article(1), "train")], progress=False)
    assert not ex[0].has_events and ex[0].oracle.tolist() == [1.0, 0.0, 1.0, 0.0]
    parts = losses(model, tok, ex, args)
    assert parts["events"].item() == 0.0 and parts["sentences"].item() > 0.0
