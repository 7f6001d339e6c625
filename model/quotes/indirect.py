"""Indirect speech: "X mengatakan, …", "menurut X, …", "X menyampaikan bahwa …" outside direct quotes.
"""

from __future__ import annotations

import re
from typing import Callable

from .vocab import _COLLECTIVE, _ADDRESSEES, _ASKING_VERBS, _ROLE_HEAD_SET, _AFTER_TRAILING_CUE, _SHORT_CUE_ALT, _BARE_OBJECT_VERBS, _CLAUSE_PREPOSITIONS, _DIRECTIVE_VERBS, _INSERTED_CUES, _LONG_CUES, _NOT_A_PLAIN_OBJECT, _NOT_SAID, _PRONOUNS, _SAY_VERBS, _SPEECH_ACT_OBJECTS, _STANCE_VERBS, _STOP_CAP, _PASSIVE_CUES
from .text import Span, _is_abbrev_dot, paragraph_of, _starts_cap, trim_span
from .marks import find_direct_quotes
from .cues import _phrase_forward, _subject_before
from .names import _is_role_run
from .statements import is_statement


_COMPLEMENTIZER_RE = re.compile(r"(?:[^\s,]+\s+){1,2}?(?:agar|supaya|untuk)\s+")
# "mengimbau kepada seluruh lapisan masyarakat untuk …": an addressee, then what is asked of them.
_ADDRESSEE_RE = re.compile(r"kepada\s+[^.;:\n“”\"]{1,80}?\s+(?:agar|supaya|untuk)\s+")

_INDIRECT_RE = re.compile(
    r"(?<![\w])(?P<verb>" + "|".join(sorted(set(_LONG_CUES), key=len, reverse=True)) + r")(?P<link>\s*,\s*|\s+bahwa\s+|\s+(?:agar|supaya)\s+|\s+)(?=\S)"
)


_MENURUT_BARE_RE = re.compile(r"(?<![\w])(?P<verb>[Mm]enurut(?:nya)?)\s+(?=[^\s,“”\"])")
_MENURUT_RE = re.compile(r"(?<![\w])(?P<verb>[Mm]enurut(?:nya)?)(?P<who>\s+[^,.\n]{1,80})?\s*,\s+(?=\S)")

def _either_case(words: list[str]) -> str:
    """Alternation matching each word with a lower- or upper-case first letter."""
    return "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in sorted(set(words), key=len, reverse=True))


_WHO = r"(?P<who>dia|ia|beliau|[A-Z][^,.;:\n“”\"]{0,60}?)"
# "…, lanjut Kapolres, pihaknya …", "Lanjutnya, …": the speech verb set off by commas, the content after it.
_INSERTED_RE = re.compile(
    r"(?:(?<=[,.;]\s)|(?<=\n)|^|(?<=Namun\s)|(?<=Bahkan\s)|(?<=Karena\s)|(?<=Sebab\s)|(?<=juga\s))(?P<verb>(?:" + _either_case(_INSERTED_CUES) + r")(?:nya)?)(?:\s+" + _WHO + r")?\s*,\s+(?=[^\s“”\"])"
)
# "Kita semua lanjut dia, berkewajiban …", "Peran Bawaslu kata Ruhermansyah, adalah …": the cue and
# its speaker inside the sentence's first words; what follows the comma was said.
_MIDCLAUSE_RE = re.compile(
    r"(?<=\w\s)(?P<verb>" + "|".join(sorted(set(_INSERTED_CUES), key=len, reverse=True)) + r")\s+(?P<who>(?:dia|ia|beliau)\b|[A-Z][^,.;:\n“”\"]{0,60}?)\s*,\s+(?=[^\s“”\"])"
)
_MIDCLAUSE_MAX_WORDS = 5
# "Dijelaskan Adnan, …", "Disebutkan Didik bahwa …", "Dijelaskan, …": a di- verb opening a sentence.
_PASSIVE_RE = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=\n)|^|(?<=[Ll]ebih\slanjut\s)|(?<=Seperti\s)|(?<=Namun\s))(?P<verb>(?:" + _either_case(_PASSIVE_CUES) + r")(?:nya)?)(?:\s+(?:pula|juga|lagi))?(?:\s+(?:oleh\s+)?" + _WHO
    + r")?(?:\s*,\s*(?:bahwa\s+)?|\s+bahwa\s+)(?=[^\s“”\"])"
)
_MIN_INSERTED_WORDS = 3
# "Termasuk tambahan dari Batalyon Brimob, ujar AKBP X." / "…, tambahnya.": a statement without
# quote marks, its cue after it; the words before the comma are what was said.
_TRAILING_RE = re.compile(r",\s+(?P<verb>(?:" + _SHORT_CUE_ALT + r")(?:nya)?)(?=[\s,.;]|$)(?:\s+(?P<who>(?:dia|ia|beliau)\b|(?=[A-Z])))?")
_MIN_TRAILING_WORDS = 4
_LONG_CUE_RE = re.compile(r"\b(?:" + "|".join(sorted(set(_LONG_CUES), key=len, reverse=True)) + r")\b")


