"""The baselines a sceptic tries first, evaluated on the same split as the model.

- keyword rules: the label's own words anywhere in the text;
- TF-IDF + logistic regression (scikit-learn), one-vs-rest, trained on the train split;
- quotes: naive same-line mark pairing with the nearest capitalised name as speaker.
"""

from __future__ import annotations

import re
import sys

import numpy as np

from warta.labels import EVENT_LABELS
from warta.quotes.text import paragraph_of, trim_span
from warta.quotes.vocab import RANK_PATTERN
from warta.lexical import ANALYZERS, LexicalScorer
from warta.lexical_views import WHOLE, check_view, view_text

KEYWORDS = {
    "rakor": re.compile(r"\b(rakor|rapat\s+koordinasi)\b", re.I),
    "apel_gelar_pasukan": re.compile(r"\b(apel\s+)?gelar\s+pasukan\b", re.I),
    "simulasi_sispam_kota": re.compile(r"\b(sispam\s*kota|sistem\s+pengamanan\s+kota)\b", re.I),
}


def keyword_predict(texts: list[str]) -> np.ndarray:
    return np.array([[bool(KEYWORDS[lab].search(t)) for lab in EVENT_LABELS] for t in texts], dtype=int)


class TfidfBaseline:
    """TF-IDF (word 1-2-grams by default, or `char_wb` 3-5-grams) with a balanced logistic regression per label.

    `views` (warta.lexical_views) gives one TF-IDF block per view of the text, side by side; the
    default, the whole text alone, is the sceptic's baseline.
    """

    def __init__(self, seed: int = 13, analyzer: str = "word", views: list[dict] | None = None):
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        self.analyzer = analyzer
        self.views = [check_view(v) for v in views] if views else [WHOLE]
        self.vecs = [self._vectorizer() for _ in self.views]
        self.clf = OneVsRestClassifier(LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000, random_state=seed))

    def _vectorizer(self):
        from sklearn.feature_extraction.text import TfidfVectorizer

        return TfidfVectorizer(analyzer=self.analyzer, ngram_range=ANALYZERS[self.analyzer], min_df=2, sublinear_tf=True, lowercase=True)

    @property
    def vec(self):
        """The whole-text vectorizer (the only one unless views were given)."""
        return self.vecs[0]

    def _matrix(self, texts: list[str]):
        from scipy.sparse import hstack

        return hstack([vec.transform([view_text(t, v) for t in texts]) for vec, v in zip(self.vecs, self.views)]).tocsr()

    def fit(self, texts: list[str], y: np.ndarray) -> "TfidfBaseline":
        """Fit every view's vectorizer and the regressions. A view no n-gram of which occurs in two
        training texts (a small corpus that never names one event's vocabulary) is left out rather
        than fatal: the other views still score."""
        from scipy.sparse import hstack

        kept = []
        for vec, view in zip(self.vecs, self.views):
            try:
                kept.append((vec, view, vec.fit_transform([view_text(t, view) for t in texts])))
            except ValueError:  # scikit-learn's "empty vocabulary"
                print(f"warning: lexical view {view.get('name', view['kind'])!r} left out: too few training texts use it", file=sys.stderr)
        if not kept:
            raise ValueError("no n-gram occurs in two training texts: too few or too short articles for the lexical scorer")
        self.vecs, self.views = [v for v, _, _ in kept], [w for _, w, _ in kept]
        self.clf.fit(hstack([x for _, _, x in kept]).tocsr(), y)
        return self

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        return self.clf.predict_proba(self._matrix(texts))

    def decision_function(self, texts: list[str]) -> np.ndarray:
        x = self._matrix(texts)
        return np.column_stack([est.decision_function(x) for est in self.clf.estimators_])

    def to_scorer(self) -> LexicalScorer:
        """The fitted model as plain arrays, for the lexical half of a warta checkpoint (no pickle)."""
        vocab: list[str] = []
        for vec in self.vecs:
            vocab += sorted(vec.vocabulary_, key=vec.vocabulary_.get)
        if not all(hasattr(est, "coef_") for est in self.clf.estimators_):
            raise ValueError("every event label needs positive and negative training articles for the lexical scorer")
        coef = np.vstack([est.coef_[0] for est in self.clf.estimators_])
        intercept = np.array([est.intercept_[0] for est in self.clf.estimators_])
        idf = np.concatenate([vec.idf_ for vec in self.vecs])
        return LexicalScorer(vocab, idf, coef, intercept, self.analyzer, views=self.views, view_sizes=[len(v.vocabulary_) for v in self.vecs])


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
