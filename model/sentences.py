"""Indonesian news sentence splitter and page-boilerplate detector for the extractive summarizer.

Why rules and not a library: pysbd 0.3.4 (last release 2021) has no Indonesian module; with its
English rules it splits after "Kombes Pol.", "Jl.", "Kab." and similar Indonesian ranks and
abbreviations, and it knows nothing of Kompas-style ”…” quotes. nltk's punkt ships no Indonesian
model. Police and election news needs a rank/degree list ("AKBP X, S.I.K., M.H.") and quote
handling anyway, so a small rule set with its own tests is simpler to keep correct.

Every `Sentence` carries offsets into the caller's original text (`text[start:end] == sentence.text`);
nothing is normalised, so spans can be mapped back onto the article for highlighting and labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon

__all__ = ["Sentence", "split_sentences", "is_boilerplate", "ABBREVIATIONS"]


@dataclass(frozen=True)
class Sentence:
    start: int  # character offset into the original text
    end: int  # exclusive; text[start:end] == self.text
    text: str


# Tokens (with their final period) after which a period does not end a sentence; matched exactly
# and case-folded. Dotted forms ("S.I.K.", "a.n.") are also caught by _DOTTED_RE; they are listed
# so the list documents what news copy contains. Exception: a degree right after a name
# ("Budi, S.I.K. Hadir pula ...") ends the sentence before a capital, see _is_abbreviation.
# "dll."/"dsb." stay here on purpose, which merges a sentence ending in "dll." with the next one.
ABBREVIATIONS: frozenset[str] = lexicon.words("sentences", "abbreviations")
# Upper-case copy ("JL.", "KEC.") shows up in all-caps datelines and addresses.
_ABBREVIATIONS_FOLDED: frozenset[str] = frozenset(a.casefold() for a in ABBREVIATIONS)

# "S.I.K.", "a.n.", "T.A.": two or more short letter groups, each closed by a period.
_DOTTED_RE = re.compile(r"(?:[A-Za-z]{1,4}\.){2,}")
# Academic degrees ("S.H.", "M.Si.", "S.I.K.", "A.Md."); unlike "K.H." or "H.M." they follow a name.
_DEGREE_RE = re.compile(r"[SMDA]\.(?:[A-Za-z]{1,4}\.)+")
_NEXT_WORD_RE = re.compile(r"\s*(\S+)")
# Words after which a lone capital letter is a label, not a name initial ("hari H. Semua siap.").
_LETTER_LABEL_WORDS: frozenset[str] = lexicon.words("sentences", "letter_label_words")
# An enumerator such as "1." or "a." opening a sentence is a list marker, not a sentence itself.
_ENUMERATOR_RE = re.compile(r"\(?(?:[0-9]{1,2}|[A-Za-z])\)?\.")
# Sentence-final punctuation run, optional closing quotes/brackets, whitespace, next character.
_BOUNDARY_RE = re.compile(r"[.!?…]+([”\"’')\]]*)(\s+)(?=(\S))")
# Besides upper-case letters and digits, a sentence may open with a quote mark or a bracket; the
# bracket makes trailing "(rls/abc)" or "(Humas Polres X)" units of their own for is_boilerplate.
_OPENERS = "“\"”‘'(["
# A sign-off glued to the last sentence of a paragraph: "(12/8/2024).--risna--", "kondusif.(NN/IE)."
_SIGNOFF_RE = re.compile(r"[.!?]\s*(?=(?:-{1,2}[^\s\-][^\n\-]{0,30}-{1,2}|\([A-Za-z][^()\n]{0,40}\))\.?\s*$)")
# A dateline that ends in a period ("Tribratanews.polri.go.id – Gorontalo Utara. Polres ...") is a
# prefix of the first sentence, not a sentence of its own.
_DATELINE_RE = re.compile(r"\s*(?:\S+\s+){0,5}?\S+\s*[–—-]{1,2}\s+(?:[A-Z][\w-]*\s*){1,4}\.")
# Parenthetical asides longer than this are not protected, so a stray "(" cannot hide real ends.
_MAX_BRACKET = 120
_PARAGRAPH_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
_QUOTE_MARKS = "“”\""


def split_sentences(text: str) -> list[Sentence]:
    """Split news text into sentences with offsets into `text`.

    Line breaks always end a sentence, because headlines, captions and "Baca juga" lines carry no
    final punctuation. Inside a paragraph a sentence ends at . ! ? (plus closing quotes) followed by
    whitespace and a sentence opener, except after known abbreviations, initials, or inside a quote
    that closes in the same paragraph (so a multi-sentence quote stays with its attribution).
    """
    out: list[Sentence] = []
    for para in _PARAGRAPH_RE.finditer(text):
        start = para.start()
        for cut in _paragraph_cuts(text, para.start(), para.end()):
            _emit(text, start, cut, out)
            start = cut
        _emit(text, start, para.end(), out)
    return out


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    """Append text[start:end] with surrounding whitespace trimmed, unless it is empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))


def _paragraph_cuts(text: str, lo: int, hi: int) -> list[int]:
    """Offsets inside text[lo:hi] where a new sentence begins (whitespace is trimmed later)."""
    quotes = _closed_quotes(text, lo, hi) + _closed_brackets(text, lo, hi)
    cuts: list[int] = []
    sentence_start = lo
    for m in _BOUNDARY_RE.finditer(text, lo, hi):
        punct_end = m.start(1)  # end of the . ! ? run
        after = m.start(2)  # end of the closing quote/bracket run
        nxt = m.group(3)
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        if _inside_quote(after, quotes):
            continue
        if _is_abbreviation(text, sentence_start, m.start(), punct_end):
            continue
        if not cuts and _DATELINE_RE.fullmatch(text, lo, after):
            continue
        cuts.append(after)
        sentence_start = after
    tail = _SIGNOFF_RE.search(text, sentence_start, hi)
    if tail is not None and not _inside_quote(tail.start() + 1, quotes):
        cuts.append(tail.start() + 1)
    return cuts


