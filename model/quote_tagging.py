"""Combine the token tagger with the quote rules.

Rules are exact where the text is explicit: quote-mark pairing gives direct-quote boundaries
and speaker linking resolves who spoke. The tagger decides what rules guess at: whether a
quoted phrase is a statement or a scare quote/title, and where indirect quotes, their cues and
their speaker mentions lie.
"""

from __future__ import annotations

import torch

from .quotes import Span, extract_quotes, find_cue

STATEMENT_THRESHOLD = 0.5


def _runs(tag_ids: list[int], offsets: list[tuple[int, int]], tags: tuple[str, ...], kind: str) -> list[Span]:
    """Character spans of B-kind I-kind* token runs."""
    spans: list[list[int]] = []
    prev_in = False
    for t, tid in enumerate(tag_ids):
        name = tags[tid]
        a, b = offsets[t]
        if name == f"B-{kind}" or (name == f"I-{kind}" and not prev_in):
            spans.append([a, b])
            prev_in = True
        elif name == f"I-{kind}":
            spans[-1][1] = b
        else:
            prev_in = False
    return [(a, b) for a, b in spans if b > a]


def _trim(text: str, span: Span) -> Span:
    a, b = span
    while a < b and (text[a].isspace() or text[a] in ",;:"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:"):
        b -= 1
    return a, b


def _span_mean(p: torch.Tensor, offsets: list[tuple[int, int]], span: Span) -> float:
    idx = [t for t, (a, b) in enumerate(offsets) if b > a and span[0] <= a < span[1]]
    return float(p[idx].mean()) if idx else 0.0


def _nearest_before(spans: list[Span], pos: int, window: int) -> Span | None:
    cands = [s for s in spans if s[1] <= pos and pos - s[1] <= window]
    return max(cands, key=lambda s: s[1]) if cands else None


def _indirect(text: str, tag_ids: list[int], offsets, tags, p_iq: torch.Tensor) -> list[tuple[Span, Span | None, Span | None, float]]:
    cues = _runs(tag_ids, offsets, tags, "CUE")
    spks = _runs(tag_ids, offsets, tags, "SPK")
    out = []
    for span in _runs(tag_ids, offsets, tags, "IQ"):
        span = _trim(text, span)
        if span[1] - span[0] < 3:
            continue
        cue = _nearest_before(cues, span[0], 40)
        mention = _nearest_before(spks, cue[0] if cue else span[0], 60)
        if cue is None:
            cue, mention = find_cue(text, span, "indirect")
        out.append((span, cue, mention, _span_mean(p_iq, offsets, span)))
    return out


def assemble_quotes(text: str, tag_probs: torch.Tensor, offsets: list[tuple[int, int]], tags: tuple[str, ...]) -> list[dict]:
    """Quotes in the output schema, each with a confidence `score` from the tagger."""
    col = {t: i for i, t in enumerate(tags)}
    p_dq = tag_probs[:, col["B-DQ"]] + tag_probs[:, col["I-DQ"]]
    p_iq = tag_probs[:, col["B-IQ"]] + tag_probs[:, col["I-IQ"]]
    tag_ids = tag_probs.argmax(-1).tolist()
    indirect = _indirect(text, tag_ids, offsets, tags, p_iq)
    scores = {span: s for span, _, _, s in indirect}
    quotes = extract_quotes(
        text,
        statement=lambda sp: _span_mean(p_dq, offsets, sp) >= STATEMENT_THRESHOLD,
        indirect=[(span, cue, mention) for span, cue, mention, _ in indirect],
    )
    for q in quotes:
        span = (q["start"], q["end"])
        q["score"] = round(scores.get(span, _span_mean(p_dq, offsets, span)), 4)
    return quotes
