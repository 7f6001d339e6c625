"""Rule-based quote extraction for Indonesian police / election-security news.

Everything here is document level and returns offsets into the caller's text (never a
normalised copy), so `text[start:end]` is always the reported span. The rules follow
data/GUIDELINES.md §2: direct quotes by quote-mark pairing over the whole document, a
scare-quote/title filter, cue and speaker-mention detection around each quote, speaker
resolution against the article's person entities, and indirect-speech patterns.

Pure Python on purpose: it is the transparent reference that learned models are compared
with, and it must run anywhere the package runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable
from functools import lru_cache

Span = tuple[int, int]

# Small patterns used by the helpers below, compiled once.
_NONSPACE_RE = re.compile(r"[^\s]+")
_COMMA_DEGREE_RE = re.compile(r",\s*[A-Z][A-Za-z]{0,3}\.")
_COMMA_NAME_RE = re.compile(r",\s+((?:[A-Z][\w’'\-]*\.?\s+){0,4}[A-Z][\w’'\-]*)(?=\s*[,.]|\s+[a-z]|\s*$)")
_PAREN_CAP_RE = re.compile(r"\([A-Z]")
_MENURUT_BEFORE_RE = re.compile(r"\b([Mm]enurut)\s+([^,]{1,80}),\s*$")
_PAREN_WORD_RE = re.compile(r"\([A-Z][\w\-]*\)")
_PLACE_CONTEXT_RE = re.compile(r"\b(?:Polres|Polresta|Polrestabes|Polda|Polsek|Kabupaten|Kota|Kodim \d+/|Kecamatan|Pemkab|Pemkot|Kejari|Provinsi|Nagari|Desa|Kelurahan|Lanal|di|se-?)\s*([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)(?![\w\-]|\s+[A-Z])")
_AGE_RE = re.compile(r"\s*\(\d{1,3}\)")
_PLACE_LEAD_RE = re.compile(r"\b(?:warga|di|dari|asal|ke|kawasan|wilayah|daerah)\s*$")
_TRAILING_COMMA_RE = re.compile(r",\s*$")
_COMMA_CLAUSE_RE = re.compile(r",\s+(?!dan\b|serta\b|atau\b|hingga\b|sampai\b|dengan\b|di\b|ke\b)[a-z]")
_SPACES_RE = re.compile(r"\s+")
_SPLIT_WORDS_RE = re.compile(r"[\s,]+")
_REPRESENTED_RE = re.compile(r"[^.\n]{0,40}?\byang\s+diwakili\b")
_COMPLEMENTIZER_RE = re.compile(r"(?:[^\s,]+\s+){1,2}?(?:agar|supaya|untuk)\s+")
_SPLIT_QUOTE_GAP_RE = re.compile(r"[,.!?]?\s*[”\"’]\s*[^“”\"\n]*,\s*[“”\"]")
_CLAUSE_BREAK_RE = re.compile(r"[.!?“”\"]\s")
_PESAN_RE = re.compile(r"\b[Pp]esan(?:nya)?\b")

# ---------------------------------------------------------------------------------------------
# Quote marks
# ---------------------------------------------------------------------------------------------

_MARKS_RE = re.compile(r"[“”\"‘’'†]")
_PARA_BREAK_RE = re.compile(r"\n")
_SINGLES = "‘’'"
# What a mangled UTF-8 “ leaves after the mark ("œ) and what a mangled ” becomes (†).
_MANGLED_OPEN_TAIL = "œ"
_MANGLED_CLOSE = "†"
# After a closing mark: optional comma, spaces, then a word (a cue verb when it is attribution).
_WORD_AFTER_CLOSE_RE = re.compile(r"[,]?\s*([A-Za-z]+)")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


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


def _paragraphs(text: str) -> list[Span]:
    """(start, end) of each line; blank lines are dropped (a paragraph is a non-empty line)."""
    out = []
    pos = 0
    for m in _PARA_BREAK_RE.finditer(text + "\n"):
        if text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    return out


def _trim(text: str, start: int, end: int) -> Span:
    """Drop surrounding whitespace and the attribution comma before the closing mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


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
        s, e = _trim(self.text, start, end)
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


# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------

# Short attribution verbs used after a quote ("ujar X", "ujarnya").
_SHORT_CUES = (
    "ujar kata ungkap tegas jelas terang tutur imbuh tambah pungkas lanjut sebut papar harap "
    "ucap seru timpal pesan tutup keluh jawab pinta ajak imbau teriak balas seloroh sambung "
    "tanya kilah aku urai sergah celetuk tukas akui bilang katakan demikian"
).split()
# Full meN-/ber- speech verbs used before a quote or for indirect speech.
_LONG_CUES = (
    "mengatakan menyampaikan menjelaskan menegaskan mengungkapkan menuturkan menambahkan "
    "menyebutkan menyebut menyatakan mengingatkan meminta mengaku mengakui berharap memastikan "
    "menilai mengimbau memaparkan mengajak berjanji menjawab menyanggupi memperkirakan berpesan "
    "menekankan mengusulkan mengeluhkan menjamin menyoroti membenarkan menduga membantah "
    "merinci melaporkan menerangkan menginstruksikan memerintahkan mengharapkan menuturkan "
    "mengklaim mengungkap bertutur berkata menandaskan"
).split()
_CUE_WORDS = set(_SHORT_CUES) | {w + "nya" for w in _SHORT_CUES} | set(_LONG_CUES) | {"menurut", "menurutnya"}

_RANKS = (
    r"Kombes\s+Pol\.?|Brigjen\s+Pol\.?|Irjen\s+Pol\.?|Komjen\s+Pol\.?|Jenderal\s+Pol\.?|"
    r"Brigjen\s+TNI|Mayjen\s+TNI|Letjen\s+TNI|Kombes|Brigjen|Irjen|Komjen|AKBP|AKP|Kompol|"
    r"Iptu|Ipda|Aiptu|Aipda|Bripka|Brigpol|Brigadir|Briptu|Bripda|Bharaka|Bharatu|Bharada|"
    r"(?:Letkol|Kolonel|Mayor|Kapten|Lettu|Letda|Serka|Sertu|Serda|Pelda|Peltu|Serma)"
    r"(?:\s+(?:Inf|Kav|Arh|Czi|Arm|Cpn|Cba|Chb|Cku|Ckm|Cpl|Laut\s+\([A-Z]\)|Pnb|Sus|Pas|Mar|Tek))?"
)
_RANK_RE = re.compile(rf"^(?:{_RANKS})$")