def _is_abbreviation(text: str, sentence_start: int, punct_start: int, punct_end: int) -> bool:
    """True if the period at punct_start belongs to an abbreviation, initial or list marker.

    Only a lone "." can be an abbreviation; "!", "?" and "..." always end a sentence.
    """
    if punct_end - punct_start != 1 or text[punct_start] != ".":
        return False
    word_start = punct_start
    while word_start > sentence_start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:punct_end].lstrip("(“\"”‘'[")
    if not word or word == ".":
        return False
    prev = _previous_word(text, sentence_start, word_start)
    if _DEGREE_RE.fullmatch(word) and _after_name(prev):
        # "..., S.I.K., M.H. Hadir pula Dandim": humas copy routinely ends a sentence with the
        # leader's name and degrees, so a degree after a comma ends it unless another title follows.
        return _next_is_title(text, punct_end)
    if len(word) == 2 and word[0].isupper():  # an initial: "M. Yusuf", "A. Rahman"
        # ...but not a labelling letter: "hari H.", "kunci T.", "formulir C.", "1445 H."
        return not (prev.casefold() in _LETTER_LABEL_WORDS or prev.isdigit())
    if word in ABBREVIATIONS or word.casefold() in _ABBREVIATIONS_FOLDED or _DOTTED_RE.fullmatch(word):
        return True
    # "1." or "a." opening a line: a list enumerator, never a sentence by itself.
    return not prev and bool(_ENUMERATOR_RE.fullmatch(word))


def _previous_word(text: str, sentence_start: int, pos: int) -> str:
    """The whitespace-delimited word ending before `pos`, or "" at the start of the sentence."""
    end = pos
    while end > sentence_start and text[end - 1].isspace():
        end -= 1
    start = end
    while start > sentence_start and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _after_name(prev: str) -> bool:
    """True if a degree follows a name: "Budi, S.H." or a chain "Budi, S.H., M.H." / "S.H. M.H."."""
    return prev.endswith(",") or bool(prev and _DEGREE_RE.fullmatch(prev))


def _next_is_title(text: str, pos: int) -> bool:
    """True if the word after `pos` is itself an abbreviation or degree ("S.H. M.H.", "S.I.K. Dr.")."""
    m = _NEXT_WORD_RE.match(text, pos)
    if m is None:
        return False
    nxt = m.group(1).rstrip(",;:")
    return nxt.casefold() in _ABBREVIATIONS_FOLDED or bool(_DOTTED_RE.fullmatch(nxt))


def _inside_quote(pos: int, quotes: list[tuple[int, int]]) -> bool:
    """True if a boundary at `pos` falls before the closing mark of a quote that opened earlier."""
    return any(open_ < pos <= close for open_, close in quotes)


def _closed_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(open, close) offsets of double-quote pairs that both sit inside text[lo:hi].

    Handles “…”, "…" and the Kompas-style ”…” with one rule: a mark that looks like an opener
    (line start, whitespace, bracket or colon before it, a non-space after it) starts a quote, any other
    mark closes the open one. A new opener while a quote is open abandons the earlier, unclosed
    one, so a stray mark never swallows the rest of the paragraph; nothing crosses a line break.
    """
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in _QUOTE_MARKS:
            continue
        before_ok = i == lo or text[i - 1].isspace() or text[i - 1] in "([{:"
        after_ok = i + 1 < hi and not text[i + 1].isspace()
        if before_ok and after_ok:
            open_at = i  # opener-like: (re)start a quote here
        elif open_at is not None:
            pairs.append((open_at, i))
            open_at = None
        elif ch == "“":
            open_at = i  # a glued curly opener, as in 'katanya:“Kami'
    return pairs


def _closed_brackets(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(open, close) offsets of short (...) and [...] pairs inside text[lo:hi].

    Protects periods in asides such as "(Foto: Dok. Humas)" that no abbreviation list covers.
    """
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    closer = {")": "(", "]": "["}
    for i in range(lo, hi):
        ch = text[i]
        if ch in "([":
            stack.append(i)
        elif ch in closer:
            while stack and text[stack[-1]] != closer[ch]:
                stack.pop()
            if stack:
                open_ = stack.pop()
                if i - open_ <= _MAX_BRACKET:
                    pairs.append((open_, i))
    return pairs


# --- boilerplate -------------------------------------------------------------------------------

# Whole-sentence debris, compared after lower-casing and trimming punctuation at both ends.
_DEBRIS_EXACT: frozenset[str] = lexicon.words("sentences", "debris_exact")

# Debris shapes ("Baca juga: …", bylines, photo credits, comment forms), anchored so prose mentioning them stays.
_DEBRIS_PATTERNS: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in lexicon.section("sentences")["debris_patterns"])


def is_boilerplate(sentence: str) -> bool:
    """True for page debris (share buttons, 'Baca juga', bylines, captions, sign-offs, ads).

    Such units are never news content and would waste a summary slot; ordinary prose that merely
    mentions "foto" or "iklan" mid-sentence is not matched because patterns are anchored.
    """
    s = sentence.strip()
    if not any(ch.isalpha() for ch in s):
        return True  # empty, or only digits and symbols: view counters "1849", close buttons "×"
    if s.strip(" .:!?·•|-–—").lower() in _DEBRIS_EXACT:
        return True
    return any(p.search(s) for p in _DEBRIS_PATTERNS)
