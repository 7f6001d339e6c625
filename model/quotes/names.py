"""Capitalised runs, ranks and titles: how a phrase splits into a position and a person's name.

The people table (people.py) and the cue finder (cues.py) both read names through these
helpers, so "Kapolres Bone AKBP X, S.I.K." is cut the same way everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .vocab import RANK_PATTERN, _LONG_CUES, _NUMBERED_UNITS, _PASSIVE_CUES, _ABBR, _DEGREES, _DIRECTIONS, _FUNC_CAPS, _HONOR, _HONORIFIC_LEADS, _LONG_CUE_ALT, _NAME_PREFIX, _NON_PERSON, _NOT_BEFORE_JENDERAL, _ORG_WORDS, _PARTICLES, _PROVINCES, _RANK_RE, _ROLE_HEAD_SET, _ROLE_QUALIFIERS, _SHORT_CUE_ALT
from .text import _paragraphs, _tidy


_PAREN_WORD_RE = re.compile(r"\([A-Z][\w\-]*(?: [A-Z][\w\-]*){0,2}\.?\)")  # "(Sidrap)", "(Purn.)", "(Karo Ops)"

# A short title in brackets inside a title phrase, "(Karo Ops)", "(Menko Polhukam)": read as one token.
_PAREN_PHRASE_RE = re.compile(r"\([A-Z][\w\-]*(?: [A-Z][\w\-]*){1,2}\.?\)[,.;:]?(?=\s|$)|[^\s]+")

_PLACE_CONTEXT_RE = re.compile(r"\b(?:Polres|Polresta|Polrestabes|Polda|Polsek|Kabupaten|(?<!Wali )Kota|Kodim \d+/|Kecamatan|Pemkab|Pemkot|Kejari|Provinsi|Nagari|Desa|Kelurahan|Lanal|di|se-?)\s*([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)(?![\w\-]|\s+[A-Z])")


def _role_like(phrase: str) -> bool:
    first = phrase.split()[0] if phrase.split() else ""
    return first.rstrip(",") in _ROLE_HEAD_SET


_DEGREE_TOK_RE = re.compile(r"(?:[A-Z][A-Za-z]{0,3}\.)+(?:[A-Z][A-Za-z]{0,3}\.?)?")

_TRAIL = ",;:!?”\"’)'"

_LEAD = "“\"‘('"

_SHORT_NAME_AFTER_RE = re.compile(rf"[”\"’],?\s+(?:{_SHORT_CUE_ALT})\s+(?:(?:{RANK_PATTERN})\s+)?([A-Z][a-z’'\-]+)(?=[\s.,])")

_SHORT_NAME_BEFORE_RE = re.compile(r"(?:^|[.!?]\s+|\n|,\s+)([A-Z][a-z’'\-]+)\s+(?:juga\s+)?(?:" + _LONG_CUE_ALT + r")\b")


@dataclass
class Run:
    """A run of capitalised tokens in one paragraph (a candidate name or title phrase)."""

    start: int
    end: int
    words: list[tuple[int, int, str]]
    degree_end: int  # end including a ", S.I.K., M.H." suffix (== end when none)
    term: str  # punctuation right after the run ("," "." "" …)
    merged: bool = False  # several runs joined by _person_runs (a title listing fields, then a name)
    name_words: int = 0  # for a merged run: how many of its last words are the holder's name


# A name with its first degree glued on: "Simanjuntak,SIK.", "Affandi.Sik." (more degrees may follow).
_GLUED_DEGREE_RE = re.compile(r"([A-Z][\w'’\-]+)[,.]((?:[A-Z][A-Za-z]{0,3}\.?){1,3})")


def _glued_degree(w: str) -> bool:
    m = _GLUED_DEGREE_RE.fullmatch(w)
    return bool(m) and _is_degree(m.group(2))


def _is_degree(w: str) -> bool:
    """An academic degree token: dotted by shape ("S.I.K.", "M.Si") or a known undotted one ("SIK", "MH")."""
    return (bool(_DEGREE_TOK_RE.fullmatch(w)) and "." in w[:-1] and len(w) <= 8) or w.rstrip(".") in _DEGREES


_CREDIT_RE = re.compile(r"[a-z]/[A-Z]{2,}$")
_GLUED_LOWER_RE = re.compile(r"(.*[A-Z][A-Za-z]*)\.[a-z]{3,}")
_GLUED_SENTENCE_RE = re.compile(r"([A-Z][a-z]{2,}[a-z])\.(?=[A-Z][a-z]{3,})")  # not "Kombes.Pol.", "Affandi.Sik."


_SENTENCE_NEXT_RE = re.compile(r"\s*(?:\n|$)|\s+[A-Z“\"]")
_DEGREES_UPPER = frozenset(d.upper() for d in _DEGREES)  # "Msi" as written on some pages
_NEXT_WORD_RE = re.compile(r"[^\S\n]+([^\s,]+)")


def _sentence_ends_at(text: str, e: int) -> bool:
    """A period at e ends the sentence: a line break, the end, or a capitalised word that is no
    further degree ("SIK. Dalam …", not "Sik. Msi")."""
    if not _SENTENCE_NEXT_RE.match(text, e):
        return False
    nxt = _NEXT_WORD_RE.match(text, e)
    return not (nxt and (_is_degree(nxt.group(1)) or nxt.group(1).rstrip(".").upper() in _DEGREES_UPPER))


def _clean_token(text: str, s: int, e: int) -> tuple[int, int, str]:
    """Strip quote marks/brackets and trailing punctuation; keep an abbreviation's dot."""
    pm = _PAREN_WORD_RE.match(text[s:e])
    if pm:  # "(Sidrap)" inside a title phrase stays whole
        return s, s + pm.end(), text[s + pm.end() : e]
    while s < e and text[s] in _LEAD:
        s += 1
    term = ""
    while e > s and text[e - 1] in _TRAIL:
        term = text[e - 1] + term
        e -= 1
    credit = _CREDIT_RE.search(text, s, e)
    if credit:  # "Karnavian/RMOL": a news agency's credit glued to the name
        return s, credit.start() + 1, text[credit.start() + 1 : e]
    glued = _GLUED_SENTENCE_RE.match(text, s, e) or _GLUED_LOWER_RE.fullmatch(text, s, e)
    if glued:  # "Budiyanto.Selama …", "M.Syarhan,SIK,MH.untuk …": the space after a name or its dot lost
        return s, glued.end(1), "."
    w = text[s:e]
    if w.endswith(".") and "." not in w[:-1] and w[:-1] in _DEGREES and _sentence_ends_at(text, e):
        return s, e - 1, "." + term  # "… Wibowo SIK. Dalam …": the sentence's period after an undotted degree
    if w.endswith(".") and not (w[:-1] in _ABBR or len(w) == 2 and w[0].isupper() or _is_degree(w) or _RANK_RE.match(w) or _glued_degree(w)):
        e -= 1
        term = "." + term
    return s, e, term


