"""The lexical half of the event classifier: n-gram TF-IDF and one linear scorer per label.

Why it is there: the small embedded encoder, fine-tuned on a few hundred articles we wrote,
learns our own writing style along with the events. On real web articles it missed plain leads
such as "Polda ... menyelenggarakan Rapat Koordinasi (Rakor) lintas sektoral", which a word
n-gram model trained on the same split scores right (data/README.md, reports/seeds.json). The
two are combined in logit space (`fuse`): the encoder brings context (near-misses, passing
mentions), the n-grams bring the words an event is reported with.

Why hand-written rather than scikit-learn at inference: `model/` is the deployable package and
must not unpickle anything, so the fitted vectorizer and regressions are exported as plain arrays
(safetensors) and a vocabulary (JSON), and this module reproduces scikit-learn's
`TfidfVectorizer(sublinear_tf=True)` transform on them for two analyzers: word 1-2-grams, and
character 3-5-grams inside word boundaries (`char_wb`), which measured better on real dev pages
(typos, glued words and affixes: "menggelar"/"digelar", "sispamkota"/"sispam kota").
tests/test_lexical.py checks the two agree.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from .lexical_views import WHOLE, check_view, view_text

LEXICAL_WEIGHTS = "lexical.safetensors"
LEXICAL_VOCAB = "lexical_vocab.json"
# scikit-learn's default token_pattern: words of two or more word characters.
TOKEN = re.compile(r"(?u)\b\w\w+\b")
WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's whitespace normaliser for char_wb
ANALYZERS = {"word": (1, 2), "char_wb": (3, 5)}  # analyzer -> n-gram range


def ngrams(text: str) -> list[str]:
    """Lower-cased word unigrams and bigrams, in scikit-learn's order and spelling."""
    words = TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def char_wb_ngrams(text: str, ngram_range: tuple[int, int] = ANALYZERS["char_wb"]) -> list[str]:
    """Lower-cased character n-grams within space-padded words, as scikit-learn's `char_wb` analyzer."""
    out: list[str] = []
    for w in char_wb_words(text):
        out += _word_char_ngrams(w, ngram_range)
    return out


def char_wb_words(text: str) -> list[str]:
    """The words `char_wb` cuts n-grams within: lower-cased, split on whitespace."""
    return WHITE_SPACES.sub(" ", text.lower()).split()


@lru_cache(maxsize=1 << 16)
def _word_char_ngrams(word: str, ngram_range: tuple[int, int]) -> tuple[str, ...]:
    """One word's n-grams, cached: the lexical views read the same words again (lead, focus
    sentences), and news reuses its vocabulary from article to article."""
    out: list[str] = []
    lo, hi = ngram_range
    w = f" {word} "
    for n in range(lo, hi + 1):
        offset = 0
        out.append(w[:n])
        while offset + n < len(w):
            offset += 1
            out.append(w[offset : offset + n])
        if offset == 0:  # a word shorter than n counts once
            break
    return tuple(out)