_PREDICATE_RE = re.compile(
    r"\b(?:akan|sudah|telah|siap|masih|tidak|tak|belum|harus|bisa|dapat|perlu|sedang|menjadi|ada|adalah|merupakan|"
    r"sempat|cukup|sangat|mampu|wajib|boleh|terus|segera|mulai|agar|supaya|untuk|(?:me|ber|di|ter)[a-z]{3,})\b"
)


# Words that open a list of what a noun phrase names: a verb after them belongs to the list, not to a clause.
_NOUN_PHRASE_END_RE = re.compile(r"\b(?:yaitu|yakni|antara lain|di antaranya|seperti|mulai dari|termasuk)\b")


def _after_complementizer(text: str, start: int, verb: str) -> int | None:
    """For "X meminta warga agar …" the span starts after 'agar'; a bare object needs a predicate."""
    end = _sentence_end(text, start)
    obj = text[start:end]
    m = _COMPLEMENTIZER_RE.match(obj)
    if m and verb in _DIRECTIVE_VERBS:
        return start + m.end()
    words = _NOUN_PHRASE_END_RE.split(obj, 1)[0].split()
    if len(words) < 2 or not _PREDICATE_RE.search(" ".join(words if verb in _STANCE_VERBS else words[1:])):
        return None  # "menyebut dua prioritas", "menyebutkan enam pesan, antara lain …": a noun phrase
    return start


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
        if ch in ".!?" and (j + 1 >= pe or text[j + 1].isspace() or text[j + 1] in "“”\"") and not _is_abbrev_dot(text, j):
            return j
        j += 1
    return pe


Found = tuple[Span, Span, Span | None]  # (content span, cue span, speaker mention or None)


def find_indirect_quotes(text: str, direct: list[Span] | None = None, acts: list[Found] | None = None) -> list[Found]:
    """Reported speech "X mengatakan, …", "menurut X, …", "X menyampaikan bahwa …" outside direct quotes.

    A speech act with no statement ("X menyampaikan apresiasinya …") is no quote; when `acts` is
    given such acts are appended to it, because their speaker is often who speaks next."""
    if direct is None:
        direct = find_direct_quotes(text)
    inside = _covered(direct)
    statements = [sp for sp in direct if is_statement(text, sp)]
    out: list[Found] = []
    for found, act in _verb_cues(text, inside, statements):
        if not act:
            out.append(found)
        elif acts is not None:
            acts.append(found)
    out += _inserted_cues(text, inside, statements) + _menurut_cues(text, inside, statements) + _trailing_cues(text, inside)
    out = sorted({o[0]: o for o in sorted(out, reverse=True)}.values())  # one quote per span (two cue patterns may find it)
    # "Kapolres meminta para Kapolsek memastikan …": the inner verb is part of the outer content
    return [o for o in out if not any(p is not o and p[0][0] <= o[1][0] < p[0][1] for p in out)]


