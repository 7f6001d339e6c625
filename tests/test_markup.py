from pathlib import Path

import pytest

from warta_training.markup import MarkupError, parse_file

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "data" / "authored" / "EXAMPLE.txt.example"

HEADER = """### ARTICLE
id: x-001
group: x-001
kind: positive
labels: rakor
region: Bali
date: 2024-08-01
outlet: online
title: T
summary: S.
---
"""


def parse_body(tmp_path: Path, body: str) -> dict:
    f = tmp_path / "a.txt"
    f.write_text(HEADER + body, encoding="utf-8")
    return parse_file(f)[0]


def test_example_offsets_round_trip():
    rec = parse_file(EXAMPLE)[0]
    for q in rec["quotes"]:
        assert rec["text"][q["start"] : q["end"]] == q["text"]
        for key in ("cue", "speaker_mention"):
            if q[key]:
                assert rec["text"][q[key]["start"] : q[key]["end"]] == q[key]["text"]
    assert "<" not in rec["text"]
    multi = [q for q in rec["quotes"] if "\n" in q["text"]]
    assert multi and multi[0]["text"].startswith("Personel") and multi[0]["text"].endswith("tebalkan")


def test_nya_cue_nests_mention(tmp_path):
    rec = parse_body(tmp_path, '“<q id=1 type=direct speaker="AKBP A B" role="Kapolres">Siap</q>,” <cue id=1>ujar<spk id=1>nya</spk></cue>.')
    q = rec["quotes"][0]
    assert (q["text"], q["cue"]["text"], q["speaker_mention"]["text"]) == ("Siap", "ujarnya", "nya")


def test_direct_span_snaps_to_marks(tmp_path):
    rec = parse_body(tmp_path, '“<q id=1 type=direct speaker="A">Kami siap</q>.” kata A.\n"<q id=2 type=direct speaker="A">Lanjut,</q>" kata A.')
    assert [q["text"] for q in rec["quotes"]] == ["Kami siap.", "Lanjut"]


@pytest.mark.parametrize(
    "body, msg",
    [
        ('“<q id=1 type=direct speaker="A">Siap”', "never closed"),
        ('<q id=1 type=direct speaker="A">Siap</q> tanpa tanda kutip', "inside quote marks"),
        ('“<q id=1 type=direct>Siap</q>”', "no speaker"),
        ('“<q id=1 type=direct speaker="A">Siap</q>” <cue id=2>ujar</cue>', "match no <q>"),
        ('“<q id=1 type=langsung speaker="A">Siap</q>”', "direct or indirect"),
    ],
)
def test_markup_errors_name_the_line(tmp_path, body, msg):
    with pytest.raises(MarkupError, match=msg) as e:
        parse_body(tmp_path, body)
    assert str(e.value).startswith("a.txt:")
