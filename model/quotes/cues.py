"""Cue verbs and speaker mentions around a direct quote (GUIDELINES §2, Cue / Speaker mention).

The cue is looked for right after the closing mark first ("…,” ujar Kapolres"), then just
before the opening mark ("Kapolres mengatakan, “…"); the mention is the name or title next
to it, or the clitic of a -nya cue.
"""

from __future__ import annotations

import re

from .vocab import _COLLECTIVE, _DEPUTY_VERBS, _FUNC_CAPS, _LONG_CUES, _PARTICLES, _PRONOUNS, _SKIP_BEFORE_VERB, _STOP_CAP, _is_cue_word
from .text import Span, _DEMONSTRATIVES, _NONSPACE_RE, _SENT_END_RE, _is_abbrev_dot, paragraph_of, _starts_cap
from .names import _clean_token, _eligible, _unit_number, _with_clitic, _is_degree, _is_role_run, _person_runs, _ranked, _role_like


_COMMA_DEGREE_RE = re.compile(r",\s*[A-Z][A-Za-z]{0,3}\.")

_COMMA_NAME_RE = re.compile(r",\s+((?:[A-Z][\w’'\-]*\.?\s+){0,4}[A-Z][\w’'\-]*)(?=\s*[,.]|\s+[a-z]|\s*$)")

_PAREN_CAP_RE = re.compile(r"\([A-Z]")

_MENURUT_BEFORE_RE = re.compile(r"\b([Mm]enurut)\s+([^,]{1,80}),\s*$")


def _mention_after(text: str, i: int, limit: int) -> Span | None:
    """The capitalised name/title phrase starting at `i` (after a cue verb)."""
    while i < limit and text[i].isspace():
        i += 1
    end = _phrase_forward(text, i, limit)
    if end <= i:
        return _lower_description_forward(text, i, limit)
    return i, max(end, _listed_title_end(text, i, end, limit), _acting_as_end(text, end, limit))


_ACTING_AS_RE = re.compile(r" selaku (?=[A-Z])")


def _acting_as_end(text: str, end: int, limit: int) -> int:
    """End of "… selaku <title> <name>" after a title ("ujar Kasubag X selaku Padal Pengamanan Iptu
    Y"): the name that ends it is the speaker's, so the mention runs on to it."""
    m = _ACTING_AS_RE.match(text, end, limit)
    if m is None:
        return end
    stop = _phrase_forward(text, m.end(), limit)
    return stop if _ranked(text[m.end() : stop].split()) else end


def _listed_title_end(text: str, i: int, end: int, limit: int) -> int:
    """End of a title that lists fields with commas and holds its holder's name ("ujar Kepala Seksi
    Bina Ideologi, Wawasan Kebangsaan, dan Karakter Bangsa Kesbangpol Didik Purwoko"): the phrase
    stops at the first comma, the joined run (names._person_runs) goes on to the name."""
    if text[end : end + 1] != ",":
        return end
    run = next((r for r in _person_runs(text) if r.start == i), None)
    return run.end if run is not None and run.merged and end < run.end <= limit else end


def _phrase_forward(text: str, i: int, limit: int) -> int:
    """End of the capitalised name/title phrase starting at `i` (ranks, names, '1407/Bone',
    a ", S.I.K., M.H." degree suffix), stopping at punctuation or a lowercase word."""
    end = i
    prev = ""  # the word taken before this one ("Dandim" before "0818")
    toks = list(_NONSPACE_RE.finditer(text[i:limit]))
    k = 0
    while k < len(toks):
        s, e, term = _clean_token(text, i + toks[k].start(), i + toks[k].end())
        w = text[s:e]
        if s != i + toks[k].start() or not (_eligible(w) or _unit_number(prev, w)) or w in _STOP_CAP or (end == i and w in _PARTICLES):
            break
        end, prev = e, w
        k += 1
        if term.startswith(",") and _is_role_run(text[i:end].split()) and not _COMMA_DEGREE_RE.match(text[end:limit]):
            # "kata Kepala Disdik Tarakan, Theresia Bunga Kalalo." — title, comma, name
            nm = _COMMA_NAME_RE.match(text[end:limit])
            if nm and not _is_degree(nm.group(1).split()[0]) and nm.group(1).split()[0] not in _FUNC_CAPS:
                # the name read as a phrase of its own, so dotted ranks and degrees do not cut it
                # ("tegas Kapolda Kepri, Irjen. Pol. Drs. Yan Fitri Halimansyah, M.H.")
                return max(end + nm.end(1), _phrase_forward(text, end + nm.start(1), limit))
        if term.startswith(","):
            # a degree suffix belongs to the name; any other comma ends the phrase
            while k < len(toks):
                s2, e2, t2 = _clean_token(text, i + toks[k].start(), i + toks[k].end())
                if not _is_degree(text[s2:e2]):
                    break
                end = e2
                k += 1
                if not t2.startswith(","):
                    break
            break
        if term:
            break
    return end


