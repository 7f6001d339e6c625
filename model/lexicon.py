"""The shared lexicon: word lists and patterns that warta's rules read from `lexicon.json`.

Why a data file: the quote rules, the sentence splitter and the page-furniture filter all
encode knowledge of Indonesian news copy (ranks, titles, speech verbs, abbreviations, page
debris). Keeping those lists in one file, apart from the logic, lets them be reviewed and
extended without touching code, and keeps the three readers from drifting apart.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).with_name("lexicon.json")


@lru_cache(maxsize=1)
def _load() -> dict:
    with open(LEXICON_PATH, encoding="utf-8") as f:
        return json.load(f)


def section(name: str) -> dict:
    """One top-level section of the lexicon ("cues", "people", "sentences", "furniture")."""
    try:
        return _load()[name]
    except KeyError:
        raise KeyError(f"{LEXICON_PATH}: no section {name!r}") from None


def words(section_name: str, key: str) -> frozenset[str]:
    """A word list of a section as a set (for membership tests)."""
    return frozenset(section(section_name)[key])
