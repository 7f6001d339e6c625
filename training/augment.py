"""Surface-form variants of the event names, so the classifier learns the event and not one phrasing.

Real outlets write "Rapat Koordinasi (Rakor)", plain "rakor" or "gelar pasukan" where our
authors mostly wrote "rakor lintas sektoral" and "apel gelar pasukan"; on the real seed articles
(scripts/check_seeds.py) the first model keyed on "lintas sektoral" and missed rakor articles
without it. Each training article that names an event gets one extra copy with the names swapped
for a variant, positives and hard negatives alike (a stunting "rakor lintas sektoral" becomes a
stunting "rapat koordinasi"), so the topic around the name, not the name's wording, must decide.

Annotation offsets (quotes, cues, speaker mentions) are remapped to the rewritten text; the
reference summary gets the same substitution, so the sentence oracle still matches.
"""

from __future__ import annotations

import random
import re

# one pattern per event name; its variants are what real outlets write for the same thing
VARIANTS: list[tuple[re.Pattern[str], list[str]]] = [
    (re.compile(r"\b(?:rakor|rapat koordinasi)(?: \(rakor\))? lintas sektor(?:al)?\b", re.I),
     ["rakor", "rapat koordinasi", "Rapat Koordinasi (Rakor)", "rakor lintas sektor"]),
    (re.compile(r"\bapel gelar pasukan\b", re.I), ["gelar pasukan", "Apel Gelar Pasukan", "apel gelar pasukan"]),
    (re.compile(r"\b(?:simulasi|peragaan|latihan) (?:sispamkota|sispam kota|sistem pengamanan kota)\b", re.I),
     ["simulasi sispamkota", "Simulasi Sistem Pengamanan Kota (Sispamkota)", "peragaan sispamkota", "latihan sispamkota"]),
]


def _match_case(original: str, variant: str) -> str:
    """Keep a sentence-initial capital: "Rakor lintas sektoral itu" → "Rapat koordinasi itu"."""
    if original[:1].isupper() and variant[:1].islower():
        return variant[:1].upper() + variant[1:]
    return variant


def substitute(text: str, choice: dict[int, str]) -> tuple[str, list[tuple[int, int, int]]]:
    """Rewrite every event name with its chosen variant; returns the text and (old_start, old_end, new_len) edits."""
    edits = []
    for k, (pattern, _) in enumerate(VARIANTS):
        edits += [(m.start(), m.end(), _match_case(m.group(0), choice[k])) for m in pattern.finditer(text) if k in choice]
    edits.sort()
    out, pos, spans = [], 0, []
    for a, b, new in edits:
        if a < pos:  # overlapping matches of two patterns: keep the first
            continue
        out += [text[pos:a], new]
        spans.append((a, b, len(new)))
        pos = b
    out.append(text[pos:])
    return "".join(out), spans


def _mapper(spans: list[tuple[int, int, int]]):
    def new_pos(p: int) -> int:
        shift = 0
        for a, b, n in spans:
            if p >= b:
                shift += n - (b - a)
            elif p > a:  # inside a rewritten name: clamp to the variant's extent
                return a + shift + min(p - a, n)
        return p + shift
    return new_pos


def _remap(record: dict, text: str, spans: list[tuple[int, int, int]]) -> list[dict] | None:
    """The record's quotes with offsets moved onto the rewritten text (None if one collapses)."""
    new_pos = _mapper(spans)
    quotes = []
    for q in record.get("quotes", []):
        q = dict(q, start=new_pos(q["start"]), end=new_pos(q["end"]))
        q["text"] = text[q["start"] : q["end"]]
        for key in ("cue", "speaker_mention"):
            if q.get(key):
                s, e = new_pos(q[key]["start"]), new_pos(q[key]["end"])
                q[key] = {"start": s, "end": e, "text": text[s:e]}
        if q["end"] <= q["start"]:
            return None
        quotes.append(q)
    return quotes


def augment(record: dict, rng: random.Random) -> dict | None:
    """A copy of `record` with its event names rewritten, or None when it names no event."""
    choice = {k: rng.choice(variants) for k, (pattern, variants) in enumerate(VARIANTS) if pattern.search(record["text"])}
    if not choice:
        return None
    text, spans = substitute(record["text"], choice)
    if text == record["text"]:
        return None
    quotes = _remap(record, text, spans)
    if quotes is None:
        return None
    summary = substitute(record.get("summary", ""), choice)[0]
    return {**record, "id": f"{record['id']}+variant", "text": text, "quotes": quotes, "summary": summary}