_DESCRIPTION_RE = re.compile(r"(?:seorang|salah\s+seorang|salah\s+satu|para|sejumlah|warga)\b[^,.;:!?”\"“\n]{0,40}")


def _lower_description_forward(text: str, i: int, limit: int) -> Span | None:
    """'seorang warga', 'salah satu peserta' after a cue: an unnamed speaker."""
    m = _DESCRIPTION_RE.match(text, i, limit)
    if m:
        return i, m.start() + len(m.group(0).rstrip())
    return None


def _phrase_backward(text: str, end: int, floor: int) -> int:
    """Start of the subject phrase that ends at `end` (before a cue verb).

    Walks back over capitalised tokens, also across 'Role, Name,' commas and degree
    suffixes, so "Ketua KPU Bone, Hj. Nurhayati Latif" comes back whole.
    """
    toks = [(m.start(), m.end(), m.group(0)) for m in _NONSPACE_RE.finditer(text[floor:end])]
    toks = [(a + floor, b + floor, w) for a, b, w in toks]
    start = end
    k = len(toks) - 1
    seen_name = after_degree = False
    while k >= 0:
        a, b, w = toks[k]
        core = w.rstrip(",")
        if _is_degree(core) and not seen_name:
            start = a
            k -= 1
            continue
        if core and (core[0].isupper() or core in ("dr.", "drg.") or core[0].isdigit() and "/" in core or _PAREN_CAP_RE.match(core)) and core.rstrip(".") not in _STOP_CAP and core not in _FUNC_CAPS and not _with_clitic(core):
            degree = _is_degree(core)
            # "Role, Name" -- keep walking only if what follows is a role phrase; "Name, S.I.K., MH,
            # Role": a name owns the degrees after it
            if w.endswith(",") and seen_name and not degree and not after_degree and not _role_like(text[a:start]):
                break
            start, after_degree = a, degree
            seen_name = True
            k -= 1
            continue
        break
    return start


def find_cue(text: str, span: Span, kind: str = "direct") -> tuple[Span | None, Span | None]:
    """Cue verb and speaker mention for the quote at `span`.

    Looks right after the closing mark first ("…,” ujar Kapolres"), then just before the
    opening mark ("Kapolres mengatakan, “…"), both within the paragraph. For a -nya cue the
    mention is the clitic inside the cue word, as the gold data marks it.
    """
    s, e = span
    ps, _ = paragraph_of(text, s)
    _, pe = paragraph_of(text, e)  # a multi-paragraph quote closes in a later paragraph
    if kind == "direct":
        r = _cue_after(text, e, pe)
        if r is not None:
            return r
        return _cue_before(text, s, ps)
    return None, None


_AFTER_RE = re.compile(r"[,.!?]?\s*[”\"’“]?[,]?\s*([A-Za-z]+)")


def _cue_after(text: str, e: int, pe: int) -> tuple[Span, Span | None] | None:
    m = _AFTER_RE.match(text, e, pe)
    if not m:
        return None
    gap = text[e : m.start(1)]
    if not any(c in gap for c in "”\"’"):
        return None
    if not any(c in gap for c in ",.!?") and not any(c in text[e - 1 : e] for c in ".!?"):
        return None  # “dievakuasi” mengaku …: a scare quote inside a sentence, not attribution
    word = m.group(1)
    if not _is_cue_word(word) or word.lower() in {"menurut"}:
        return None
    ws, we = m.start(1), m.end(1)
    if word.lower().endswith("nya") and word.lower() not in _LONG_CUES:
        return (ws, we), (we - 3, we)
    mention = _mention_after(text, we, pe)
    return (ws, we), mention


_BEFORE_CUE_RE = re.compile(r"([A-Za-z]+)\s*[,:]?\s*$")


