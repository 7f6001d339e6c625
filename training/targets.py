"""Training targets derived from the gold annotations: token tags and oracle summary sentences."""

from __future__ import annotations

from warta.batching import Encoded
from warta.modeling import TAGS
from warta.sentences import Sentence

from .rouge import rouge_f, scorer

TAG_ID = {t: i for i, t in enumerate(TAGS)}


def _spans(quotes: list[dict]) -> list[tuple[int, int, str]]:
    """(start, end, kind) for every tagged span; later entries win where spans overlap."""
    out = []
    for q in quotes:
        out.append((q["start"], q["end"], "DQ" if q["type"] == "direct" else "IQ"))
    for q in quotes:  # cues and mentions are written after quotes: a mention inside a quote keeps SPK
        if q.get("cue"):
            out.append((q["cue"]["start"], q["cue"]["end"], "CUE"))
        m = q.get("speaker_mention")
        if m and not (q.get("cue") and q["cue"]["start"] <= m["start"] and m["end"] <= q["cue"]["end"]):
            out.append((m["start"], m["end"], "SPK"))  # a -nya mention inside its cue word stays CUE
    return out


def token_tags(doc: Encoded, quotes: list[dict]) -> list[int]:
    """BIO tag id per token: a token takes the kind of the span containing its first character."""
    kinds = [None] * len(doc.ids)
    for start, end, kind in _spans(quotes):
        for t, (a, b) in enumerate(doc.offsets):
            if b > a and start <= a < end:
                kinds[t] = (kind, start)
    tags, prev = [], None
    for k in kinds:
        if k is None:
            tags.append(TAG_ID["O"])
        else:
            tags.append(TAG_ID[("I-" if prev == k else "B-") + k[0]])
        prev = k
    return tags


def oracle_sentences(sentences: list[Sentence], summary: str, max_k: int = 3) -> list[int]:
    """Greedy oracle: add the sentence that most raises ROUGE-1+2 F against the reference, until none does."""
    sc = scorer(("rouge1", "rouge2"))
    chosen: list[int] = []
    best = 0.0
    for _ in range(max_k):
        gains = []
        for i in range(len(sentences)):
            if i in chosen:
                continue
            cand = " ".join(sentences[j].text for j in sorted([*chosen, i]))
            r = rouge_f(summary, cand, sc)
            gains.append((r["rouge1"] + r["rouge2"], i))
        if not gains:
            break
        score, i = max(gains)
        if score <= best:
            break
        best = score
        chosen.append(i)
    return sorted(chosen)