def _verb_cues(text: str, inside: Callable[[int], bool], statements: list[Span]) -> list[tuple[Found, bool]]:
    """"X mengatakan, …" / "X menyampaikan bahwa …": each with whether it is a speech act without a statement."""
    out: list[tuple[Found, bool]] = []
    for m in _INDIRECT_RE.finditer(text):
        vs, ve = m.span("verb")
        if inside(vs):
            continue
        rest = text[m.end() : m.end() + 2]
        if not rest or rest[0] in "“”\"":
            continue  # a direct quote follows: handled as a direct cue
        act = text[m.end() : m.end() + 40].split()[0].lower().strip(",") in _SPEECH_ACT_OBJECTS
        start = _content_start(text, m.end(), m.group("verb").lower(), m.group("link"), act)
        if start is None:
            continue
        mention = _subject_before(text, vs, paragraph_of(text, vs)[0])
        if mention is None:
            continue
        mtxt = text[mention[0] : mention[1]]
        if not (_starts_cap(mtxt) or mtxt.lower() in _PRONOUNS or mtxt.split()[-1] in _COLLECTIVE or mtxt.startswith(("dr.", "drg."))):
            continue
        if text[vs - 1 : vs] not in (" ", "\n", "") and vs > 0:
            continue
        end = _stop_at_quote(_sentence_end(text, start), start, statements)
        s, e = trim_span(text, start, end)
        if e - s < 8 or len(text[s:e].split()) < 2:
            continue
        out.append((((s, e), (vs, ve), mention), act))
    return out


def _content_start(text: str, start: int, verb: str, link: str, act: bool) -> int | None:
    """Where what was said starts after a verb and its link ("," / "bahwa" / "agar" / a space),
    or None when the words after the verb are no reported speech ("menyebut dua prioritas")."""
    addressee = (_ADDRESSEE_RE.match(text, start) or _COMPLEMENTIZER_RE.match(text, start)) if verb in _DIRECTIVE_VERBS else None
    if addressee:  # "mengimbau kepada warga untuk …", "menginstruksikan jajarannya untuk …"
        return addressee.end()
    asked = _asked_after_addressee(text, start) if verb in _ASKING_VERBS and not link.strip(" ,") and not act else None
    if asked is not None:  # "meminta para komandan tersebut agar …", "minta masyarakat tidak takut …"
        return asked
    lead = _LEADING_COMPLEMENTIZER_RE.match(text, start)
    if lead and (link.strip() or verb not in _DIRECTIVE_VERBS):
        return lead.end()  # "menegaskan, bahwa …", "menjelaskan bahwa, …", "mengatakan, agar …"
    if link.strip() or act:
        return start
    said = _said(text, start, lenient=verb in _SAY_VERBS) if verb in _SAY_VERBS or verb in _STANCE_VERBS else None
    if said is not None:
        return said
    if verb in _BARE_OBJECT_VERBS or not _plain_object_ok(text, start):
        return None
    return _after_complementizer(text, start, verb)


_LEADING_COMPLEMENTIZER_RE = re.compile(r"(?:[Bb]ahwa|agar|supaya)\b,?\s+(?=\S)")
_NEGATION = ("tidak", "tak", "jangan")
_ACTIVE_VERB_RE = re.compile(r"(?:me|ber)[a-z]{3,}")
_CLAUSE_MARK_RE = re.compile(r"di[a-z]{3,}|dapat|bisa|harus|akan|wajib|perlu|fokus")
_ASKED_BY = ("agar", "supaya", "untuk")
_ADDRESSEE_MAX_WORDS = 20