def _eligible(w: str) -> bool:
    if not w:
        return False
    if w in _PARTICLES or w == "dr." or w == "drg.":
        return True
    if _with_clitic(w) or w.lower() in _PASSIVE_CUE_SET or w.lower() in _LONG_CUE_SET:
        return False  # "Dijelaskan Aziz, …", "…, Mengatakan, …": a cue verb written with a capital, no name
    return w[0].isupper() or (w[0].isdigit() and "/" in w) or bool(_PAREN_WORD_RE.fullmatch(w))


_NYA_MIN_LEN = 7
_PASSIVE_CUE_SET = frozenset(_PASSIVE_CUES)
# meN- speech verbs only: "Minta" stays eligible, as Title Case headlines ("Kapolda Minta Personel …") write it
_LONG_CUE_SET = frozenset(w for w in _LONG_CUES if w.startswith("me"))


def _with_clitic(w: str) -> bool:
    """"Amanatnya", "Pihaknya", "Menurutnya": a capitalised word carrying -nya opens a sentence; it is no name."""
    return len(w) >= _NYA_MIN_LEN and w.endswith("nya") and w[1:].islower()


@lru_cache(maxsize=32)
def _runs(text: str) -> tuple[Run, ...]:
    """Capitalised-word runs per paragraph; cached because every mention being resolved rescans them."""
    return tuple(_scan_runs(text))


_UNIT_NUMBER_RE = re.compile(r"\d{2,4}(?:[/\-][\w\-]+)?")