def _cue_before(text: str, s: int, ps: int) -> tuple[Span | None, Span | None]:
    open_mark = s - 1
    while open_mark > ps and text[open_mark - 1].isspace():
        open_mark -= 1
    head = text[ps:open_mark]
    # the word right before the opening mark ("mengatakan, “…") is the candidate cue
    m = _BEFORE_CUE_RE.search(head)
    if not m:
        return None, None
    word = m.group(1)
    ws, we = ps + m.start(1), ps + m.end(1)
    if not _is_cue_word(word):
        # "Menurut Dandim, “…": cue word before the mention
        mm = _MENURUT_BEFORE_RE.search(head)
        if mm:
            cs, ce = ps + mm.start(1), ps + mm.end(1)
            return (cs, ce), (ps + mm.start(2), ps + mm.end(2))
        return None, None
    low = word.lower()
    if low.endswith("nya") and low not in _LONG_CUES and low != "menurutnya":
        return (ws, we), (we - 3, we)
    if low == "menurutnya":
        return (ws, we), (we - 3, we)
    return (ws, we), _subject_before(text, ws, ps)


_AGE_TOKEN_RE = re.compile(r"\(\d{1,3}\),?")

_DAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Jum’at|Sabtu|Minggu)(?:\s*\([\d/]+\))?"
_SKIP_PHRASE_BEFORE_VERB_RE = re.compile(
    r"(?:,?\s*(?<!\w)(?:dalam|saat|ketika|usai|seusai|di)\s+(?:\S+\s+){0,3}?\S+nya"
    r"|,?\s*(?<!\w)dalam\s+(?:kesempatan|rakor|rapat|acara|apel|sambutan|amanat|pertemuan)\s+(?:itu|tersebut|yang\s+sama|terpisah)"
    r"|,?\s*(?<!\w)(?:sebagai|selaku)\s+[a-z][^,.;\n]{0,40}?"
    # "X di Mataram, Jumat, mengatakan", "X saat dikonfirmasi Kamis, mengatakan": where and when, then the verb
    r"|(?:,\s*|\s+)(?:saat|ketika|usai|seusai|setelah)\s+[a-z][^,.;:\n“”\"]{0,80}?"
    r"|(?:,\s*|\s+)di(?:hubungi|konfirmasi|temui|wawancarai)(?:\s+(?:wartawan|terpisah))?"
    r"|(?:,\s*|\s+)melalui\s+(?:[Kk]onf[e]?rensi\s+[Pp]ers|[Kk]eterangan(?:\s+[a-z]+)?|[Rr]ilis|[Ss]iaran\s+[Pp]ers|sambungan\s+telepon|telepon)"
    r"|(?:,\s*|\s+)di\s+(?:[a-z]+\s+){0,3}[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}"
    r"|(?:,\s*|\s+)" + _DAY + r"){1,4}?,?\s*$"
)


_ON_BEHALF = ("mewakili",)
_ACTING_AS_BEFORE_RE = re.compile(r",?\s+selaku\s+$")
_QUANTIFIERS = ("sejumlah", "para", "beberapa", "ribuan", "ratusan", "puluhan")
_SPEECH_NOUNS = r"(?:sambutan|amanat|pidato|arahan)"  # a speech that can be read out for its author
_READ_OUT_RE = re.compile(_SPEECH_NOUNS + r"(?:nya)?,?")


def _speech_read_out(toks: list[tuple[int, int, str]], k: int) -> int | None:
    """For a deputy verb at k that reads out someone's speech ("dalam sambutan yang dibacakan"):
    the index where the author's mention ends (before "dalam sambutan"), else None."""
    i = k - 1
    if i >= 0 and toks[i][2].lower() == "yang":
        i -= 1
    if i < 1 or not _READ_OUT_RE.fullmatch(toks[i][2].lower()):
        return None
    if toks[i - 1][2].lower() in ("dalam", "pada", "melalui", "lewat"):
        i -= 1
    return i if i > 0 else None


def _function_word_after(text: str, i: int) -> bool:
    """Whether the next word is a capitalised function word ("Dalam", "Menurut"), which starts a sentence."""
    m = _NONSPACE_RE.search(text, i, i + 40)
    return bool(m) and m.group(0).rstrip(",") in _FUNC_CAPS


_EPITHET_WORDS = 3  # lowercase words a capitalised head may take before "itu": "Jenderal bintang dua"


def _lower_epithet(toks: list[tuple[int, int, str]]) -> Span | None:
    """"Jenderal bintang dua" before a demonstrative: a capitalised head and a few lowercase words."""
    for k in range(len(toks) - 2, max(-1, len(toks) - 2 - _EPITHET_WORDS), -1):
        if _starts_cap(toks[k][2]):
            if all(w[:1].islower() for _, _, w in toks[k + 1 :]):
                return toks[k][0], toks[-1][1]
            return None
    return None


