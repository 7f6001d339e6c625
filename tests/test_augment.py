import random

from warta_training.augment import add_furniture, augment, substitute
from warta_training.train import augmented_copies


def _record(text: str, quote: str, cue: str, who: str) -> dict:
    qs, cs, ws = text.index(quote), text.index(cue), text.index(who)
    return {"id": "x", "labels": ["rakor"], "text": text, "summary": "Polres Bone menggelar rakor lintas sektoral.",
            "quotes": [{"start": qs, "end": qs + len(quote), "text": quote, "type": "direct",
                        "cue": {"start": cs, "end": cs + len(cue), "text": cue},
                        "speaker_mention": {"start": ws, "end": ws + len(who), "text": who}, "speaker": who, "speaker_role": ""}]}


def test_variant_copy_keeps_every_offset_on_its_text():
    text = ("Rakor lintas sektoral digelar di Mapolres Bone. “Rakor lintas sektoral ini penting,” ujar AKBP Erwin. "
            "Usai apel gelar pasukan, personel bergerak.")
    rec = _record(text, "Rakor lintas sektoral ini penting,", "ujar", "AKBP Erwin")
    for seed in range(8):
        out = augment(rec, random.Random(seed))
        assert out is not None and out["labels"] == ["rakor"] and out["id"] == "x+variant"
        assert "lintas sektoral" not in out["text"] and out["summary"] != rec["summary"]  # names rewritten in text and summary alike
        q = out["quotes"][0]
        for span in (q, q["cue"], q["speaker_mention"]):
            assert out["text"][span["start"] : span["end"]] == span["text"]
        assert q["cue"]["text"] == "ujar" and q["speaker_mention"]["text"] == "AKBP Erwin"
        assert out["text"][0].isupper()  # sentence-initial capital kept


def test_articles_naming_no_event_get_no_copy():
    rec = _record("Kapolres Bone AKBP Erwin meninjau pos. “Aman,” ujarnya.", "Aman,", "ujarnya", "AKBP Erwin")
    assert augment(rec, random.Random(0)) is None


def test_substitute_reports_each_edit():
    text, edits = substitute("rakor lintas sektoral dan simulasi sispamkota", {0: "rapat koordinasi", 2: "peragaan sispamkota"})
    assert text == "rapat koordinasi dan peragaan sispamkota"
    assert [(a, b) for a, b, _ in edits] == [(0, 21), (26, 45)]


TITLES = ["Polres Tolitoli Gelar Rakor Lintas Sektoral", "Pemkab Banjar Gelar Apel Siaga Banjir", "Curanmor di Pasar Baru Ditangkap",
          "KPU Gelar Simulasi Pemungutan Suara"]


def test_furniture_copy_adds_headline_blocks_and_keeps_every_span():
    text = ("BONE – Polres Bone menggelar rakor lintas sektoral, Senin.\n\n“Kami siap,” ujar AKBP Erwin.\n\n"
            "Personel disiagakan di 40 pos.\n\nSelesai.")
    rec = _record(text, "Kami siap,", "ujar", "AKBP Erwin")
    for seed in range(12):
        out = add_furniture(rec, TITLES, random.Random(seed))
        assert out["labels"] == rec["labels"] and out["summary"] == rec["summary"] and out["id"] == "x+furniture"
        assert len(out["text"]) > len(text) and sum(t in out["text"] for t in TITLES) >= 2
        q = out["quotes"][0]
        for span, want in ((q, "Kami siap,"), (q["cue"], "ujar"), (q["speaker_mention"], "AKBP Erwin")):
            assert out["text"][span["start"] : span["end"]] == span["text"] == want
        for line in text.split("\n\n"):  # the article's own paragraphs survive whole, in order
            assert line in out["text"]


def test_furniture_never_splits_a_span_touching_a_break():
    text = "Paragraf satu.\nKami siap\nberjaga."  # a quote that ends on a line break and one that runs to the end
    rec = _record(text, "Kami siap\n", "Paragraf", "satu")
    rec["quotes"].append(dict(rec["quotes"][0], start=text.index("berjaga"), end=len(text), text="berjaga."))
    for seed in range(12):
        out = add_furniture(rec, TITLES, random.Random(seed))
        assert [out["text"][q["start"] : q["end"]] for q in out["quotes"]] == ["Kami siap\n", "berjaga."]


def test_augmented_copies_carry_furniture_only_when_asked():
    recs = [dict(_record(f"Polres {i} menggelar rakor lintas sektoral.\n“Siap,” ujar Andi.", "Siap,", "ujar", "Andi"), id=f"r{i}", title=f"Judul {i}")
            for i in range(6)]
    with_f = augmented_copies(recs, random.Random(0), furniture=True)
    without = augmented_copies(recs, random.Random(0))
    assert len(with_f) == len(without) == 6
    assert all("Judul" in r["text"] for r in with_f) and not any("Judul" in r["text"] for r in without)
