"""Offsets, paragraphs and small text helpers shared by the quote rules.

Everything returns offsets into the caller's text (never a normalised copy), so
`text[start:end]` is always the reported span.
"""

from __future__ import annotations

import re

from .vocab import _ABBR, _DEGREES


Span = tuple[int, int]


# Small patterns used by the helpers below, compiled once.
_NONSPACE_RE = re.compile(r"[^\s]+")

_SPACES_RE = re.compile(r"\s+")

# A demonstrative right after a phrase: "jenderal bintang dua itu", "pria kelahiran Medan tersebut"
# point back to someone named before; they are not a name.
_DEMONSTRATIVES = ("tersebut", "itu", "ini")
_DEMONSTRATIVE_AFTER_RE = re.compile(r"\)?\s+(?:" + "|".join(_DEMONSTRATIVES) + r")\b")

_SPLIT_WORDS_RE = re.compile(r"[\s,]+")

_PARA_BREAK_RE = re.compile(r"\n")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _paragraphs(text: str) -> list[Span]:
    """(start, end) of each line; blank lines are dropped (a paragraph is a non-empty line)."""
    out = []
    pos = 0
    for m in _PARA_BREAK_RE.finditer(text + "\n"):
        if text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    return out


def trim_span(text: str, start: int, end: int) -> Span:
    """Drop surrounding whitespace and the attribution comma before the closing mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",\\"):  # "…,\\"" : a mark escaped on the page
        end -= 1
    return start, end


_SENT_END_RE = re.compile(r"[.!?](?=\s|$|[”\"’])")


def paragraph_of(text: str, pos: int) -> Span:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, len(text) if e < 0 else e


def _starts_cap(w: str) -> bool:
    return bool(w) and (w[0].isupper() or w[0].isdigit())


def _is_abbrev_dot(text: str, i: int) -> bool:
    """A dot that belongs to an abbreviation (S.I.K., Hj., H.) rather than ending a sentence."""
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    if len(word) == 1 and word.isupper():
        return True  # an initial: "A. Rahman", "M.H."
    if j > 0 and text[j - 1] == ".":
        return True  # the tail of "S.I.K." / "M.Si."
    return word in _ABBR or word in _DEGREES  # "Simanjuntak,SIK. MSi mengatakan"


def _tidy(s: str) -> str:
    return _SPACES_RE.sub(" ", s).strip(" ,")


# A line break inside a sentence: after a word or comma, before a word. Pages copied from print or
# e-mail are wrapped at a fixed width ("…, Kapolres\nBlora AKBP X"); a page with several breaks
# before a lowercase word is wrapped, not paragraphed.
_SOFT_BREAK_RE = re.compile(r"(?<=[a-z0-9,])\n(?=[A-Za-z(])")
_WRAPPED_BREAK_RE = re.compile(r"(?<=[a-z,])\n(?=[a-z])")
_WRAPPED_MIN_BREAKS = 5


def unwrap(text: str) -> str:
    """The text with a hard-wrapped page's in-sentence line breaks turned into spaces.

    Same length as `text`, so every offset found on it is an offset into `text`; other pages
    come back unchanged (a single break without punctuation is usually a heading or a caption)."""
    if len(_WRAPPED_BREAK_RE.findall(text)) < _WRAPPED_MIN_BREAKS:
        return text
    return _SOFT_BREAK_RE.sub(" ", text)
