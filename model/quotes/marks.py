"""Quote marks and their pairing: the one routine that turns marks into direct-quote spans.

Real pages use every habit: curly and straight marks, ” on both sides, marks between
spaces, marks at the start of the next line, mangled encodings, hard-wrapped lines and
quotes cut by the end of the page; GUIDELINES §2 says what the span is in each case.
"""

from __future__ import annotations

import re
from typing import Callable

from .vocab import _is_cue_word
from .text import Span, _is_word_char, _paragraphs, trim_span


_MARKS_RE = re.compile(r"[“”\"‘’'†]")

_SINGLES = "‘’'"


# What a mangled UTF-8 “ leaves after the mark ("œ) and what a mangled ” becomes (†).
_MANGLED_OPEN_TAIL = "œ"

_MANGLED_CLOSE = "†"


# After a closing mark: optional comma, spaces, then a word (a cue verb when it is attribution).
_WORD_AFTER_CLOSE_RE = re.compile(r"[,]?\s*([A-Za-z]+)")


def _mark_role(text: str, i: int) -> str:
    """Classify the quote mark at `i`: 'open', 'close', 'ambig', 'lone', 'nest_open', 'nest_close' or ''.

    Direction is decided by position because Kompas-style text uses ” on both sides and
    straight quotes carry no direction: a mark after whitespace/line start and before a
    non-space opens, a mark after a non-space and before whitespace/punctuation closes. A
    mark with spaces on both sides ('lone': “ Kami …” or “… siap, ” ujarnya) closes an open
    quote and otherwise opens one. Doubled single marks (‘’Jika …) act as one double mark.
    """
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    if ch in _SINGLES and prev in _SINGLES:
        return ""  # second half of a doubled single mark
    j = i + 2 if ch in _SINGLES and text[i + 1 : i + 2] in tuple(_SINGLES) and i + 1 < len(text) else i + 1
    nxt = text[j] if j < len(text) else "\n"
    left_open = prev.isspace() or prev in "([—–-"
    right_open = nxt.isspace() or nxt in ".,;:!?)]—–-" or nxt in "”\"’"
    if j == i + 2:  # ‘’ / '' used as a double mark
        ch = "”"
    if ch == "'":
        # a straight single opening a paragraph's quote: \n'Maka …," ujarnya
        return "open" if prev == "\n" and nxt.isupper() else ""
    if ch == _MANGLED_CLOSE:
        return "close" if not left_open else ""
    if ch == "“":
        return "lone" if left_open and right_open else "open"
    if ch in "”\"":
        if left_open and not right_open:
            return "open"
        if right_open and not left_open:
            return "close"
        if left_open and right_open:
            return "lone"
        return "ambig" if ch == '"' else "close"
    if ch == "‘":
        return "nest_open"
    if ch == "’":
        if _is_word_char(prev) and _is_word_char(nxt):
            return ""  # apostrophe inside a word (Jum’at)
        return "nest_close"
    return ""


def _marks_in(text: str, a: int, b: int) -> list[tuple[int, str]]:
    out = []
    for m in _MARKS_RE.finditer(text, a, b):
        role = _mark_role(text, m.start())
        if role:
            out.append((m.start(), role))
    return out


def _reopens(text: str, para: Span) -> int | None:
    """Position of the opening mark if the paragraph starts with one (a continued quote)."""
    s, e = para
    while s < e and text[s].isspace():
        s += 1
    if s < e and text[s] in "“”\"" and _mark_role(text, s) in ("open", "ambig"):
        return s
    return None


def _cue_follows(text: str, pos: int, limit: int, is_cue: Callable[[str], bool]) -> bool:
    """A cue verb right after the mark at `pos` (“…,” ujarnya): the mark closes a statement."""
    m = _WORD_AFTER_CLOSE_RE.match(text, pos + 1, limit)
    return bool(m) and is_cue(m.group(1))


_CLOSING_ROLES = ("close", "lone", "ambig")