# Position titles: the head of a role phrase ("Kapolres Tana Toraja", "Ketua KPU Bone").
_ROLE_HEADS = (
    "Kapolda Wakapolda Kapolres Kapolresta Kapolrestabes Wakapolres Wakapolresta Kapolsek "
    "Wakapolsek Kapolri Dandim Danrem Pangdam Danlanal Danlanud Dansat Danyon Danki Danramil "
    "Kasat Kasatlantas Kabag Kasi Kasubag Kasubbag Kabid Karo Karoops Kasubbid Dirlantas "
    "Dirreskrimum Dirbinmas Dirsamapta Direktur Kepala Ketua Wakil Anggota Komisioner "
    "Sekretaris Bupati Wabup Wali Gubernur Wagub Camat Lurah Pj Plt Kalaksa Kadis Kajari Kajati "
    "Kapten Danpos Kapolsubsektor Koordinator Panglima Menteri Kasatpol Kasatreskrim "
    "Kasatsamapta Kasatintelkam Kasatbinmas Kasatresnarkoba Ps Paur Kanit Kaur Kapos "
    "Perwakilan Pimpinan Juru Jubir Rektor Kakanwil Kakan Kadishub Kalapas Danpom Kadiv Sekda Sekdakab Asisten "
    "Bendesa Kasdim Asops Irwasda Pasi Dirreskrimsus Dirpolairud Dirintelkam Kabidhumas Kasubdit Wadir Kadisdik "
    "Kasatreskoba Kasatpolairud Kapospol Danlantamal Danyonif Dankodaeral Kalak Kabiro Kasubbidpenmas Kapolairud "
    "Dirreskrimum Dirresnarkoba Wakapolresta Wakapolrestabes Wadansat Panit Kasium Kasihumas Kapolsubsektor Kaops "
    "Kabagops Kabagren Kasatgas Ketum Wakapolri Asintel Aster Kapendam Kapenrem Kasrem Kasiops Sekjen Kadis Kaban"
).split()
_ROLE_HEAD_SET = set(_ROLE_HEADS)

_PRONOUNS = {"ia", "dia", "beliau", "mereka", "nya", "dirinya", "pihaknya", "kami"}

_SENT_END_RE = re.compile(r"[.!?](?=\s|$|[”\"’])")


# ---------------------------------------------------------------------------------------------
# Statements vs scare quotes
# ---------------------------------------------------------------------------------------------


def _paragraph_of(text: str, pos: int) -> Span:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, len(text) if e < 0 else e


