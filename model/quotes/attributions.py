"""Indirect speech attributed outside a subject + verb clause: "menurut X, …", a cue set off by
commas ("…, lanjut Kapolres, pihaknya …") or opening the sentence as a passive ("Dijelaskan Adnan,
…"), and a cue after a statement left without quote marks ("…, ujarnya.").

indirect.py finds "X mengatakan, …" and joins these in.
"""

from __future__ import annotations

import re
from typing import Callable

from .vocab import (_AFTER_TRAILING_CUE, _INSERTED_CUES, _LONG_CUE_ALT, _PASSIVE_CUES, _PRONOUNS, _ROLE_HEAD_SET, _SHORT_CUE_ALT,
                    _STOP_CAP, alternation)
from .text import Span, _is_abbrev_dot, paragraph_of, _starts_cap, trim_span
from .cues import _phrase_forward
from .names import _is_role_run

_MENURUT_BARE_RE = re.compile(r"(?<![\w])(?P<verb>[Mm]enurut(?:nya)?)\s+(?=[^\s,“”\"])")
_MENURUT_RE = re.compile(r"(?<![\w])(?P<verb>[Mm]enurut(?:nya)?)(?P<who>\s+[^,.\n]{1,80})?\s*,\s+(?=\S)")


def _either_case(words: list[str]) -> str:
    """Alternation matching each word with a lower- or upper-case first letter."""
    return alternation([f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in words])


_SUBJECT_PRONOUN = r"(?:dia|ia|beliau)"  # the pronouns that stand for a speaker after a cue verb
_WHO = r"(?P<who>" + _SUBJECT_PRONOUN + r"|[A-Z][^,.;:\n“”\"]{0,60}?)"
# "…, lanjut Kapolres, pihaknya …", "Lanjutnya, …": the speech verb set off by commas, the content after it.
_INSERTED_RE = re.compile(
    r"(?:(?<=[,.;]\s)|(?<=\n)|^|(?<=Namun\s)|(?<=Bahkan\s)|(?<=Karena\s)|(?<=Sebab\s)|(?<=juga\s))(?P<verb>(?:" + _either_case(_INSERTED_CUES) + r")(?:nya)?)(?:\s+" + _WHO + r")?\s*,\s+(?=[^\s“”\"])"
)
# "Kita semua lanjut dia, berkewajiban …", "Peran Bawaslu kata Ruhermansyah, adalah …": the cue and
# its speaker inside the sentence's first words; what follows the comma was said.
_MIDCLAUSE_RE = re.compile(
    r"(?<=\w\s)(?P<verb>" + alternation(_INSERTED_CUES) + r")\s+(?P<who>" + _SUBJECT_PRONOUN + r"\b|[A-Z][^,.;:\n“”\"]{0,60}?)\s*,\s+(?=[^\s“”\"])"
)
_MIDCLAUSE_MAX_WORDS = 5
# "Dijelaskan Adnan, …", "Disebutkan Didik bahwa …", "Dijelaskan, …": a di- verb opening a sentence.
_PASSIVE_RE = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=\n)|^|(?<=[Ll]ebih\slanjut\s)|(?<=Seperti\s)|(?<=Seperti\syang\s)|(?<=Namun\s)|(?<=Kemudian\s))"
    r"(?P<verb>(?:" + _either_case(_PASSIVE_CUES) + r")(?:nya)?)(?:\s+(?:pula|juga|lagi))?(?:\s+(?:oleh\s+)?" + _WHO
    + r"|\s+oleh(?P<by>nya))?(?:\s*,\s*(?:bahwa\s+)?|\s+bahwa\s+|(?<=nya)\s+(?=[a-z]))(?=[^\s“”\"])"
)
# "Dalam amanat Kapolri yang dibacakan pimpinan apel, disampaikan bahwa …": a passive cue after a comma, then "bahwa".
_PASSIVE_BAHWA_RE = re.compile(r"(?<=,\s)(?P<verb>(?:" + alternation(_PASSIVE_CUES) + r")(?:nya)?)\s+bahwa\s+(?=[^\s“”\"])")
_MIN_INSERTED_WORDS = 3
# "Termasuk tambahan dari Batalyon Brimob, ujar AKBP X." / "…, tambahnya.": a statement without
# quote marks, its cue after it; the words before the comma are what was said.
_TRAILING_RE = re.compile(r",\s+(?P<verb>(?:" + _SHORT_CUE_ALT + r")(?:nya)?)(?=[\s,.;]|$)(?:\s+(?P<who>" + _SUBJECT_PRONOUN + r"\b|(?=[A-Z])))?")
_MIN_TRAILING_WORDS = 4
_LONG_CUE_RE = re.compile(r"\b(?:" + _LONG_CUE_ALT + r")\b")