def _subject_before(text: str, verb_start: int, ps: int) -> Span | None:
    """The mention before a cue verb: skip adverbs and a 'yang …' clause, then the phrase."""
    sent_start = ps
    for m in _SENT_END_RE.finditer(text, ps, verb_start):
        if not _is_abbrev_dot(text, m.start()) or _function_word_after(text, m.end()):
            sent_start = m.end()  # "…, S.I.K., M.T. Dalam sambutannya, …": a degree can end a sentence
    sm = _SKIP_PHRASE_BEFORE_VERB_RE.search(text, sent_start, verb_start)
    if sm and sm.end() >= verb_start - 1:
        verb_start = sm.start()  # "Jonner Manik, dalam paparannya menyebut"
    toks = [(m.start(), m.end(), m.group(0)) for m in _NONSPACE_RE.finditer(text[sent_start:verb_start])]
    toks = [(a + sent_start, b + sent_start, w) for a, b, w in toks]
    # drop adverbs right before the verb
    while toks and (toks[-1][2].lower() in _SKIP_BEFORE_VERB or _AGE_TOKEN_RE.fullmatch(toks[-1][2])):
        toks.pop()  # adverbs and an age "(47)," between the name and the verb
    if len(toks) > 1 and toks[-1][2] in _DEMONSTRATIVES:
        toks.pop()  # "Mantan Kapolsek Percut Seituan ini menambahkan": the phrase before the demonstrative
        epithet = _lower_epithet(toks)
        if epithet is not None:  # "Jenderal bintang dua itu menambahkan": resolved as a pronoun is
            return epithet
    # "Waka Polda Y, mewakili Kapolda X, mengatakan": Y, who stands in for X, speaks (GUIDELINES §2)
    for k in range(1, len(toks)):
        if toks[k][2].lower() in _ON_BEHALF:
            toks = toks[:k]
            break
    # "Dandim X yang diwakili Pasi Ops Kapten Y": the deputy is the speaker; but "Kapolda X dalam
    # sambutan yang dibacakan Wakapolda Y": the words are X's, read out by Y (GUIDELINES §2)
    for k in range(len(toks) - 1, -1, -1):
        if toks[k][2].lower() in _DEPUTY_VERBS and k + 1 < len(toks):
            speech = _speech_read_out(toks, k)
            if speech is not None:
                toks = toks[:speech]
                break
            toks = toks[k + 1 :]
            if len(toks) > 1 and toks[0][2] == "oleh":
                toks = toks[1:]
            break
    # drop a relative clause "yang ikut menyaksikan"
    for k in range(len(toks) - 1, -1, -1):
        if toks[k][2].lower() == "yang" and k > 0 and _starts_cap(toks[k - 1][2].rstrip(",")):
            rest = [w for _, _, w in toks[k + 1 :]]
            if not any(a.endswith(",") and _starts_cap(b) and not _is_degree(b.rstrip(",")) for a, b in zip(rest, rest[1:])):  # not "Kamtibmas yang kondusif, …, Kapolres X,"
                toks = toks[:k]
            break
    if not toks:
        return None
    end = toks[-1][1]
    while end > toks[-1][0] and text[end - 1] in ",":
        end -= 1
    last = text[toks[-1][0] : end]
    if last.lower() in _PRONOUNS:
        return toks[-1][0], end
    if last in _COLLECTIVE:  # "massa meminta …", "Sejumlah warga mengaku …": with its quantifier
        counted = len(toks) > 1 and toks[-2][2].lower() in _QUANTIFIERS
        return toks[-2 if counted else -1][0], end
    start = _phrase_backward(text, end, sent_start)
    if start >= end:
        return None
    listed = next((r for r in _person_runs(text) if r.merged and r.start < start < r.end and r.end >= end), None)
    if listed is not None:  # "Kepala Badan Kesatuan Bangsa dan Politik Provinsi Papua Musa Isir mengatakan"
        start = listed.start
    acting = _ACTING_AS_BEFORE_RE.search(text, max(sent_start, start - 20), start)
    if acting:  # "Muhammad Fatoni selaku Panitia Pemungut Suara … mengatakan": the name before "selaku" speaks
        name_start = _phrase_backward(text, acting.start(), sent_start)
        if name_start < acting.start():
            return name_start, acting.start()
    # a lowercase description before the name ("Seorang warga, Rini") is not part of it
    return start, end
