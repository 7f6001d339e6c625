"""Views of an article for the lexical event scorer: the whole text, its lead, and "focus" views
(the sentences that use one event's vocabulary).

Why: a bag of n-grams over the whole excerpt weighs the one sentence that reports an event like
every other line, so passing mentions, announcements and stories about other topics look alike
(real train+dev, five grouped folds: macro-F1 0.862 for the whole text alone). Giving the scorer
the lead and each event's own sentences as separate TF-IDF blocks lets it weigh where and with
what words the event is named: 0.906 on the same folds (`python scripts/event_views_cv.py`).

A view spec is plain JSON saved with the checkpoint, so a model keeps the patterns it was
trained with when `lexicon.json` changes later.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import section

# Sentence ends or line breaks: the coarse split a focus view needs (a missed abbreviation only
# joins two sentences into one block, which the TF-IDF row tolerates); the full splitter in
# sentences.py is built for summaries and costs more.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
WHOLE = {"kind": "whole"}


def default_views() -> list[dict]:
    """The views `warta train` fits: whole text, lead, one focus view per event vocabulary (lexicon.json)."""
    spec = section("events")
    return [WHOLE, {"kind": "lead", "words": spec["lead_words"]}] + \
        [{"kind": "focus", "name": name, "pattern": pat} for name, pat in spec["focus"].items()]


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def check_view(spec: dict) -> dict:
    """The spec itself when it is one the scorer knows, else ValueError (a hand-edited checkpoint)."""
    kind = spec.get("kind")
    if kind == "whole" or (kind == "lead" and int(spec.get("words", 0)) > 0):
        return spec
    if kind == "focus" and isinstance(spec.get("pattern"), str):
        _compiled(spec["pattern"])
        return spec
    raise ValueError(f"unknown lexical view {spec!r}")


def view_text(text: str, spec: dict) -> str:
    """The part of `text` one view scores."""
    kind = spec["kind"]
    if kind == "whole":
        return text
    if kind == "lead":
        return " ".join(text.split()[: int(spec["words"])])
    rx = _compiled(spec["pattern"])
    return " ".join(s for s in _SENTENCE_BREAK.split(text) if rx.search(s))