Found = tuple[Span, Span, Span | None]  # (content span, cue span, speaker mention or None)


_GLUED_NEXT_RE = re.compile(r"[a-z]{3}\.[A-Z][a-z]{2}")


def _stop_at_quote(end: int, start: int, statements: list[Span]) -> int:
    """Indirect speech ends where a direct statement starts (its opening mark), not at scare quotes."""
    for s, _ in statements:
        if start < s <= end + 1:
            return min(end, s - 1)
    return end


def _sentence_end(text: str, i: int) -> int:
    """End of the sentence containing `i` (before the final period)."""
    pe = paragraph_of(text, i)[1]
    j = i
    while j < pe:
        ch = text[j]
        if ch in ".!?" and (j + 1 >= pe or text[j + 1].isspace() or text[j + 1] in "“”\"" or _GLUED_NEXT_RE.match(text, j - 3)) \
                and not _is_abbrev_dot(text, j):
            return j  # "… Kab. Tangerang.Dimana …": a sentence end that lost its space
        j += 1
    return pe


def _content_span(text: str, start: int, statements: list[Span]) -> Span:
    """What was said from `start`: to the end of its sentence or the next direct statement, trimmed."""
    return trim_span(text, start, _stop_at_quote(_sentence_end(text, start), start, statements))


def _menurut_cues(text: str, inside: Callable[[int], bool], statements: list[Span]) -> list[Found]:
    """"Menurut X, …" and "Menurutnya, …"; without the comma too ("Menurut Kapolres tentu hal
    itu …"), when X is a title or a pronoun."""
    out: list[Found] = []
    seen: set[int] = set()
    for m in _MENURUT_RE.finditer(text):
        vs, ve = m.span("verb")
        if inside(vs):
            continue
        start = m.end()
        if text[start] in "“”\"":
            continue
        if m.group("verb").lower() == "menurutnya":
            mention: Span = (ve - 3, ve)
        elif m.group("who"):
            a, b = m.span("who")
            while text[a].isspace():
                a += 1
            who = text[a:b]
            first = who.split()[0] if who.strip() else ""
            if not (_starts_cap(who) or first.lower() in _PRONOUNS or first.capitalize() in _ROLE_HEAD_SET):
                continue  # "Menurut rencana, …" is not attribution; "menurut kapolres, …" is
            if first.lower() in _PRONOUNS and len(who.split()) > 1:
                continue  # "menurut dia maka proses …, karena …": the statement starts after the pronoun
            phrase_end = _phrase_forward(text, a, b) if _starts_cap(who) else a
            if phrase_end > a:  # "Menurut Kapolri dari sisi keamanan, …": the name phrase only
                b = phrase_end
            mention = (a, b)
        else:
            continue
        s, e = _content_span(text, start, statements)
        if e - s < 8:
            continue
        seen.add(vs)
        out.append(((s, e), (vs, ve), mention))
    for m in _MENURUT_BARE_RE.finditer(text):
        if m.start("verb") not in seen and not inside(m.start("verb")):
            found = _menurut_bare(text, m, statements)
            if found is not None:
                out.append(found)
    return out


def _menurut_bare(text: str, m: re.Match, statements: list[Span]) -> Found | None:
    """"Menurutnya untuk simulasi …", "menurut dia maka …", "Menurut Kapolres tentu …": the
    attribution with no comma after it, the content right after the title or pronoun."""
    vs, ve = m.span("verb")
    if m.group("verb").lower() == "menurutnya":
        mention, start = (ve - 3, ve), m.end()
    else:
        a = m.end()
        b = _phrase_forward(text, a, paragraph_of(text, a)[1]) if _starts_cap(text[a:]) else a
        if b > a and not _is_role_run(text[a:b].split()):
            return None  # "Menurut UU Pemilu …": a source, not a speaker
        if b == a:
            pronoun = re.match(_SUBJECT_PRONOUN + r"\b", text[a:])
            if pronoun is None:
                return None
            b = a + pronoun.end()
        mention, start = (a, b), b
    s, e = _content_span(text, start, statements)
    words = text[s:e].split()
    if len(words) < _MIN_TRAILING_WORDS or not words[0][:1].islower():
        return None
    return (s, e), (vs, ve), mention


