import random

from warta_training.augment import augment, substitute


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
