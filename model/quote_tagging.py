"""Combine the token tagger with the quote rules.

Rules propose: quote-mark pairing gives direct-quote boundaries exactly, cue patterns give
indirect-quote candidates, and speaker linking resolves who spoke. The tagger proposes more
indirect spans and scores every candidate. A candidate's score is the mean of the rule vote
(is it a statement? does a cue pattern match?) and the tagger's probability over the span,
and it is kept when the score reaches its type's threshold, tuned on dev at training time.
At the default 0.5 the rules decide and the tagger only scores; a higher threshold lets the
tagger veto rule candidates, a lower one lets it add spans the rules missed.
"""

from __future__ import annotations

import bisect

from dataclasses import dataclass

import torch

from .quotes import Span, extract_quotes, find_cue, find_direct_quotes, find_indirect_quotes, is_statement

DEFAULT_THRESHOLDS = {"direct": 0.5, "indirect": 0.5}


@dataclass
class Candidate:
    type: str
    span: Span
    rule: bool
    p: float
    cue: Span | None = None
    mention: Span | None = None

    @property
    def score(self) -> float:
        return (float(self.rule) + self.p) / 2


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


def _span_mean(p: torch.Tensor, offsets: list[tuple[int, int]], starts: list[int], span: Span) -> float:
    # offsets ascend by start (`starts`, computed once per text), so the tokens starting inside the span are one slice
    lo, hi = bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])
    idx = [t for t in range(lo, hi) if offsets[t][1] > offsets[t][0]]
    return float(p[idx].mean()) if idx else 0.0


def _nearest_before(spans: list[Span], pos: int, window: int) -> Span | None:
    cands = [s for s in spans if s[1] <= pos and pos - s[1] <= window]
    return max(cands, key=lambda s: s[1]) if cands else None


def _indirect(text: str, tag_ids: list[int], offsets, starts: list[int], tags, p_iq: torch.Tensor) -> list[tuple[Span, Span | None, Span | None, float]]:
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
        out.append((span, cue, mention, _span_mean(p_iq, offsets, starts, span)))
    return out


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def quote_candidates(text: str, tag_probs: torch.Tensor, offsets: list[tuple[int, int]], tags: tuple[str, ...]) -> list[Candidate]:
    """Every quote the rules or the tagger propose, with the rule vote and the tagger's probability."""
    col = {t: i for i, t in enumerate(tags)}
    p_dq = tag_probs[:, col["B-DQ"]] + tag_probs[:, col["I-DQ"]]
    p_iq = tag_probs[:, col["B-IQ"]] + tag_probs[:, col["I-IQ"]]
    direct = find_direct_quotes(text)
    outer = [sp for sp in direct if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in direct)]
    starts = [a for a, _ in offsets]
    cands = [Candidate("direct", sp, is_statement(text, sp), _span_mean(p_dq, offsets, starts, sp)) for sp in outer]
    cands += [Candidate("indirect", sp, True, _span_mean(p_iq, offsets, starts, sp), cue, m) for sp, cue, m in find_indirect_quotes(text, direct)]
    for sp, cue, m, p in _indirect(text, tag_probs.argmax(-1).tolist(), offsets, starts, tags, p_iq):
        if not any(_overlaps(sp, c.span) for c in cands):
            cands.append(Candidate("indirect", sp, False, p, cue, m))
    return cands


def assemble_quotes(text: str, tag_probs: torch.Tensor, offsets: list[tuple[int, int]], tags: tuple[str, ...],
                    thresholds: dict[str, float] | None = None) -> list[dict]:
    """Quotes in the output schema, each with its candidate `score`."""
    th = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    cands = quote_candidates(text, tag_probs, offsets, tags)
    kept = [c for c in cands if c.score >= th[c.type]]
    statements = {c.span for c in kept if c.type == "direct"}
    quotes = extract_quotes(text, statement=lambda sp: sp in statements,
                            indirect=[(c.span, c.cue, c.mention) for c in kept if c.type == "indirect"])
    scores = {(c.type, c.span): c.score for c in kept}
    for q in quotes:
        span = (q["start"], q["end"])
        # nested quotes inside a kept statement inherit the score of the quote around them
        outer = max((v for (t, sp), v in scores.items() if t == q["type"] and sp[0] <= span[0] and span[1] <= sp[1]), default=0.0)
        q["score"] = round(scores.get((q["type"], span), outer), 4)
    return quotes