def _unit_number(prev: str, w: str) -> bool:
    """"0818" after "Dandim": a unit's number, part of the title phrase."""
    return prev in _NUMBERED_UNITS and bool(_UNIT_NUMBER_RE.fullmatch(w))


def _spaced_degree(text: str, ps: int, toks: list, i: int, w: str) -> tuple[int, str, str, int] | None:
    """(end, term, degree, tokens to skip) when the one or two tokens after "S." complete a degree;
    the longer one wins ("S. I. K." over "S. I.")."""
    best = None
    for k in (1, 2):
        if i + k >= len(toks):
            break
        s2, e2, term2 = _clean_token(text, ps + toks[i + k].start(), ps + toks[i + k].end())
        if term2.startswith("."):  # the degree's own final dot
            e2, term2 = e2 + 1, term2[1:]
        w = w + text[s2:e2]
        if _is_degree(w):
            best = (e2, term2, w, k)
        if term2 or len(text[s2:e2]) > 2:
            break
    return best


def _scan_runs(text: str) -> list[Run]:
    runs: list[Run] = []
    for ps, pe in _paragraphs(text):
        cur: list[tuple[int, int, str]] = []
        deg_end = -1
        deg_term = ","  # what ends the run if no degree follows: "," after "Nama,", "" after a glued "Nama,SIK."
        toks = list(_PAREN_PHRASE_RE.finditer(text[ps:pe]))
        skip = 0
        for i, m in enumerate(toks):
            if skip:
                skip -= 1
                continue
            s, e, term = _clean_token(text, ps + m.start(), ps + m.end())
            w = text[s:e]
            lead_quote = s > ps + m.start() and text[ps + m.start()] in "“\"‘"
            if cur and deg_end >= 0:
                if not _is_degree(w) and len(w) == 2 and w[1] == "." and not term:
                    joined = _spaced_degree(text, ps, toks, i, w)
                    if joined is not None:  # "Hosio, S. IK.", "Apriyono, S. I. K.": a degree written with spaces
                        e, term, w, skip = joined
                if _is_degree(w):
                    deg_end = e
                    if "," not in term:
                        runs.append(Run(cur[0][0], cur[-1][1], cur, deg_end, term))
                        cur, deg_end = [], -1
                    continue
                runs.append(Run(cur[0][0], cur[-1][1], cur, deg_end, deg_term))
                cur, deg_end = [], -1
            unit_number = bool(cur) and _unit_number(cur[-1][2], w)
            if (_eligible(w) or unit_number) and not lead_quote and not (not cur and (w in _PARTICLES or w in _FUNC_CAPS)):
                cur.append((s, e, w))
                if term:
                    if term.startswith(","):
                        deg_end, deg_term = e, ","  # maybe degrees follow
                        continue
                    runs.append(Run(cur[0][0], cur[-1][1], cur, e, term))
                    cur = []
                elif _glued_degree(w):
                    deg_end, deg_term = e, ""  # "Simanjuntak,SIK. MSi": more degrees may follow
            else:
                if cur:
                    runs.append(Run(cur[0][0], cur[-1][1], cur, cur[-1][1], ""))
                cur, deg_end = [], -1
        if cur:
            runs.append(Run(cur[0][0], cur[-1][1], cur, deg_end if deg_end >= 0 else cur[-1][1], ""))
    for r in runs:
        if r.degree_end < r.end:
            r.degree_end = r.end
    return runs


def _rank_at(words: list[str], i: int) -> int:
    """Number of words forming a rank at position i (0 if none)."""
    for k in (4, 3, 2, 1):
        if i + k <= len(words) and _RANK_RE.match(" ".join(words[i : i + k])):
            if words[i] == "Jenderal" and i > 0 and words[i - 1] in _NOT_BEFORE_JENDERAL:
                return 0
            return k
    return 0


@lru_cache(maxsize=32)
def _place_words(text: str) -> frozenset[str]:
    """Words the article uses as places ("Polres Bone", "Kabupaten Gresik", "di Watampone"), and the provinces."""
    out: set[str] = set()
    for m in _PLACE_CONTEXT_RE.finditer(text):
        words = m.group(1).split()
        if len(words) == 2 and _CUE_AFTER_RE.match(text, m.end()) and _name_after_place(text, *words):
            words = words[:1]
        out.update(w for w in words if not _RANK_RE.match(w))
    out.update(_places_before_rank(text))
    return frozenset((out | _PROVINCES) - _short_names(text))


