"""Rule-based quote extraction for Indonesian police / election-security news.

Everything here is document level and returns offsets into the caller's text (never a
normalised copy), so `text[start:end]` is always the reported span. The rules follow
data/GUIDELINES.md §2: direct quotes by quote-mark pairing over the whole document
(marks.py), a scare-quote/title filter (statements.py), cue and speaker-mention detection
around each quote (cues.py), the article's people (people.py, over names.py), speaker
resolution by rules (speakers.py) and, when a checkpoint has one, by a learned linker
(linker.py), indirect-speech patterns (indirect.py), and the assembly of all
of it (assembly.py). Word lists live in the shared lexicon (model/lexicon.json, vocab.py).

Pure Python on purpose: it is the transparent reference that learned models are compared
with, and it must run anywhere the package runs. Names with a leading underscore are
private to this package; the public API is what this module exports.
"""

from __future__ import annotations

from .assembly import extract_quotes, speaker_view
from .cues import find_cue
from .indirect import find_indirect_quotes
from .linker import LinkerError, SpeakerLinker, load_linker
from .marks import find_direct_quotes
from .speakers import resolve_speakers
from .statements import is_statement
from .text import Span

__all__ = [
    "LinkerError", "Span", "SpeakerLinker", "extract_quotes", "find_cue", "find_direct_quotes", "find_indirect_quotes",
    "is_statement", "load_linker", "resolve_speakers", "speaker_view",
]
