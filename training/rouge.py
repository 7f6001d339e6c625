"""ROUGE for Indonesian with rouge-score, minus its English assumptions.

rouge-score's default tokenizer keeps only [a-z0-9] runs, so "2.162 personel" becomes "2", "162"
and "12/8/2024" three tokens, and any non-ASCII letter is dropped; its Porter stemmer applies
English suffix rules ("sinergitas" -> "sinergita"). We keep words whole and lower-cased, with
numbers and dates as one token, and never stem.
"""

from __future__ import annotations

import re

from rouge_score import rouge_scorer

TOKEN_RE = re.compile(r"\w+(?:[./,-]\w+)*", re.UNICODE)


class IndonesianTokenizer:
    """The tokenizer interface rouge-score expects: tokenize(text) -> list[str]."""

    def tokenize(self, text: str) -> list[str]:
        return TOKEN_RE.findall(text.lower())


def scorer(types: tuple[str, ...] = ("rouge1", "rouge2", "rougeL")) -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(list(types), use_stemmer=False, tokenizer=IndonesianTokenizer())


def rouge_f(reference: str, candidate: str, sc: rouge_scorer.RougeScorer | None = None) -> dict[str, float]:
    sc = sc or scorer()
    return {k: v.fmeasure for k, v in sc.score(reference, candidate).items()}