def _places_before_rank(text: str) -> set[str]:
    """"Kapolres Sekadau AKBP X": the words between a title and a rank name the title's place, so
    "Wakil Bupati Sekadau Aloysius" on the same page reads as a title, its place and a name."""
    out: set[str] = set()
    for run in _runs(text):
        words = [w for _, _, w in run.words]
        if not words or words[0] not in _ROLE_HEAD_SET:
            continue
        for i in range(1, len(words)):
            if _rank_at(words, i):
                out.update(w for w in words[1:i] if w[:1].isupper() and w[1:].islower() and w not in _ORG_WORDS and w not in _ROLE_HEAD_SET)
                break
    return out


_CUE_AFTER_RE = re.compile(rf"\s+(?:juga\s+)?(?:{_LONG_CUE_ALT})\b|,")


def _name_after_place(text: str, place: str, nxt: str) -> bool:
    """"Kabupaten Kudus Kholid menambahkan", "… Malang Santoko, Rabu …": before a speech verb or a
    comma the second word is a name when the article also writes the place alone ("di Kudus."); a
    two-word place ("Tanah Datar") keeps its words together."""
    if nxt in _DIRECTIONS or nxt in _PROVINCES or not (nxt[:1].isupper() and nxt[1:].islower()):
        return False
    return re.search(rf"\b{re.escape(place)}\b(?!\s+{re.escape(nxt)}\b)(?!\s*[A-Z])", text) is not None


@lru_cache(maxsize=32)
def _short_names(text: str) -> frozenset[str]:
    """Words the article uses alone to name a speaker ("ujar Hamdani", "Johanis mengatakan")."""
    out = set()
    for m in _SHORT_NAME_AFTER_RE.finditer(text):
        out.add(m.group(1))
    for m in _SHORT_NAME_BEFORE_RE.finditer(text):
        out.add(m.group(1))
    return frozenset(w for w in out if w not in _ROLE_HEAD_SET and w not in _FUNC_CAPS and w not in _NON_PERSON)


def _split_run(words: list[str], places: set[str] | frozenset[str], short: frozenset[str] = frozenset()) -> tuple[list[str], list[str], bool]:
    """(role words, person words, ranked) for a run. Person words include rank and honorifics.

    Without a rank the boundary between "Ketua Bawaslu DKI Jakarta" and "Johanis Latuheru"
    is ambiguous; a word the article also uses alone as a speaker's name marks where the
    name starts, else org words, places and direction words are consumed into the title.
    """
    for i in range(len(words)):
        k = _rank_at(words, i)
        if k and i + k < len(words):
            return words[:i], words[i:], True
    if words and len(words[0]) > 3 and words[0].isupper() and words[0].capitalize() in _ROLE_HEAD_SET:
        words = [words[0].capitalize(), *words[1:]]  # "MENTERI Perhubungan Budi Karya Sumadi …": a kicker in capitals
    i = 0
    while i < len(words) and (words[i] in _ROLE_QUALIFIERS or words[i].strip("()") in _ROLE_QUALIFIERS):  # "Penjabat (Pj) Bupati"
        i += 1
    if i < len(words) and words[i] in _ROLE_HEAD_SET:
        j = i + 1
        while j < len(words) and (words[j] in _ORG_WORDS or (words[j].isupper() and len(words[j]) > 1) or words[j][:1].isdigit() or "/" in words[j] or words[j].startswith("(")
                                  or words[j] in places or words[j] in _DIRECTIONS or words[j] in _ROLE_HEAD_SET
                                  or words[j] == "Jenderal" and words[j - 1] in _NOT_BEFORE_JENDERAL):  # "Sekretaris Jenderal"
            if words[j] in _HONOR:
                break
            # after "Wali Kota" a place is read only when a name of two words or more follows it
            if words[j] in _PLACE_INTRO and j + (3 if words[j - 1] == "Wali" else 2) < len(words) and words[j + 1] not in _HONOR and not _rank_at(words, j + 1):
                j += 2  # "Ketua KPU Kabupaten Ngawi Syamsul Toni": the word after "Kabupaten" is a place
                continue
            j += 1
        for k in range(i + 1, len(words)):
            if words[k] in short:
                while k > i + 1 and (words[k - 1] in _HONOR or words[k - 1].rstrip(".") in _ABBR or words[k - 1] in _NAME_PREFIX):
                    k -= 1
                return words[:k], words[k:], False
        j = max(j, _after_bracketed_title(words, i, places))
        honor = next((k for k in range(j, len(words) - 1) if words[k] in _HONOR), None)
        if honor is not None:  # "Bupati Bondowoso KH. Salwa Arifin": an honorific starts the name, as a rank does
            j = honor
        rest = words[j:]
        if _single_name_after_place(words, i, j, places):
            return words[:j], rest, False  # "Bupati Kudus Hartopo", "Gubernur Jawa Timur Soekarwo"
        if rest and rest[0] not in _HONOR and (len(rest) == 1 or rest[-1] in _DIRECTIONS or any(w in places for w in rest)):
            j = len(words)  # "Pj Bupati Kuansing", "Kapolsek Kramat Jati": a place, not a name
        return words[:j], words[j:], False
    if 0 < i < len(words):  # "ujar Pj Akmal Malik": an acting-office mark before a name, no title
        return words[:i], words[i:], False
    return [], words, False


