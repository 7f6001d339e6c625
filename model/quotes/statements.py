"""Statements vs scare quotes, titles and slogans: which quoted spans someone states.
"""

from __future__ import annotations

import re

from .text import Span, paragraph_of
from .cues import find_cue


_CLAUSE_BREAK_RE = re.compile(r"[.!?“”\"]\s")

_PESAN_RE = re.compile(r"\b[Pp]esan(?:nya)?\b")

_BANNER_RE = re.compile(r"^[–—\-,\s]*(?:begitu|demikian|bunyi|tulisan|bertuliskan|tertulis|slogan|tagline|tema)\b", re.I)

_BANNER_BEFORE_RE = re.compile(
    r"\b(?:spanduk|baliho|banner|poster|slogan|tagline|tema|bertema|bertemakan|bertuliskan|bertajuk|berjudul|bernama|tulisan|lagu|film|"
    r"program|operasi|kegiatan|istilah|sebutan|julukan|sandi|agenda|rakor|rapat|acara|seminar|diskusi|webinar|kampanye|moto|motto|jargon)"
    r"\s*(?:[a-z]+\s+){0,2}$",
    re.I,
)


def is_statement(text: str, span: Span) -> bool:
    """Whether a quoted span is someone's statement rather than a scare quote or a title.

    Evidence, in order: a cue verb next to the quote decides yes; otherwise a quote with
    several words and sentence punctuation or a clause shape is a statement, and a short
    phrase in running text (“amplop”, “Cooling System”, a slogan) is not.
    """
    s, e = span
    content = text[s:e]
    words = content.split()
    cue, _ = find_cue(text, span, "direct")
    if cue is not None:
        return True
    ps, pe = paragraph_of(text, s)
    before = text[ps : s - 1].strip()
    after = text[e:pe].lstrip(",”\"’ ").strip()
    if before.endswith(":") and len(words) >= 3:
        return True
    whole_para = not before and (not after or after[0] in "“”\"")
    if whole_para and not text[e:].strip():
        return True  # a quote opening its paragraph, cut by the end of the page
    if len(words) <= 3:
        return False
    if _BANNER_RE.match(after) or _BANNER_BEFORE_RE.search(before):
        return False  # “Jaga Netralitas” – begitu bunyi spanduk …
    caps = sum(1 for w in words if w[:1].isupper())
    if caps >= 0.8 * len(words) and content.rstrip()[-1:] not in ".!?":
        return False  # Title Case: a programme, film, song or slogan name
    if whole_para or (not before and len(words) >= 4):
        return True
    if content.rstrip()[-1:] in ".!?" and len(words) >= 4:
        return True
    if len(words) >= 8:
        return True
    return False


def _nested_statement(text: str, span: Span) -> bool:
    """A ‘…’ inside a quote is itself a quote only when it relays someone's message
    ("Pesan Kapolda jelas, ‘jangan …’"); sayings, local words and scare quotes are not."""
    s, e = span
    ps, _ = paragraph_of(text, s)
    head = text[ps : s - 1]
    sent = _CLAUSE_BREAK_RE.split(head)[-1]
    return len(text[s:e].split()) >= 3 and bool(_PESAN_RE.search(sent))
