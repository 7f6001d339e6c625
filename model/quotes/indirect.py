"""Indirect speech: "X mengatakan, …", "menurut X, …", "X menyampaikan bahwa …" outside direct quotes.

This module reads a speech verb after its speaker and what follows it (objects, addressees,
complementizers); attributions.py the other ways an article attributes reported speech.
"""

from __future__ import annotations

import re
from typing import Callable

from .vocab import (_ADDRESSEES, _ASKING_VERBS, _BARE_OBJECT_VERBS, _CLAUSE_PREPOSITIONS, _COLLECTIVE, _DIRECTIVE_VERBS, _LONG_CUE_ALT,
                    _NOT_A_PLAIN_OBJECT, _NOT_SAID, _PRONOUNS, _SAY_VERBS, _SPEECH_ACT_OBJECTS, _STANCE_VERBS)
from .text import Span, paragraph_of, _starts_cap
from .marks import find_direct_quotes
from .cues import _subject_before
from .attributions import Found, _content_span, _inserted_cues, _menurut_cues, _sentence_end, _trailing_cues
from .statements import is_statement


_COMPLEMENTIZER_RE = re.compile(r"(?:[^\s,]+\s+){1,2}?(?:agar|supaya|untuk)\s+")
# "mengimbau kepada seluruh lapisan masyarakat untuk …": an addressee, then what is asked of them.
_ADDRESSEE_RE = re.compile(r"kepada\s+[^.;:\n“”\"]{1,80}?\s+(?:agar|supaya|untuk)\s+")

_INDIRECT_RE = re.compile(
    r"(?<![\w])(?P<verb>" + _LONG_CUE_ALT + r")(?P<link>\s*,\s*|\s+bahwa\s+|\s+(?:agar|supaya)\s+|\s+)(?=\S)"
)

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
        s, e = _content_span(text, start, statements)
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
    asked_for = _ASKED_FOR_RE.match(text, start) if verb in _ASKING_VERBS and not act else None
    if asked_for:
        return asked_for.end()  # "mengajak untuk melaksanakan …", "mengimbau untuk …"
    if link.strip() or act:
        return start
    said = _said(text, start, lenient=verb in _SAY_VERBS)  # any verb: "menjelaskan dalam pengamanan Nataru pihaknya akan …"
    if said is not None:
        return said
    if verb in _BARE_OBJECT_VERBS or not _plain_object_ok(text, start):
        return None
    return _after_complementizer(text, start, verb)


_ASKED_FOR_RE = re.compile(r"untuk\s+(?=[a-z])")
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