def _after_bracketed_title(words: list[str], head: int, places: frozenset[str] | set[str]) -> int:
    """Where the title ends when it carries its short form in brackets: "Menteri Koordinator Bidang
    Politik Hukum dan Keamanan (Menko Polhukam) Hadi Tjahjanto" → after "(Menko Polhukam)" and
    the unit or place words that follow it; 0 when there is no bracketed title."""
    k = 0
    for n in range(head + 1, len(words)):
        if words[n].startswith("(") and words[n][1:].split()[0] in _ROLE_HEAD_SET:
            # one token "(Karo Ops)" from the run scanner, or split words "(Menko", "Polhukam)" from a mention
            close = next((m for m in range(n, min(n + 3, len(words))) if words[m].endswith(")")), None)
            if close is not None:
                k = close + 1
    if not k:
        return 0
    while k < len(words) and (words[k] in _ORG_WORDS or words[k] in places or words[k] in _DIRECTIONS or (words[k].isupper() and len(words[k]) > 1)):
        k += 1
    return k


def _single_name_after_place(words: list[str], head: int, j: int, places: frozenset[str] | set[str]) -> bool:
    """One plain word left after a title whose place the article names elsewhere ("Bupati Kudus
    Hartopo" on a page that also writes "Kabupaten Kudus"): the holder's one-word name. A title with
    no known place word ("Pj Bupati Kuansing") keeps its last word as the place."""
    if j != len(words) - 1 or j <= head + 1 or not words[j - 1] in places:
        return False
    w = words[j]
    return w not in places and w not in _DIRECTIONS and w not in _ORG_WORDS and w not in _ROLE_HEAD_SET and w[:1].isupper() and w[1:].islower() and len(w) >= 4


_PLACE_INTRO = frozenset({"Kabupaten", "Kota", "Kecamatan", "Provinsi", "Desa", "Kelurahan", "Polres", "Polresta", "Polda", "Polsek"})


_TRAILING_ACRONYM_RE = re.compile(r"\s*\([A-Z]{2,6}\)$")


def _person_text(text: str, run: Run, first_person_word: int) -> str:
    """The person's part of a run, degrees included; a trailing initialism ("… Komaling (YSK)") is a
    nickname the article introduces, not part of the fullest name."""
    s = run.words[first_person_word][0]
    return _TRAILING_ACRONYM_RE.sub("", _tidy(text[s : run.degree_end]))


_GLUED_INITIAL_RE = re.compile(r"[A-Z]\.([A-Z][a-z]{2,})")