def _asked_after_addressee(text: str, start: int) -> int | None:
    """After a directive verb's bare object that names people: where what is asked starts
    ("meminta segenap masyarakat, stakeholder serta alim ulama untuk …" → after 'untuk'; "minta
    masyarakat tidak takut …" → 'tidak'; "mengingatkan seluruh jajarannya menjaga …" → 'menjaga').
    None when the object is no addressee ("mengingatkan latihan ini jangan …") or is a clause of
    its own ("meminta koordinasi … ditingkatkan agar …"); a verb inside "yang …" describes the addressee."""
    words = list(re.finditer(r"\S+", text[start : _sentence_end(text, start)]))[:_ADDRESSEE_MAX_WORDS]
    if not words or words[0].group(0).lower().strip(",") not in _ADDRESSEES:
        return None
    in_clause = plain = False
    for k, m in enumerate(words[1:], 1):
        w = m.group(0).lower().strip(",")
        if w in _ASKED_BY:
            return start + m.end() + 1
        if in_clause or w == "yang":
            in_clause = True
            continue
        if _CLAUSE_MARK_RE.fullmatch(w):
            return None
        if w in _NEGATION or _ACTIVE_VERB_RE.fullmatch(w):
            return None if plain else start + m.start()  # "meminta seluruh kepala desa mengalokasikan … untuk …": a clause
        plain = plain or not (w in _ADDRESSEES or m.group(0)[:1].isupper())
    return None


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
        end = _stop_at_quote(_sentence_end(text, start), start, statements)
        s, e = trim_span(text, start, end)
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
            pronoun = re.match(r"(?:dia|ia|beliau)\b", text[a:])
            if pronoun is None:
                return None
            b = a + pronoun.end()
        mention, start = (a, b), b
    end = _stop_at_quote(_sentence_end(text, start), start, statements)
    s, e = trim_span(text, start, end)
    words = text[s:e].split()
    if len(words) < _MIN_TRAILING_WORDS or not words[0][:1].islower():
        return None
    return (s, e), (vs, ve), mention


_TO_WHOM_RE = re.compile(r"kepada\s+[^.,;:\n“”\"]{1,40}?(?:,\s*|\s+(?:agar|supaya|bahwa)\s+)")


def _said(text: str, start: int, lenient: bool = True) -> int | None:
    """Start of what a say (or stance) verb's bare object says ("mengatakan kepada wartawan, …"
    skips the addressee), or None when this rule does not say ("mengatakan hal itu", a short
    object): the general bare-object check then decides. A stance verb (`lenient` False) only
    gets the clause that opens with a preposition ("menyebut untuk rapat pleno ini … akan …")."""
    to_whom = _TO_WHOM_RE.match(text, start)
    if to_whom and lenient:
        return to_whom.end()
    words = text[start:_sentence_end(text, start)].split()
    if len(words) >= 6 and words[0].lower() in _CLAUSE_PREPOSITIONS and _PREDICATE_RE.search(" ".join(words[2:])):
        return start  # "mengatakan dengan adanya pola itu seluruh tahapan akan aman"
    if not lenient or len(words) < 4 or words[0].lower().strip(",") in _NOT_SAID:
        return None
    return start


def _plain_object_ok(text: str, start: int) -> bool:
    """'X menyatakan prajuritnya siap …' without comma/bahwa: accept a clause, not 'meminta maaf'."""
    w = text[start : start + 30].split()
    if not w:
        return False
    return w[0].lower() not in _NOT_A_PLAIN_OBJECT


def _covered(spans: list[Span]) -> Callable[[int], bool]:
    """Predicate: does offset i fall inside (or on the marks of) one of the spans?"""

    def inside(i: int) -> bool:
        return any(s - 1 <= i < e + 1 for s, e in spans)

    return inside


def _inserted_cues(text: str, inside: Callable[[int], bool], statements: list[Span]) -> list[Found]:
    """Reported speech after an inserted or passive cue: "…, lanjut Kapolres, pihaknya siap …",
    "Dijelaskan Adnan, …". The mention is the name or pronoun given, "-nya", or none (the
    previous speaker's, resolved from context)."""
    out: list[Found] = []
    mid = [m for m in _MIDCLAUSE_RE.finditer(text) if len(text[_sentence_start(text, m.start()) : m.start()].split()) <= _MIDCLAUSE_MAX_WORDS]
    for m in list(_INSERTED_RE.finditer(text)) + list(_PASSIVE_RE.finditer(text)) + mid:
        vs, ve = m.span("verb")
        if inside(vs):
            continue
        start = m.end()
        end = _stop_at_quote(_sentence_end(text, start), start, statements)
        s, e = trim_span(text, start, end)
        words = text[s:e].split()
        if len(words) < _MIN_INSERTED_WORDS or words[0].strip(",") in _STOP_CAP:
            continue  # "…, kata dia, Senin (3/4)": a date, not speech
        if m.group("who"):
            mention: Span | None = _who(text, m.span("who"))
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