_BANNER_RE = re.compile(r"^[–—\-,\s]*(?:begitu|demikian|bunyi|tulisan|bertuliskan|tertulis|slogan|tagline|tema)\b", re.I)
_BANNER_BEFORE_RE = re.compile(
    r"\b(?:spanduk|baliho|banner|poster|slogan|tagline|tema|bertuliskan|bertajuk|berjudul|bernama|tulisan|lagu|film|program|operasi|kegiatan|istilah|sebutan|julukan)\s*(?:[a-z]+\s+){0,2}$",
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
    ps, pe = _paragraph_of(text, s)
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


# ---------------------------------------------------------------------------------------------
# Cues and speaker mentions
# ---------------------------------------------------------------------------------------------


def _is_cue_word(w: str) -> bool:
    return w.lower() in _CUE_WORDS


def _mention_after(text: str, i: int, limit: int) -> Span | None:
    """The capitalised name/title phrase starting at `i` (after a cue verb)."""
    while i < limit and text[i].isspace():
        i += 1
    end = _phrase_forward(text, i, limit)
    if end <= i:
        return _lower_description_forward(text, i, limit)
    return i, end


_STOP_CAP = {"Saat", "Usai", "Dalam", "Di", "Kepada", "Ketika", "Sambil", "Seusai", "Sebelum", "Setelah", "Selasa",
             "Senin", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Sementara"}


def _phrase_forward(text: str, i: int, limit: int) -> int:
    """End of the capitalised name/title phrase starting at `i` (ranks, names, '1407/Bone',
    a ", S.I.K., M.H." degree suffix), stopping at punctuation or a lowercase word."""
    end = i
    toks = list(_NONSPACE_RE.finditer(text[i:limit]))
    k = 0
    while k < len(toks):
        s, e, term = _clean_token(text, i + toks[k].start(), i + toks[k].end())
        w = text[s:e]
        if s != i + toks[k].start() or not _eligible(w) or w in _STOP_CAP or (end == i and w in _PARTICLES):
            break
        end = e
        k += 1
        if term.startswith(",") and _is_role_run(text[i:end].split()) and not _COMMA_DEGREE_RE.match(text[end:limit]):
            # "kata Kepala Disdik Tarakan, Theresia Bunga Kalalo." — title, comma, name
            nm = _COMMA_NAME_RE.match(text[end:limit])
            if nm and not _is_degree(nm.group(1).split()[0]) and nm.group(1).split()[0] not in _FUNC_CAPS:
                return end + nm.end(1)
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
    seen_name = False
    while k >= 0:
        a, b, w = toks[k]
        core = w.rstrip(",")
        if _is_degree(core) and not seen_name:
            start = a
            k -= 1
            continue
        if core and (core[0].isupper() or core in ("dr.", "drg.") or core[0].isdigit() and "/" in core or _PAREN_CAP_RE.match(core)) and core.rstrip(".") not in _STOP_CAP:
            if w.endswith(",") and seen_name and not _is_degree(core):
                # "Role, Name" -- keep walking only if what follows is a role phrase
                if not _role_like(text[a:start]):
                    break
            start = a
            seen_name = True
            k -= 1
            continue
        break
    return start


def _role_like(phrase: str) -> bool:
    first = phrase.split()[0] if phrase.split() else ""
    return first.rstrip(",") in _ROLE_HEAD_SET


def find_cue(text: str, span: Span, kind: str = "direct") -> tuple[Span | None, Span | None]:
    """Cue verb and speaker mention for the quote at `span`.

    Looks right after the closing mark first ("…,” ujar Kapolres"), then just before the
    opening mark ("Kapolres mengatakan, “…"), both within the paragraph. For a -nya cue the
    mention is the clitic inside the cue word, as the gold data marks it.
    """
    s, e = span
    ps, _ = _paragraph_of(text, s)
    _, pe = _paragraph_of(text, e)  # a multi-paragraph quote closes in a later paragraph
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


_SKIP_BEFORE_VERB = {"juga", "pun", "kembali", "lalu", "kemudian", "pula", "turut", "sempat", "bahkan", "lantas", "secara", "tegas", "singkat", "misalnya", "sendiri", "langsung"}
_AGE_TOKEN_RE = re.compile(r"\(\d{1,3}\),?")
_SKIP_PHRASE_BEFORE_VERB_RE = re.compile(
    r"(?:,?\s*(?:dalam|saat|ketika|usai|seusai|di)\s+(?:\S+\s+){0,3}?\S+nya"
    r"|,?\s*dalam\s+(?:kesempatan|rakor|rapat|acara|apel|sambutan|amanat|pertemuan)\s+(?:itu|tersebut|yang\s+sama|terpisah)"
    r"|,?\s*(?:sebagai|selaku)\s+[a-z][^,.;\n]{0,40}?)\s*$"
)


def _subject_before(text: str, verb_start: int, ps: int) -> Span | None:
    """The mention before a cue verb: skip adverbs and a 'yang …' clause, then the phrase."""
    sent_start = ps
    for m in _SENT_END_RE.finditer(text, ps, verb_start):
        if not _is_abbrev_dot(text, m.start()):
            sent_start = m.end()
    sm = _SKIP_PHRASE_BEFORE_VERB_RE.search(text, sent_start, verb_start)
    if sm and sm.end() >= verb_start - 1:
        verb_start = sm.start()  # "Jonner Manik, dalam paparannya menyebut"
    toks = [(m.start(), m.end(), m.group(0)) for m in _NONSPACE_RE.finditer(text[sent_start:verb_start])]
    toks = [(a + sent_start, b + sent_start, w) for a, b, w in toks]
    # drop adverbs right before the verb
    while toks and (toks[-1][2].lower() in _SKIP_BEFORE_VERB or _AGE_TOKEN_RE.fullmatch(toks[-1][2])):
        toks.pop()  # adverbs and an age "(47)," between the name and the verb
    # "Dandim X yang diwakili Pasi Ops Kapten Y": the deputy is the speaker
    for k in range(len(toks) - 1, -1, -1):
        if toks[k][2].lower() in {"diwakili", "dibacakan", "diwakilkan"} and k + 1 < len(toks):
            toks = toks[k + 1 :]
            if len(toks) > 1 and toks[0][2] == "oleh":
                toks = toks[1:]
            break
    # drop a relative clause "yang ikut menyaksikan"
    for k in range(len(toks) - 1, -1, -1):
        if toks[k][2].lower() == "yang" and k > 0 and _starts_cap(toks[k - 1][2].rstrip(",")):
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
    start = _phrase_backward(text, end, sent_start)
    if start >= end:
        return None
    # a lowercase description before the name ("Seorang warga, Rini") is not part of it
    return start, end


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
    return word in _ABBR


# ---------------------------------------------------------------------------------------------
# Entities and speaker resolution
# ---------------------------------------------------------------------------------------------

# Abbreviations whose dot does not end a sentence and which may sit inside a name.
_ABBR = {"H", "Hj", "Hm", "Dr", "dr", "Drs", "Dra", "Ir", "Prof", "Muh", "Moh", "Mhd", "Moch", "Capt", "Pdt", "St", "Dt", "Tgk", "Tk",
         "Ny", "Abd", "Pol", "Inf", "Kav", "Hi", "Sp", "drg"}
# Honorifics kept at the front of the fullest name (gold writes "Drs. H. X", "Pendeta X", "KH X").
_HONOR = {"H.", "Hj.", "Hm.", "Dr.", "dr.", "Drs.", "Dra.", "Ir.", "Prof.", "Capt.", "Pdt.", "Pendeta", "KH", "drg.", "Ny.", "Tgk.",
          "Teungku", "Datuk", "Haji", "Pak", "Bu", "Ibu"}
_PARTICLES = {"bin", "binti", "van", "de", "da", "dos", "von", "br", "boru"}
_DEGREE_TOK_RE = re.compile(r"(?:[A-Z][A-Za-z]{0,3}\.)+(?:[A-Z][A-Za-z]{0,3}\.?)?")
_TRAIL = ",;:!?”\"’)'"
_LEAD = "“\"‘('"
# Words that start capitalised runs which are not people.
_NON_PERSON = set(
    "Polres Polresta Polrestabes Polda Polsek Mapolres Mapolda Polri TNI KPU Bawaslu DPRD Kodim Korem Kabupaten Kota "
    "Kecamatan Desa Kelurahan Jalan Jl Operasi Pilkada Pemilu Rakor Apel Satuan Pemkab Pemkot Pemprov Gedung Aula "
    "Lapangan Pasar Senin Selasa Rabu Kamis Jumat Sabtu Minggu Januari Februari Maret April Mei Juni Juli Agustus "
    "September Oktober November Desember Baca Foto Tag Humas Sementara Namun Menurut Dalam Usai Saat Kegiatan Ia Dia "
    "Kami Kita Saya Mereka Hal Selain Sebelumnya Selanjutnya Kemudian Dengan Untuk Pada Di Ke Dari Apa Jika Kalau".split()
)


# Capitalised sentence openers that never start a name ("Menurut Frans", "Sementara itu").
_FUNC_CAPS = set(
    "Menurut Sementara Namun Dalam Usai Saat Sebelumnya Selain Kemudian Selanjutnya Menanggapi Dengan Untuk Pada Di Ke "
    "Dari Hal Adapun Bahkan Sedangkan Meski Karena Jika Kalau Tak Tidak Ia Dia Kami Kita Saya Mereka Hadir Turut Tampak "
    "Sebanyak Para Seluruh Setelah Sebelum Ketika Sambil Seusai Baca Foto Tag Itu Ini Juga Selama Hingga Sejak Atas Oleh "
    "Bagi Tetapi Tapi Begitu Senada Sama Salah Seorang Sejumlah Beberapa Kepada Bersama Melalui Terkait Soal Mengenai "
    "Menurutnya Sebagai Selaku Yang Ada Apabila Agar Supaya Maka Setiap Tiap Semua".split()
)


_NAME_PREFIX = set("Andi I Ni Made Gede Ketut Komang Putu Wayan Nyoman Kadek Gusti Ida Bagus Anak Agung La Wa Lalu Baiq Teuku Cut Raden Muhammad Abdul Ahmad Siti Sri Nur".split())
_SHORT_CUE_ALT = "|".join(sorted(set(_SHORT_CUES), key=len, reverse=True))
_SHORT_NAME_AFTER_RE = re.compile(rf"[”\"’],?\s+(?:{_SHORT_CUE_ALT})\s+(?:(?:{_RANKS})\s+)?([A-Z][a-z’'\-]+)(?=[\s.,])")
_SHORT_NAME_BEFORE_RE = re.compile(r"(?:^|[.!?]\s+|\n|,\s+)([A-Z][a-z’'\-]+)\s+(?:juga\s+)?(?:" + "|".join(_LONG_CUES) + r")\b")


@dataclass
class Run:
    """A run of capitalised tokens in one paragraph (a candidate name or title phrase)."""

    start: int
    end: int
    words: list[tuple[int, int, str]]
    degree_end: int  # end including a ", S.I.K., M.H." suffix (== end when none)
    term: str  # punctuation right after the run ("," "." "" …)


def _is_degree(w: str) -> bool:
    return bool(_DEGREE_TOK_RE.fullmatch(w)) and "." in w[:-1] and len(w) <= 8


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
    w = text[s:e]
    if w.endswith(".") and not (w[:-1] in _ABBR or len(w) == 2 and w[0].isupper() or _is_degree(w)):
        e -= 1
        term = "." + term
    return s, e, term


def _eligible(w: str) -> bool:
    if not w:
        return False
    if w in _PARTICLES or w == "dr." or w == "drg.":
        return True
    return w[0].isupper() or (w[0].isdigit() and "/" in w) or bool(_PAREN_WORD_RE.fullmatch(w))


@lru_cache(maxsize=32)
def _runs(text: str) -> tuple[Run, ...]:
    """Capitalised-word runs per paragraph; cached because every mention being resolved rescans them."""
    return tuple(_scan_runs(text))


def _scan_runs(text: str) -> list[Run]:
    runs: list[Run] = []
    for ps, pe in _paragraphs(text):
        cur: list[tuple[int, int, str]] = []
        deg_end = -1
        for m in _NONSPACE_RE.finditer(text[ps:pe]):
            s, e, term = _clean_token(text, ps + m.start(), ps + m.end())
            w = text[s:e]
            lead_quote = s > ps + m.start() and text[ps + m.start()] in "“\"‘"
            if cur and deg_end >= 0:
                if _is_degree(w):
                    deg_end = e
                    if "," not in term:
                        runs.append(Run(cur[0][0], cur[-1][1], cur, deg_end, term))
                        cur, deg_end = [], -1
                    continue
                runs.append(Run(cur[0][0], cur[-1][1], cur, deg_end, ","))
                cur, deg_end = [], -1
            if _eligible(w) and not lead_quote and not (not cur and (w in _PARTICLES or w in _FUNC_CAPS)):
                cur.append((s, e, w))
                if term:
                    if term.startswith(","):
                        deg_end = e  # maybe degrees follow
                        continue
                    runs.append(Run(cur[0][0], cur[-1][1], cur, e, term))
                    cur = []
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
    for k in (3, 2, 1):
        if i + k <= len(words) and _RANK_RE.match(" ".join(words[i : i + k])):
            return k
    return 0


_ORG_WORDS = set(
    "Polres Polresta Polrestabes Polda Polsek Polri KPU KIP Bawaslu Panwaslu DPRD Dinas BPBD Kodim Korem Kota Kabupaten "
    "Provinsi Kecamatan Pelaksana Reskrim Lantas Samapta Ops Humas Intelkam Binmas Resnarkoba Narkoba Satpol PP Adat "
    "Bimas Islam Kemenag Kesbangpol Pemkab Pemkot Umum Harian Metro Sat Satreskrim Satlantas Satsamapta Operasional "
    "Perhubungan Kesehatan Sosial PMD PUPR Perdagangan RSUD Kejari Kejaksaan Negeri Pengadilan Lanal Lanud Daop Basarnas Ops "
    "SAR KSOP Pos Kantor Divisi Bidang Seksi Unit Subbag Bagian Tim Pemenangan Fraksi Komisi Wali Wakil Kepala Bupati Kabag Kasat "
    "Ketua Anggota Sekretaris Biro Direktorat Stasiun Meteorologi Maritim Damkar Pemadam Kebakaran Satgas Pangan Lintas "
    "DPC DPD Partai Gubernur Plt Pj Daerah Besar Lintas Sekda Setda Setdakab Setprov Setdaprov II III IV Operasi Penanganan "
    "Pelanggaran Pencegahan Hukum Data Informasi Teknis Sosialisasi Partisipasi Masyarakat SDM Hubungan Antar Lembaga Logistik Keuangan Pendidikan Pertanian Pariwisata Ombudsman".split()
)
_DIRECTIONS = {"Utara", "Selatan", "Timur", "Barat", "Tengah", "Raya", "Laut", "Darat", "Kota", "Besar", "Hulu", "Hilir", "Kepulauan", "Kaler", "Tenggara", "Barat Daya", "Kidul", "Lor", "Wetan", "Kulon"}


@lru_cache(maxsize=32)
def _place_words(text: str) -> frozenset[str]:
    """Words the article uses as places ("Polres Bone", "Kabupaten Gresik", "di Watampone")."""
    out: set[str] = set()
    for m in _PLACE_CONTEXT_RE.finditer(text):
        out.update(w for w in m.group(1).split() if not _RANK_RE.match(w))
    return frozenset(out - _short_names(text))


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
    i = 0
    while i < len(words) and words[i] in {"Pj", "Plt", "Wakil", "Pj.", "Plt."}:
        i += 1
    if i < len(words) and words[i] in _ROLE_HEAD_SET:
        j = i + 1
        while j < len(words) and (words[j] in _ORG_WORDS or (words[j].isupper() and len(words[j]) > 1) or words[j][:1].isdigit() or "/" in words[j] or words[j].startswith("(")
                                  or words[j] in places or words[j] in _DIRECTIONS or words[j] in _ROLE_HEAD_SET):
            if words[j] in _HONOR:
                break
            j += 1
        for k in range(i + 1, len(words)):
            if words[k] in short:
                while k > i + 1 and (words[k - 1] in _HONOR or words[k - 1].rstrip(".") in _ABBR or words[k - 1] in _NAME_PREFIX):
                    k -= 1
                return words[:k], words[k:], False
        rest = words[j:]
        if rest and rest[0] not in _HONOR and (len(rest) == 1 or rest[-1] in _DIRECTIONS or any(w in places for w in rest)):
            j = len(words)  # "Pj Bupati Kuansing", "Kapolsek Kramat Jati": a place, not a name
        return words[:j], words[j:], False
    return [], words, False




def _person_text(text: str, run: Run, first_person_word: int) -> str:
    s = run.words[first_person_word][0]
    return _tidy(text[s : run.degree_end])


def _name_tokens(words: list[str]) -> frozenset[str]:
    """Distinctive name tokens: no ranks, honorifics, particles or single letters."""
    out = []
    i = 0
    while i < len(words):
        k = _rank_at(words, i)
        if k:
            i += k
            continue
        w = words[i].rstrip(".")
        if words[i] not in _HONOR and w not in _ABBR and w not in _PARTICLES and len(w) > 1 and not _is_degree(words[i]):
            out.append(w)
        i += 1
    return frozenset(out)


@dataclass
class Entity:
    """A person in the article: fullest name form, position, and its name tokens."""

    full: str
    role: str
    tokens: frozenset[str]
    first_pos: int


def _is_role_run(words: list[str]) -> bool:
    i = 0
    while i < len(words) and words[i] in {"Pj", "Plt", "Wakil", "Pak", "Bu", "Ibu", "Bapak", "Sang"}:
        i += 1
    return i < len(words) and words[i] in _ROLE_HEAD_SET


# "Seorang warga, Daeng X," / "Salah satunya Hj. Y": a name right after a description.
_AFTER_DESCRIPTION_RE = re.compile(
    r"(?:(?:warga|pedagang|tokoh|korban|saksi|pemilik|sopir|petugas|seorang|peserta|pengunjung|relawan)\b[^.\n,]{0,40},\s*"
    r"|(?:satunya|bernama|adalah|yakni|yaitu)\s+)$"
)


def _entities(text: str) -> list[Entity]:
    """People named in the article, merged by name tokens, each with its fullest form and role.

    A run is a person when it carries a rank ("Kapolres Bone AKBP X"), starts with a title and
    continues with a name ("Ketua DPRD Gresik Abdul Qodir"), starts with an honorific
    ("Hj. Sitti Marwah"), or is an appositive after a title or description ("Ketua KPU Bone,
    Hj. X," / "Seorang warga, Daeng Bollo,").
    """
    places = _place_words(text)
    runs = _runs(text)
    found: list[tuple[int, str, str, frozenset[str]]] = []
    for k, run in enumerate(runs):
        words = [w for _, _, w in run.words]
        role_w, person_w, ranked = _split_run(words, places, _short_names(text))
        if not person_w:
            continue
        first = len(role_w)
        role = " ".join(role_w)
        prev = runs[k - 1] if k else None
        appositive = (
            prev is not None and prev.term.startswith(",") and text[prev.degree_end : run.start].strip() == ","
        )
        after_desc = bool(_AFTER_DESCRIPTION_RE.search(text[max(0, run.start - 60) : run.start])) or bool(
            _AGE_RE.match(text[run.degree_end :])
        )
        if _PLACE_LEAD_RE.search(text[max(0, run.start - 12) : run.start]) and not ranked:
            continue  # "warga Tarogong Kidul", "di Pamekasan": a place, not a person
        if person_w[0] in _NON_PERSON and not ranked:
            continue
        if ranked or person_w[0] in _HONOR:
            pass  # "AKBP X", "Hj. Y": certainly a person
        elif role_w and person_w and not _is_role_run(person_w):
            if len(person_w) == 1 and person_w[0] in places:
                continue
        elif (appositive and prev is not None and _is_role_run([w for _, _, w in prev.words])) or after_desc or (
            len(person_w) >= 2 and _TRAILING_COMMA_RE.search(text[max(0, run.start - 3) : run.start])
            and _COMMA_CLAUSE_RE.match(text[run.degree_end :])
        ):
            if person_w[0] in _NON_PERSON or _is_role_run(person_w) or (person_w[0].isupper() and len(person_w[0]) > 1):
                continue  # "KSOP Sampit" in a list of institutions is not a person
            if not role and prev is not None and appositive:
                role = _tidy(text[prev.start : prev.end])
        else:
            continue
        if not role and prev is not None and appositive and _is_role_run([w for _, _, w in prev.words]):
            role = _tidy(text[prev.start : prev.end])
        if ranked and role and not _is_role_run(role.split()) and prev is not None and text[prev.end : run.start] == " dan ":
            role = _tidy(text[prev.start : prev.end]) + " dan " + role  # "Kapolresta Pulau Ambon dan Pulau-Pulau Lease"
        toks = _name_tokens(person_w)
        if not toks:
            continue
        found.append((run.words[first][0], _person_text(text, run, first), role, toks))
    ents: list[Entity] = []
    for pos, full, role, toks in sorted(found):
        for ent in ents:
            if toks <= ent.tokens or ent.tokens <= toks:
                if len(full) > len(ent.full):
                    ent.full = full
                ent.tokens = ent.tokens | toks
                if role and (not ent.role or len(role) > len(ent.role) and ent.role in role):
                    ent.role = role
                break
        else:
            ents.append(Entity(full, role, toks, pos))
    return ents


def _tidy(s: str) -> str:
    return _SPACES_RE.sub(" ", s).strip(" ,")


def _match_entity(text: str, mention: str, ents: list[Entity]) -> Entity | None:
    words = [w for w in _SPLIT_WORDS_RE.split(mention) if w]
    role_w, person_w, _ = _split_run(words, _place_words(text), _short_names(text))
    toks = _name_tokens(person_w) - _ROLE_HEAD_SET
    if not toks:
        return None
    cands = [e for e in ents if toks <= e.tokens]
    if not cands:
        cands = [e for e in ents if len(toks & e.tokens) >= max(1, len(toks) - 1)]
    if not cands:  # a nickname that abbreviates the name: "Frans" for Fransiskus
        cands = [e for e in ents if all(any(et.startswith(t) and len(t) >= 4 for et in e.tokens) for t in toks)]
    if not cands:
        return None
    return max(cands, key=lambda e: len(e.full))


def _expand_from_runs(text: str, mention: str) -> tuple[str, str] | None:
    """A short name nobody introduced formally ("kata Marthen") → the longest run holding it."""
    words = [w for w in _SPLIT_WORDS_RE.split(mention) if w]
    role_w, person_w, _ = _split_run(words, _place_words(text), _short_names(text))
    toks = _name_tokens(person_w) - _ROLE_HEAD_SET
    if not toks:
        return None
    places = _place_words(text)
    best: tuple[str, str] | None = None
    for run in _runs(text):
        ws = [w for _, _, w in run.words]
        rw, pw, _ = _split_run(ws, places, _short_names(text))
        if not pw or not toks <= _name_tokens(pw):
            continue
        full = _person_text(text, run, len(rw))
        if best is None or len(full) > len(best[0]):
            best = (full, " ".join(rw))
    return best


_HONORIFIC_LEAD_RE = re.compile(r"^(?:Pak|Bu|Ibu|Bapak|Sang)\s+")


def _match_role(mention: str, ents: list[Entity], before: int) -> Entity | None:
    """A title-only mention ("Kapolres", "Kapolresta Kendari") → the entity holding that role."""
    mention = _tidy(_HONORIFIC_LEAD_RE.sub("", mention))
    if not mention:
        return None
    cands = [e for e in ents if e.role and (e.role == mention or e.role.startswith(mention + " ") or mention.startswith(e.role + " "))]
    if not cands:
        head = mention.split()
        head_word = next((w for w in head if w not in {"Pj", "Plt"}), "")
        cands = [e for e in ents if head_word and head_word in e.role.split()[:3] and (head[0] in {"Pj", "Plt"}) == (e.role.split()[:1] in (["Pj"], ["Plt"]))]
        if not cands:
            cands = [e for e in ents if head_word and head_word in e.role.split()[:3]]
    if not cands:
        return None
    prior = [e for e in cands if e.first_pos < before]
    return prior[-1] if prior else cands[0]


def _role_runs(text: str) -> list[tuple[int, int, str]]:
    """Title-only phrases ("Kapolres Bone", "Pj Bupati Kolaka Utara") with their spans."""
    places = _place_words(text)
    out = []
    for run in _runs(text):
        ws = [w for _, _, w in run.words]
        if _is_role_run(ws):
            rw, pw, ranked = _split_run(ws, places, _short_names(text))
            if not pw:
                out.append((run.start, run.end, _tidy(text[run.start : run.end])))
    return out


def _fullest_description(mention: str, text: str) -> str:
    """For an unnamed speaker: the longest title phrase in the article that extends the mention."""
    best = _tidy(mention)
    for _, _, phrase in _role_runs(text):
        if phrase.startswith(best) and len(phrase) > len(best):
            best = phrase
    return best


def _occurrences(text: str, a: int, b: int, ents: list[Entity]) -> list[tuple[int, Entity | None, str]]:
    """People mentioned in text[a:b] in order: named entities by name tokens, plus title-only phrases."""
    out: list[tuple[int, Entity | None, str]] = []
    for ent in ents:
        for tok in ent.tokens:
            for m in re.finditer(rf"(?<!\w){re.escape(tok)}(?!\w)", text[a:b]):
                out.append((a + m.start(), ent, ""))
    for s, e, phrase in _role_runs(text):
        if a <= s < b:
            out.append((s, None, phrase))
    out.sort(key=lambda x: x[0])
    # collapse consecutive hits of the same entity (several tokens of one name)
    dedup: list[tuple[int, Entity | None, str]] = []
    for o in out:
        if dedup and o[1] is not None and dedup[-1][1] is o[1] and o[0] - dedup[-1][0] < 60:
            continue
        dedup.append(o)
    return dedup


def resolve_speakers(text: str, quotes: list[dict]) -> list[tuple[str, str]]:
    """Speaker and role for each quote (dicts with start, end and speaker_mention or None).

    Named mention → the entity with those name tokens (or the longest capitalised run that
    contains them); title-only mention → the entity with that role, or the fullest title
    phrase if the article never names the holder; pronoun, -nya or no mention → the person
    introduced since the previous quote (first mention of the latest paragraph that has one),
    else the previous quote's speaker, else the latest person named before the quote.
    """
    ents = _entities(text)
    out: list[tuple[str, str]] = []
    prev: tuple[str, str] | None = None
    prev_end = 0
    for q in quotes:
        mention = q.get("speaker_mention")
        res: tuple[str, str] | None = None
        if mention and mention["text"].lower() not in _PRONOUNS:
            res = _resolve_mention(text, mention, ents)
        if res is None:
            res = _resolve_context(text, q, ents, prev, prev_end)
        out.append(res)
        prev, prev_end = res, max(prev_end, q["end"], (q.get("cue") or {}).get("end", 0))
    return out


def _resolve_mention(text: str, mention: dict, ents: list[Entity]) -> tuple[str, str] | None:
    mtxt = _tidy(mention["text"])
    ent = _match_entity(text, mtxt, ents)
    words = [w for w in _SPLIT_WORDS_RE.split(mtxt) if w]
    role_w, person_w, _ = _split_run(words, _place_words(text), _short_names(text))
    role_part = " ".join(role_w)
    if ent is None and not person_w:
        ent = _match_role(mtxt, ents, mention["start"])
    if ent is not None:
        return ent.full, ent.role or role_part
    if not person_w and role_w:
        desc = _fullest_description(mtxt, text)
        return desc, desc
    exp = _expand_from_runs(text, mtxt)
    if exp is not None:
        return exp[0], exp[1] or role_part
    return mtxt, role_part


_PASSIVE_AFTER_RE = re.compile(r"[^\S\n]+(?:juga\s+|pun\s+|kemudian\s+)?di(?!a\b|rinya\b)[a-z]{3,}")


def _mention_end(text: str, occ: tuple[int, Entity | None, str]) -> int:
    """End of the capitalised phrase that starts at an occurrence."""
    pos = occ[0]
    return _phrase_forward(text, pos, _paragraph_of(text, pos)[1]) if occ[2] == "" else pos + len(occ[2])


def _resolve_context(text: str, q: dict, ents: list[Entity], prev: tuple[str, str] | None, prev_end: int) -> tuple[str, str]:
    lo = prev_end
    # a passive subject ("Komisioner KPU dievakuasi") is not who speaks next
    occ = [o for o in _occurrences(text, lo, q["start"], ents) if not _PASSIVE_AFTER_RE.match(text, _mention_end(text, o))]
    if occ:
        # the latest paragraph holding a mention; its first mention is usually the subject
        last_para = _paragraph_of(text, occ[-1][0])
        in_para = [o for o in occ if last_para[0] <= o[0] < last_para[1]]
        if len(in_para) > 1 and _REPRESENTED_RE.match(text[in_para[0][0] : in_para[1][0]]):
            in_para = in_para[1:]  # "Bupati X yang diwakili Asisten I, Y": Y speaks
        _, ent, phrase = in_para[0]
        if ent is None and len(in_para) > 1 and in_para[1][1] is not None and in_para[1][0] - in_para[0][0] < 80:
            ent = in_para[1][1]  # "Ketua KPU X, Hj. Y": the title and the name are one mention
        if ent is not None:
            return ent.full, ent.role
        e2 = _match_role(phrase, ents, q["start"])
        if e2 is not None:
            return e2.full, e2.role
        desc = _fullest_description(phrase, text)
        return desc, desc
    if prev is not None:
        return prev
    earlier = [o for o in _occurrences(text, 0, q["start"], ents) if o[1] is not None]
    if earlier:
        ent = earlier[-1][1]
        return ent.full, ent.role
    return "", ""


# ---------------------------------------------------------------------------------------------
# Indirect quotes
# ---------------------------------------------------------------------------------------------

_INDIRECT_RE = re.compile(
    r"(?<![\w])(?P<verb>" + "|".join(sorted(set(_LONG_CUES), key=len, reverse=True)) + r")(?P<link>\s*,\s*|\s+bahwa\s+|\s+agar\s+|\s+)(?=\S)"
)
_MENURUT_RE = re.compile(r"(?<![\w])(?P<verb>[Mm]enurut(?:nya)?)(?P<who>\s+[^,.\n]{1,80})?\s*,\s+(?=\S)")


# Verbs whose bare object is usually a noun phrase, not reported speech ("memaparkan jadwal").
_BARE_OBJECT_VERBS = {
    "memaparkan", "menyoroti", "menekankan", "mengeluhkan", "mengungkap", "memerintahkan", "mengakui",
    "melaporkan", "membenarkan", "memperkirakan", "merinci", "menginstruksikan", "mengklaim",
}
_PREDICATE_RE = re.compile(
    r"\b(?:akan|sudah|telah|siap|masih|tidak|tak|belum|harus|bisa|dapat|perlu|sedang|menjadi|ada|adalah|merupakan|"
    r"sempat|cukup|mampu|wajib|boleh|terus|segera|mulai|agar|supaya|untuk|(?:me|ber|di|ter)[a-z]{3,})\b"
)


# Verbs whose content often starts with its own predicate ("mengaku mendapat …", "berjanji menambah …").
_STANCE_VERBS = {"mengaku", "berjanji", "menyatakan", "berharap", "menyanggupi", "mengakui"}
_DIRECTIVE_VERBS = {"meminta", "mengingatkan", "mengimbau", "mengajak", "berpesan", "menginstruksikan"}


def _after_complementizer(text: str, start: int, verb: str) -> int | None:
    """For "X meminta warga agar …" the span starts after 'agar'; a bare object needs a predicate."""
    end = _sentence_end(text, start)
    obj = text[start:end]
    m = _COMPLEMENTIZER_RE.match(obj)
    if m and verb in _DIRECTIVE_VERBS:
        return start + m.end()
    words = obj.split()
    if len(words) < 2 or not _PREDICATE_RE.search(" ".join(words if verb in _STANCE_VERBS else words[1:])):
        return None  # "menyebut dua prioritas": a noun phrase, not reported speech
    return start


def _stop_at_quote(end: int, start: int, statements: list[Span]) -> int:
    """Indirect speech ends where a direct statement starts (its opening mark), not at scare quotes."""
    for s, _ in statements:
        if start < s <= end + 1:
            return min(end, s - 1)
    return end


def _sentence_end(text: str, i: int) -> int:
    """End of the sentence containing `i` (before the final period)."""
    pe = _paragraph_of(text, i)[1]
    j = i
    while j < pe:
        ch = text[j]
        if ch in ".!?" and (j + 1 >= pe or text[j + 1].isspace() or text[j + 1] in "“”\"") and not _is_abbrev_dot(text, j):
            return j
        j += 1
    return pe


def find_indirect_quotes(text: str, direct: list[Span] | None = None) -> list[tuple[Span, Span, Span | None]]:
    """Reported speech "X mengatakan, …", "menurut X, …", "X menyampaikan bahwa …" outside direct quotes."""
    if direct is None:
        direct = find_direct_quotes(text)
    inside = _covered(direct)
    statements = [sp for sp in direct if is_statement(text, sp)]
    out: list[tuple[Span, Span, Span | None]] = []
    for m in _INDIRECT_RE.finditer(text):
        vs, ve = m.span("verb")
        if inside(vs):
            continue
        start = m.end()
        rest = text[start : start + 2]
        if not rest or rest[0] in "“”\"":
            continue  # a direct quote follows: handled as a direct cue
        link = m.group("link")
        if link.strip() == "":
            if m.group("verb").lower() in _BARE_OBJECT_VERBS or not _plain_object_ok(text, start):
                continue
            start = _after_complementizer(text, start, m.group("verb").lower())
            if start is None:
                continue
        mention = _subject_before(text, vs, _paragraph_of(text, vs)[0])
        if mention is None:
            continue
        mtxt = text[mention[0] : mention[1]]
        if not (_starts_cap(mtxt) or mtxt.lower() in _PRONOUNS or mtxt.startswith(("dr.", "drg."))):
            continue
        if text[vs - 1 : vs] not in (" ", "\n", "") and vs > 0:
            continue
        end = _stop_at_quote(_sentence_end(text, start), start, statements)
        s, e = _trim(text, start, end)
        if e - s < 8 or len(text[s:e].split()) < 2:
            continue
        out.append(((s, e), (vs, ve), mention))
    for m in _MENURUT_RE.finditer(text):
        vs, ve = m.span("verb")
        if inside(vs):
            continue
        start = m.end()
        if text[start] in "“”\"":
            continue
        if m.group("verb").lower() == "menurutnya":
            mention = (ve - 3, ve)
        elif m.group("who"):
            a, b = m.span("who")
            while text[a].isspace():
                a += 1
            who = text[a:b]
            if not who.strip() or not (_starts_cap(who) or who.split()[0].lower() in _PRONOUNS):
                continue  # "Menurut rencana, …" is not attribution
            mention = (a, b)
        else:
            continue
        end = _stop_at_quote(_sentence_end(text, start), start, statements)
        s, e = _trim(text, start, end)
        if e - s < 8:
            continue
        out.append(((s, e), (vs, ve), mention))
    out.sort()
    # "Kapolres meminta para Kapolsek memastikan …": the inner verb is part of the outer content
    return [o for o in out if not any(p is not o and p[0][0] <= o[1][0] < p[0][1] for p in out)]


def _plain_object_ok(text: str, start: int) -> bool:
    """'X menyatakan prajuritnya siap …' without comma/bahwa: accept a clause, not 'meminta maaf'."""
    w = text[start : start + 30].split()
    if not w:
        return False
    return w[0].lower() not in {"maaf", "hal", "itu", "kepada", "untuk", "dengan", "pada", "di", "dalam", "oleh", "terima"}


def _covered(spans: list[Span]) -> Callable[[int], bool]:
    """Predicate: does offset i fall inside (or on the marks of) one of the spans?"""

    def inside(i: int) -> bool:
        return any(s - 1 <= i < e + 1 for s, e in spans)

    return inside


# ---------------------------------------------------------------------------------------------
# Full system and baseline
# ---------------------------------------------------------------------------------------------


def _span_dict(text: str, sp: Span | None) -> dict | None:
    if sp is None:
        return None
    return {"start": sp[0], "end": sp[1], "text": text[sp[0] : sp[1]]}


def _shared_cue_for_split(text: str, spans: list[Span], cues: list[tuple[Span | None, Span | None]]) -> None:
    """“Kami siap,” lanjut Yayat, “semua …” — the second part shares the first part's cue."""
    for k in range(1, len(spans)):
        ps, pe = spans[k - 1]
        s, _ = spans[k]
        between = text[pe:s]
        if cues[k - 1][0] is not None and "\n" not in between and cues[k - 1][0][0] > pe and cues[k - 1][0][1] < s:
            if _SPLIT_QUOTE_GAP_RE.fullmatch(between):
                cues[k] = cues[k - 1]


def _nested_statement(text: str, span: Span) -> bool:
    """A ‘…’ inside a quote is itself a quote only when it relays someone's message
    ("Pesan Kapolda jelas, ‘jangan …’"); sayings, local words and scare quotes are not."""
    s, e = span
    ps, _ = _paragraph_of(text, s)
    head = text[ps : s - 1]
    sent = _CLAUSE_BREAK_RE.split(head)[-1]
    return len(text[s:e].split()) >= 3 and bool(_PESAN_RE.search(sent))


def extract_quotes(
    text: str,
    statement: Callable[[Span], bool] | None = None,
    indirect: list[tuple[Span, Span | None, Span | None]] | None = None,
) -> list[dict]:
    """All direct and indirect quotes with cue, mention, resolved speaker and role, sorted by start.

    `statement` and `indirect` let a learned tagger replace the two guesses the rules make
    (is this quoted phrase a statement? where are the indirect quotes?); pairing, cues and
    speaker resolution stay rule-based.
    """
    statement = statement or (lambda sp: is_statement(text, sp))
    all_direct = find_direct_quotes(text)
    outer = [sp for sp in all_direct if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in all_direct)]
    direct = [sp for sp in all_direct if (statement(sp) if sp in outer else _nested_statement(text, sp))]
    direct = [sp for sp in direct if sp in outer or any(o[0] <= sp[0] and sp[1] <= o[1] for o in direct if o != sp)]
    cues = [find_cue(text, sp, "direct") if sp in outer else (None, None) for sp in direct]
    _shared_cue_for_split(text, direct, cues)
    quotes = [
        {"text": text[s:e], "start": s, "end": e, "type": "direct", "cue": _span_dict(text, c), "speaker_mention": _span_dict(text, m)}
        for (s, e), (c, m) in zip(direct, cues)
    ]
    for (s, e), c, m in (find_indirect_quotes(text, all_direct) if indirect is None else indirect):
        quotes.append({"text": text[s:e], "start": s, "end": e, "type": "indirect", "cue": _span_dict(text, c), "speaker_mention": _span_dict(text, m)})
    quotes.sort(key=lambda q: (q["start"], q["end"]))
    for q, (spk, role) in zip(quotes, resolve_speakers(text, quotes)):
        q["speaker"], q["speaker_role"] = spk, role
    return quotes


_BASE_PAIR_RE = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"")
_BASE_NAME_RE = re.compile(rf"(?:(?:{_RANKS})\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def baseline_quotes(text: str) -> list[dict]:
    """The sceptic's baseline: naive same-paragraph mark pairing, nearest capitalised name.

    Deliberately simple (no Kompas marks, no multi-paragraph quotes, no scare-quote filter,
    no cue model) so the rule system's gains are measured against something honest.
    """
    out = []
    for m in _BASE_PAIR_RE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        s, e = _trim(text, m.start(g), m.end(g))
        if e <= s:
            continue
        ps, pe = _paragraph_of(text, s)
        best, dist = "", None
        for nm in _BASE_NAME_RE.finditer(text, ps, pe):
            if s - 1 <= nm.start() < e + 1:
                continue
            d = s - nm.end() if nm.end() <= s else nm.start() - e
            if dist is None or d < dist:
                best, dist = nm.group(0), d
        out.append({"text": text[s:e], "start": s, "end": e, "type": "direct", "cue": None, "speaker_mention": None, "speaker": best, "speaker_role": ""})
    return out