def _name_tokens(words: list[str]) -> frozenset[str]:
    """Distinctive name tokens: no ranks, honorifics, particles or single letters."""
    out = []
    i = 0
    while i < len(words):
        k = _rank_at(words, i)
        if k:
            i += k
            continue
        # "(YSK)": the initialism the article then uses alone; "Sudrajat,S.Sos.,M.Si": degrees glued by commas
        g = _GLUED_DEGREE_RE.fullmatch(words[i])
        w = (g.group(1) if g and _is_degree(g.group(2)) else words[i].split(",")[0].rstrip(".")).strip("()")
        initial = _GLUED_INITIAL_RE.fullmatch(w)
        if initial:  # "M.Syarhan": an initial glued to the name
            w = initial.group(1)
        if words[i] not in _HONOR and w not in _ABBR and w not in _PARTICLES and len(w) > 1 and not _is_degree(words[i]) and not _RANK_RE.match(w):
            out.append(w)
        i += 1
    return frozenset(out)


def _is_role_run(words: list[str]) -> bool:
    i = 0
    while i < len(words) and (words[i] in _HONORIFIC_LEADS or words[i] in _ROLE_QUALIFIERS):  # "Plt. Sekretaris …"
        i += 1
    return i < len(words) and words[i] in _ROLE_HEAD_SET


_LIST_SEP_RE = re.compile(r",\s*")
_LIST_END_RE = re.compile(r",?\s+(?:dan|serta)\s+")


def _ranked(words: list[str]) -> bool:
    return any(_rank_at(words, i) for i in range(len(words)))


@lru_cache(maxsize=32)
def _person_runs(text: str) -> tuple[Run, ...]:
    """The runs, with a title that lists several fields joined to the holder's name that ends it:
    "Kepala Seksi Bina Ideologi, Wawasan Kebangsaan, dan Karakter Bangsa Kesbangpol Didik Purwoko",
    "Menteri Politik dan Keamanan Budi Gunawan" become one run each. Joined only when the whole
    splits into a title and a name that lies inside the last piece."""
    runs = _runs(text)
    places, short = _place_words(text), _short_names(text)
    out: list[Run] = []
    i = 0
    while i < len(runs):
        a = runs[i]
        aw = [w for _, _, w in a.words]
        nxt_i = i + 1
        if _is_role_run(aw) and not _ranked(aw):
            k = i
            while k + 1 < len(runs) and k - i < 4:
                gap = text[runs[k].degree_end : runs[k + 1].start]
                nw = [w for _, _, w in runs[k + 1].words]
                if "\n" in gap or _is_role_run(nw) or nw[0] in _HONOR:
                    break
                if _LIST_END_RE.fullmatch(gap):  # the last piece may hold a rank: "... Pencarian, Pertolongan dan Kesiapsiagaan Laksda TNI X"
                    chain = runs[i : k + 2]
                    words = [w for r in chain for _, _, w in r.words]
                    _, person_w, _ = _split_run(words, places, short)
                    if not 0 < len(person_w) < len(nw):  # "… Kedaruratan dan Logistik BPBD Bantul Antoni Hutagaol"
                        person_w = _after_unit_words(nw, places)  # a field word is no name: read the last piece alone
                    if 0 < len(person_w) < len(nw) and not all(w in places or w in _ORG_WORDS for w in person_w):
                        last = chain[-1]
                        out.append(Run(a.start, last.end, [t for r in chain for t in r.words], last.degree_end, last.term, True,
                                       len(person_w)))
                        nxt_i = k + 2
                        break
                elif not _LIST_SEP_RE.fullmatch(gap):
                    break
                if _ranked(nw):
                    break
                k += 1
        if nxt_i == i + 1:
            out.append(a)
        i = nxt_i
    return tuple(out)


def _after_unit_words(words: list[str], places: frozenset[str]) -> list[str]:
    """The words after a piece's leading unit, acronym and place words ("Logistik BPBD Bantul Antoni
    Hutagaol" → "Antoni Hutagaol")."""
    i = 0
    while i < len(words) and (words[i] in _ORG_WORDS or words[i] in places or words[i].isupper()):
        i += 1
    return words[i:]


def _similar(a: str, b: str) -> bool:
    """Name tokens that match allowing one slip ("Rocke"/"Royke", "Ghufron"/"Gufron") or a prefix ("Frans")."""
    a, b = a.lower().strip(".,*"), b.lower().strip(".,*")
    if len(a) < 3 or len(b) < 3:
        return a == b
    return a == b or (len(a) >= 4 and b.startswith(a)) or _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