class _Pairing:
    """State of the one left-to-right pass over the document's quote marks (see `find_direct_quotes`)."""

    def __init__(self, text: str, is_cue: Callable[[str], bool]):
        self.text = text
        self.is_cue = is_cue
        self.spans: list[Span] = []
        self.open_at: int | None = None  # offset just after the outer opening mark
        self.open_ch = ""
        self.nest_at: int | None = None
        self.unmarked_from = 0  # where a quote with no opening mark would start

    def emit(self, start: int, end: int) -> None:
        s, e = trim_span(self.text, start, end)
        if e > s:
            self.spans.append((s, e))

    def start_paragraph(self, para: Span) -> None:
        self.nest_at = None
        self.unmarked_from = para[0]

    def _direction(self, para: Span, pos: int, role: str, rest: list[tuple[int, str]]) -> str:
        """Resolve 'ambig'/'lone' marks and double marks used for nesting into plain roles."""
        text, is_open = self.text, self.open_at is not None
        cue_next = _cue_follows(text, pos, para[1], self.is_cue)
        if role == "lone" and _reopened_here(text, para, pos):
            # a lone mark opening a line: “ Kami …” or the next line's ” tegasnya
            return "close" if cue_next else ("reopen" if is_open else "open")
        if role in ("ambig", "lone"):
            return "close" if is_open or cue_next else "open"
        if role == "open" and is_open and not _reopened_here(text, para, pos):
            closers = [(p, r) for p, r in rest if r in _CLOSING_ROLES]
            if len(closers) >= 2 and not _cue_follows(text, closers[0][0], para[1], self.is_cue):
                return "nest_open"  # “… “Mudik Aman” begitu pula …”: a double-marked title inside a quote
        if role == "close" and self.nest_at is not None and text[pos] in "”\"":
            return "nest_close"
        if self.open_ch == '"' and text[pos] == "“" and role == "open":
            return "nest_open"  # "… “Ketupat 2019” …": curly marks nest inside a straight quote
        return role

    def mark(self, para: Span, pos: int, role: str, rest: list[tuple[int, str]]) -> None:
        text = self.text
        role = self._direction(para, pos, role, rest)
        if role == "reopen":
            return
        if role == "open":
            if self.open_at is not None and text[self.open_at - 1] != "\n" and _reopened_here(text, para, pos):
                return  # the reopening mark of a continued quote
            width = 2 if text[pos] in _SINGLES and text[pos + 1 : pos + 2] in tuple(_SINGLES) else 1
            self.open_at = pos + width + (text[pos + width : pos + width + 1] == _MANGLED_OPEN_TAIL)
            self.open_ch = '"' if text[pos] == '"' else "“"
            self.nest_at = None  # an unclosed earlier open in this paragraph is abandoned
        elif role == "close":
            if self.open_at is not None:
                self.emit(self.open_at, pos)
            elif _cue_follows(text, pos, para[1], self.is_cue):
                self.emit(self.unmarked_from, pos)  # the opening mark was left out: the quote starts the clause
            self.open_at, self.open_ch, self.nest_at = None, "", None
            self.unmarked_from = pos + 1
        elif role == "nest_open" and self.open_at is not None:
            self.nest_at = pos + 1
        elif role == "nest_close" and self.nest_at is not None:
            self.emit(self.nest_at, pos)
            self.nest_at = None

    def end_paragraph(self, following: list[Span]) -> None:
        """An open quote continues when a next line reopens or closes it; at the page end it is cut."""
        if self.open_at is None:
            return
        if not following:
            self.emit(self.open_at, len(self.text))  # the page was cut mid-quote
        elif _reopens(self.text, following[0]) is not None or _continues(self.text, following[:_WRAP_LINES]):
            return
        self.open_at, self.open_ch = None, ""


# How many following lines a hard-wrapped quote may run over before its closing mark.
_WRAP_LINES = 6


def _continues(text: str, paras: list[Span]) -> bool:
    """The first quote mark in the next few lines closes: the open quote was hard-wrapped."""
    for para in paras:
        marks = _marks_in(text, *para)
        if marks:
            return marks[0][1] in ("close", "lone")
    return False


def find_direct_quotes(text: str) -> list[Span]:
    """Spans inside paired quote marks, over the whole document.

    A quote left open at the end of a paragraph continues when the next paragraph reopens with
    an opening mark (the journalistic multi-paragraph convention) or the next mark in the
    following lines closes (a hard-wrapped quote); otherwise it is dropped so an unclosed mark
    never swallows the rest of the article, except on the last line, where the page was cut
    mid-quote. A closing mark followed by a cue verb with no opening mark before it starts its
    quote at the paragraph (or the previous quote's end). Nested ‘…’ inside an open quote is
    reported as its own span as well as being part of the outer one.
    """
    paras = _paragraphs(text)
    state = _Pairing(text, _is_cue_word)
    for pi, para in enumerate(paras):
        state.start_paragraph(para)
        marks = _marks_in(text, *para)
        for k, (pos, role) in enumerate(marks):
            state.mark(para, pos, role, marks[k + 1 :])
        state.end_paragraph(paras[pi + 1 :])
    return sorted(set(state.spans))


def _reopened_here(text: str, para: Span, pos: int) -> bool:
    """True if `pos` is the first non-space char of `para` (a continuation's reopening mark)."""
    s = para[0]
    while s < para[1] and text[s].isspace():
        s += 1
    return s == pos and para[0] > 0
