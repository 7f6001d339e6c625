"""Training targets derived from the gold annotations: the oracle summary sentences."""

from __future__ import annotations

from warta.sentences import Sentence

from .rouge import rouge_f, scorer


def oracle_from_spans(sentences: list[Sentence], gold: list[tuple[int, int]]) -> list[int]:
    """The sentences of warta's splitter that carry gold extractive sentences (IndoSum's, as
    character spans): a sentence is in when over half of it lies inside gold spans. Our splitter
    and IndoSum's differ at a few abbreviations, so spans, not indices, are matched."""
    out = []
    for i, s in enumerate(sentences):
        inside = sum(max(0, min(s.end, b) - max(s.start, a)) for a, b in gold)
        if inside * 2 > s.end - s.start:
            out.append(i)
    return out


def oracle_indices(sentences: list[Sentence], record: dict) -> list[int]:
    """The record's summary sentences among `sentences`: IndoSum's gold spans where given, else the
    ROUGE oracle against the reference summary."""
    if "oracle_spans" in record:
        return oracle_from_spans(sentences, record["oracle_spans"])
    return oracle_sentences(sentences, record["summary"])


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
