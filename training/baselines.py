"""The baselines a sceptic tries first, evaluated on the same split as the model.

- keyword rules: the label's own words anywhere in the text;
- TF-IDF + logistic regression (scikit-learn), one-vs-rest, trained on the train split;
- quotes: naive same-line mark pairing with the nearest capitalised name as speaker.
"""

from __future__ import annotations

import re

import numpy as np

from warta.labels import EVENT_LABELS
from warta.quotes.text import paragraph_of, trim_span
from warta.quotes.vocab import RANK_PATTERN
from warta.lexical import ANALYZERS, LexicalScorer

KEYWORDS = {
    "rakor": re.compile(r"\b(rakor|rapat\s+koordinasi)\b", re.I),
    "apel_gelar_pasukan": re.compile(r"\b(apel\s+)?gelar\s+pasukan\b", re.I),
    "simulasi_sispam_kota": re.compile(r"\b(sispam\s*kota|sistem\s+pengamanan\s+kota)\b", re.I),
}


def keyword_predict(texts: list[str]) -> np.ndarray:
    return np.array([[bool(KEYWORDS[lab].search(t)) for lab in EVENT_LABELS] for t in texts], dtype=int)


class TfidfBaseline:
    """TF-IDF (word 1-2-grams by default, or `char_wb` 3-5-grams) with a balanced logistic regression per label."""

    def __init__(self, seed: int = 13, analyzer: str = "word"):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        self.analyzer = analyzer
        self.vec = TfidfVectorizer(analyzer=analyzer, ngram_range=ANALYZERS[analyzer], min_df=2, sublinear_tf=True, lowercase=True)
        self.clf = OneVsRestClassifier(LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000, random_state=seed))

    def fit(self, texts: list[str], y: np.ndarray) -> "TfidfBaseline":
        self.clf.fit(self.vec.fit_transform(texts), y)
        return self

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        return self.clf.predict_proba(self.vec.transform(texts))

    def to_scorer(self) -> LexicalScorer:
        """The fitted model as plain arrays, for the lexical half of a warta checkpoint (no pickle)."""
        vocab = [""] * len(self.vec.vocabulary_)
        for term, i in self.vec.vocabulary_.items():
            vocab[i] = term
        if not all(hasattr(est, "coef_") for est in self.clf.estimators_):
            raise ValueError("every event label needs positive and negative training articles for the lexical scorer")
        coef = np.vstack([est.coef_[0] for est in self.clf.estimators_])
        intercept = np.array([est.intercept_[0] for est in self.clf.estimators_])
        return LexicalScorer(vocab, self.vec.idf_, coef, intercept, self.analyzer)


# The sceptic's own pairing, deliberately not warta.quotes.marks: a curly pair or a straight pair on one line.
_BASE_PAIR_RE = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"")
_BASE_NAME_RE = re.compile(rf"(?:(?:{RANK_PATTERN})\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def baseline_quotes(text: str) -> list[dict]:
    """The sceptic's baseline: naive same-paragraph mark pairing, nearest capitalised name.

    Deliberately simple (no Kompas marks, no multi-paragraph quotes, no scare-quote filter,
    no cue model) so the rule system's gains are measured against something honest.
    """
    out = []
    for m in _BASE_PAIR_RE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        s, e = trim_span(text, m.start(g), m.end(g))
        if e <= s:
            continue
        ps, pe = paragraph_of(text, s)
        best, dist = "", None
        for nm in _BASE_NAME_RE.finditer(text, ps, pe):
            if s - 1 <= nm.start() < e + 1:
                continue
            d = s - nm.end() if nm.end() <= s else nm.start() - e
            if dist is None or d < dist:
                best, dist = nm.group(0), d
        out.append({"text": text[s:e], "start": s, "end": e, "type": "direct", "cue": None, "speaker_mention": None, "speaker": best, "speaker_role": ""})
    return out