def _inserted_cues(text: str, inside: Callable[[int], bool], statements: list[Span]) -> list[Found]:
    """Reported speech after an inserted or passive cue: "…, lanjut Kapolres, pihaknya siap …",
    "Dijelaskan Adnan, …". The mention is the name or pronoun given, "-nya", or none (the
    previous speaker's, resolved from context)."""
    out: list[Found] = []
    mid = [m for m in _MIDCLAUSE_RE.finditer(text) if len(text[_sentence_start(text, m.start()) : m.start()].split()) <= _MIDCLAUSE_MAX_WORDS]
    for m in list(_INSERTED_RE.finditer(text)) + list(_PASSIVE_RE.finditer(text)) + list(_PASSIVE_BAHWA_RE.finditer(text)) + mid:
        vs, ve = m.span("verb")
        if inside(vs):
            continue
        start = m.end()
        s, e = _content_span(text, start, statements)
        words = text[s:e].split()
        if len(words) < _MIN_INSERTED_WORDS or words[0].strip(",") in _STOP_CAP or not any(w[:1].islower() for w in words):
            continue  # "…, kata dia, Senin (3/4)": a date; "ucap Kapolsek X, Kompol A.R Dwi Nugroho, SH": a name, not speech
        if m.groupdict().get("who"):
            mention: Span | None = _who(text, m.span("who"))
        elif m.groupdict().get("by"):  # "Ditegaskan olehnya, …"
            mention = m.span("by")
        elif text[vs:ve].lower().endswith("nya"):
            mention = (ve - 3, ve)
        else:
            mention = None
        out.append(((s, e), (vs, ve), mention))
    return out


def _who(text: str, span: Span) -> Span:
    """The speaker's name out of an inserted cue's subject: "kata Kombes Kamal seraya mengatakan, …"
    names Kombes Kamal; the words after the name are the rest of the cue."""
    ws, we = span
    end = _phrase_forward(text, ws, we) if _starts_cap(text[ws:we]) else we
    return (ws, end) if end > ws else span


def _trailing_cues(text: str, inside: Callable[[int], bool]) -> list[Found]:
    """A statement left without its quote marks, the cue after it: "…, ujarnya." / "…, kata Kapolres."
    The sentence before the comma is what was said; the cue needs "-nya" or a speaker after it."""
    out: list[Found] = []
    for m in _TRAILING_RE.finditer(text):
        vs, ve = m.span("verb")
        if inside(m.start()) or inside(vs):
            continue
        if m.group("who") is not None:
            ws = m.start("who")
            we = ws + len(m.group("who")) if m.group("who") else _phrase_forward(text, ws, paragraph_of(text, ws)[1])
            if we <= ws:
                continue
            mention: Span = (ws, we)
        elif text[vs:ve].endswith("nya"):
            mention = (ve - 3, ve)
        else:
            continue
        if _statement_goes_on(text, max(mention[1], ve)):
            continue  # "Beberapa skema pun, kata dia, telah …": an inserted cue, the statement goes on
        s, e = trim_span(text, _sentence_start(text, m.start()), m.start())
        if any(ch in "“”\"" for ch in text[s:e]) or len(text[s:e].split()) < _MIN_TRAILING_WORDS:
            continue
        out.append(((s, e), (vs, ve), mention))
    return out


def _statement_goes_on(text: str, i: int) -> bool:
    """Whether the statement goes on after the cue ("…, kata Kapolri, Polri akan melibatkan …",
    "…, kata dia harus menjalani …"): the cue was inserted into it. The cue may be followed by its
    circumstances ("ujarnya saat ditemui", "kata X melalui keterangan pers"), and a clause after a
    second speech verb ("kata X seraya mengatakan, …") is another statement."""
    rest = text[i : _sentence_end(text, i)]
    head, comma, after = rest.partition(",")
    first = head.split()[:1]
    if first and first[0] not in _AFTER_TRAILING_CUE:
        return True  # "kata dia harus menjalani …", "lanjutnya Aksi masyarakat …"
    if not comma or _LONG_CUE_RE.search(head):
        return False
    words = after.split()
    return len(words) >= 3 and any(w[:1].islower() for w in words)


def _sentence_start(text: str, i: int) -> int:
    """Start of the sentence holding `i`: after the last sentence end in its paragraph."""
    ps = paragraph_of(text, i)[0]
    start = ps
    for j in range(ps, i):
        if text[j] in ".!?" and j + 1 < i and text[j + 1].isspace() and not _is_abbrev_dot(text, j):
            start = j + 1
    return start
