"""Summary baselines (Lead-2, Lead-3, TextRank, the extractive oracle) and ROUGE over a split."""

from __future__ import annotations

import numpy as np

from warta.sentences import Sentence, is_boilerplate, split_sentences
from warta.summarize import trim_dateline

from .rouge import scorer


def lead(sentences: list[Sentence], k: int = 3, skip_boilerplate: bool = False) -> list[int]:
    """The first k sentences; with skip_boilerplate, the first k that are not captions/links/ads."""
    idx = [i for i, s in enumerate(sentences) if not (skip_boilerplate and is_boilerplate(s.text))]
    return idx[:k]


def textrank(sentences: list[Sentence], k: int = 3, damping: float = 0.85, iters: int = 50) -> list[int]:
    """TextRank over TF-IDF cosine similarity. Power iteration by hand: the graph has tens of
    nodes, and networkx would be a dependency for ten lines of numpy."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(sentences) <= k:
        return list(range(len(sentences)))
    try:
        x = TfidfVectorizer(lowercase=True).fit_transform([s.text for s in sentences])
    except ValueError:  # no word characters at all
        return list(range(k))
    sim = (x @ x.T).toarray()
    np.fill_diagonal(sim, 0.0)
    rows = sim.sum(axis=1, keepdims=True)
    trans = np.divide(sim, rows, out=np.full_like(sim, 1.0 / len(sentences)), where=rows > 0)
    rank = np.full(len(sentences), 1.0 / len(sentences))
    for _ in range(iters):
        rank = (1 - damping) / len(sentences) + damping * trans.T @ rank
    return sorted(np.argsort(-rank)[:k].tolist())


def baseline_summaries(texts: list[str], oracles: list[list[tuple[int, int]]] | None = None) -> dict[str, list[str]]:
    """Lead-2, Lead-3 (plain and skipping page furniture), TextRank, and, where gold extractive
    sentences are given (IndoSum's, as character spans), the oracle that picks exactly those."""
    out: dict[str, list[str]] = {"lead2": [], "lead3": [], "lead3_skip_boilerplate": [], "textrank": []}
    for t in texts:
        sents = split_sentences(t)
        out["lead2"].append(" ".join(sents[i].text for i in lead(sents, k=2)))
        out["lead3"].append(" ".join(sents[i].text for i in lead(sents)))
        # the stronger Lead-3 drops the page furniture warta's own summaries drop
        out["lead3_skip_boilerplate"].append(" ".join(trim_dateline(sents[i]).text for i in lead(sents, skip_boilerplate=True)))
        out["textrank"].append(" ".join(sents[i].text for i in textrank(sents)))
    if oracles is not None:
        out["oracle"] = [" ".join(t[a:b] for a, b in spans) for t, spans in zip(texts, oracles)]
    return out


def rouge_table(references: list[str], systems: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """Mean ROUGE-1/2/L F1 (×100) of each system against the reference summaries."""
    sc = scorer()
    out = {}
    for name, cands in systems.items():
        rows = [sc.score(ref, cand) for ref, cand in zip(references, cands)]
        out[name] = {k: round(100 * float(np.mean([r[k].fmeasure for r in rows])), 2) for k in ("rouge1", "rouge2", "rougeL")}
        out[name]["words"] = round(float(np.mean([len(c.split()) for c in cands])), 1)
    return out