class LexicalScorer:
    """Per-label logits of a linear model over sublinear, L2-normalised TF-IDF n-gram features."""

    def __init__(self, vocab: list[str], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray, analyzer: str = "word",
                 window_words: int = 0, views: list[dict] | None = None, view_sizes: list[int] | None = None):
        """`vocab`/`idf` are the views' vocabularies one after the other (`view_sizes` long each);
        one view, the whole text, when `views` is None (checkpoints before lexical_views.py)."""
        if coef.shape != (len(intercept), len(vocab)) or idf.shape != (len(vocab),):
            raise ValueError(f"lexical scorer shapes disagree: vocab {len(vocab)}, idf {idf.shape}, coef {coef.shape}, intercept {intercept.shape}")
        if analyzer not in ANALYZERS:
            raise ValueError(f"lexical analyzer must be one of {list(ANALYZERS)}, not {analyzer!r}")
        self.views = [check_view(v) for v in views] if views is not None else [WHOLE]
        self.view_sizes = list(view_sizes) if view_sizes is not None else [len(vocab)]
        if len(self.view_sizes) != len(self.views) or sum(self.view_sizes) != len(vocab):
            raise ValueError(f"lexical views disagree with the vocabulary: {len(self.views)} views, sizes {self.view_sizes}, vocab {len(vocab)}")
        self.analyzer = analyzer
        self.window_words = int(window_words)
        self.vocab = vocab
        offsets = np.cumsum([0] + self.view_sizes)
        self.index = [{vocab[i]: i for i in range(a, b)} for a, b in zip(offsets, offsets[1:])]
        self._columns: list[dict[str, list[int]]] = [{} for _ in self.views]
        self.idf = idf.astype(np.float64)
        self.coef = coef.astype(np.float64)
        self.intercept = intercept.astype(np.float64)

    def _view_features(self, text: str, view: int) -> tuple[np.ndarray, np.ndarray]:
        index = self.index[view]
        if self.analyzer == "word":
            cols = np.array([index[g] for g in ngrams(text) if g in index], dtype=np.int64)
        else:
            cols = np.array([c for w in char_wb_words(text) for c in self._word_columns(w, view)], dtype=np.int64)
        if not len(cols):
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        cols, counts = np.unique(cols, return_counts=True)
        vals = (1.0 + np.log(counts)) * self.idf[cols]
        return cols, vals / np.linalg.norm(vals)

    def _word_columns(self, word: str, view: int) -> list[int]:
        """The columns of one word's character n-grams in one view, cached per scorer: most of an
        article's words were seen in earlier articles or in another view of the same one."""
        cache = self._columns[view]
        cols = cache.get(word)
        if cols is None:
            if len(cache) > 200_000:  # bound the memory of a long batch run
                cache.clear()
            index = self.index[view]
            cols = cache[word] = [index[g] for g in _word_char_ngrams(word, ANALYZERS["char_wb"]) if g in index]
        return cols

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and values of one text's sparse TF-IDF row: each view's block normalised
        on its own, as scikit-learn's vectorizers stacked side by side give it."""
        parts = [self._view_features(view_text(text, spec), v) for v, spec in enumerate(self.views)]
        return np.concatenate([c for c, _ in parts]), np.concatenate([v for _, v in parts])

    def _logit(self, text: str) -> np.ndarray:
        cols, vals = self.features(text)
        return self.intercept + self.coef[:, cols] @ vals

    def windows(self, text: str) -> list[str]:
        """The text as overlapping windows of `window_words` words (stride half a window); one window
        when the text is no longer, or when windowing is off (0).

        Why: the TF-IDF row is L2-normalised over the whole text, so 1,000 words of other news after
        a lead that reports an event dilute the event's n-grams below any threshold (a full page
        scored 0.06 macro-F1 on real dev where its 250-word excerpt scored 0.95). Scoring windows the
        size of the training excerpts and taking each label's best window keeps the lead's weight.
        """
        words = text.split()
        w = self.window_words
        if w <= 0 or len(words) <= w:
            return [text]
        starts = range(0, len(words) - w // 2, w // 2)
        return [" ".join(words[s : s + w]) for s in starts]

    def logits(self, texts: list[str]) -> np.ndarray:
        """(len(texts), n_labels) decision values, as LogisticRegression.decision_function gives them
        (per label the best window's, for texts longer than `window_words`)."""
        out = np.tile(self.intercept, (len(texts), 1))
        for i, text in enumerate(texts):
            out[i] = np.max([self._logit(w) for w in self.windows(text)], axis=0)
        return out

    def save(self, folder: Path) -> None:
        from safetensors.numpy import save_file

        folder = Path(folder)
        save_file({"idf": self.idf, "coef": self.coef, "intercept": self.intercept}, str(folder / LEXICAL_WEIGHTS))
        vocab = {"analyzer": self.analyzer, "window_words": self.window_words, "vocab": self.vocab}
        if self.views != [WHOLE]:
            vocab.update(views=self.views, view_sizes=self.view_sizes)
        elif (self.analyzer, self.window_words) == ("word", 0):
            vocab = self.vocab  # the oldest layout, still read by earlier warta versions
        (folder / LEXICAL_VOCAB).write_text(json.dumps(vocab, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "LexicalScorer | None":
        """The scorer saved in a checkpoint folder, or None for checkpoints made without one."""
        from safetensors.numpy import load_file

        folder = Path(folder)
        if not (folder / LEXICAL_WEIGHTS).is_file():
            return None
        arrays = load_file(str(folder / LEXICAL_WEIGHTS))
        vocab = json.loads((folder / LEXICAL_VOCAB).read_text(encoding="utf-8"))
        if isinstance(vocab, dict):  # {"analyzer", "vocab"}; a bare list is a word-n-gram scorer (older checkpoints)
            return cls(vocab["vocab"], arrays["idf"], arrays["coef"], arrays["intercept"], vocab["analyzer"], vocab.get("window_words", 0),
                       vocab.get("views"), vocab.get("view_sizes"))
        return cls(vocab, arrays["idf"], arrays["coef"], arrays["intercept"])


def fuse(deep_logits: np.ndarray, lexical_logits: np.ndarray | None, weight: float) -> np.ndarray:
    """Event probabilities from the weighted mean of the two logits (weight: the lexical share)."""
    z = np.asarray(deep_logits, dtype=np.float64)
    if lexical_logits is not None and weight > 0:
        z = (1.0 - weight) * z + weight * np.asarray(lexical_logits, dtype=np.float64)
    return 1.0 / (1.0 + np.exp(-z))
