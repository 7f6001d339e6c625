"""The article's people: named persons with their fullest name and role, and title-only phrases.

Speaker resolution links every quote to one of these; the table is built once per article
from the capitalised runs (names.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocab import (_DIRECTIONS, _HONOR, _NON_PERSON, _OFFICE_CONTEXT, _ORG_WORDS, _PROVINCES, _RANK_RE, _ROLE_ALIASES,
                    _ROLE_HEAD_SET, _SHORT_CUE_ALT)
from .text import _DEMONSTRATIVE_AFTER_RE, _NONSPACE_RE, _SPLIT_WORDS_RE, _tidy, paragraph_of
from .names import Run, _is_role_run, _name_tokens, _person_runs, _person_text, _place_words, _rank_at, _ranked, _runs, _short_names, _similar, _split_run


_AGE_RE = re.compile(r"\s*\(\d{1,3}\)")

_PLACE_LEAD_RE = re.compile(r"\b(?:warga|di|dari|asal|ke|kawasan|wilayah|daerah)\s*$")

_TRAILING_COMMA_RE = re.compile(r",\s*$")

_COMMA_CLAUSE_RE = re.compile(r",\s+(?!dan\b|serta\b|atau\b|hingga\b|sampai\b|dengan\b|di\b|ke\b)[a-z]")


_NICKNAME_RE = re.compile(r"\s+\([A-Z][a-z]+\)$")


@dataclass
class Entity:
    """A person in the article: fullest name form, position, and its name tokens."""

    full: str
    role: str
    tokens: frozenset[str]
    first_pos: int


# "Seorang warga, Daeng X," / "Salah satunya Hj. Y": a name right after a description.
_AFTER_DESCRIPTION_RE = re.compile(
    r"(?:(?:warga|pedagang|tokoh|korban|saksi|pemilik|sopir|petugas|seorang|peserta|pengunjung|relawan)\b[^.\n,]{0,40},\s*"
    r"|(?:satunya|bernama|adalah|yakni|yaitu)\s+)$"
)


# "kata Ruhermansyah Ketua Bawaslu Kalbar, …": a name right after a short speech verb speaks.
_AFTER_SPEECH_VERB_RE = re.compile(rf"\b(?:{_SHORT_CUE_ALT})\s+$")

# "yakni Airu, Lereh, Nimbokrang dan …": one capitalised word in a comma list is a place or thing.
_LIST_NEXT_RE = re.compile(r",\s+[A-Z][\w’'\-]*(?:,|\s+(?:dan|serta)\s)")
_LIST_PREV_RE = re.compile(r"(?:yakni|yaitu|antara lain|seperti|[A-Z][\w’'\-]*,)\s+$")

# "Pilkada Gubernur dan Wakil Gubernur Kalimantan Tengah": an office being contested, not its holder.
_OFFICE_RE = re.compile(rf"\b(?:{'|'.join(_OFFICE_CONTEXT)})\b[^.,;\n“”\"]{{0,40}}$")


def _one_word_in_list(text: str, run: Run, person_w: list[str]) -> bool:
    """A lone capitalised word between list commas ("Airu, Lereh, …") is no person's name."""
    return (len(person_w) == 1 and bool(_LIST_NEXT_RE.match(text, run.degree_end))
            and bool(_LIST_PREV_RE.search(text[max(0, run.start - 30) : run.start])))


def _office_only(text: str, start: int) -> bool:
    """Whether a title phrase names an office in an election ("Pilkada Bupati …"), not a speaker."""
    return bool(_OFFICE_RE.search(text[max(0, start - 60) : start]))


# A headline line: mostly capitalised words, no sentence end (related-story titles, the page's own title).
_HEADLINE_MIN_WORDS = 5
_HEADLINE_MAX_WORDS = 25  # a longer Title-Case-heavy line is a list of attendees, not a headline
_HEADLINE_CAP_SHARE = 0.75


def _headline(text: str, pos: int) -> bool:
    """Whether the line holding `pos` is shaped like a headline rather than a sentence."""
    ps, pe = paragraph_of(text, pos)
    line = text[ps:pe].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    if not _HEADLINE_MIN_WORDS <= len(words) <= _HEADLINE_MAX_WORDS or line.endswith((".", "”", '"', ":")):
        return False
    return sum(w[0].isupper() for w in words) >= _HEADLINE_CAP_SHARE * len(words)


def _entities(text: str) -> list[Entity]:
    """People named in the article, merged by name tokens, each with its fullest form and role.

    A run is a person when it carries a rank ("Kapolres Bone AKBP X"), starts with a title and
    continues with a name ("Ketua DPRD Gresik Abdul Qodir"), starts with an honorific
    ("Hj. Sitti Marwah"), or is an appositive after a title or description ("Ketua KPU Bone,
    Hj. X," / "Seorang warga, Daeng Bollo,").
    """
    places = _place_words(text)
    runs = _person_runs(text)
    found: list[tuple[int, str, str, frozenset[str]]] = []
    for k, run in enumerate(runs):
        words = [w for _, _, w in run.words]
        if run.merged:  # the title's fields end where the holder's name begins
            role_w, person_w = words[: -run.name_words], words[-run.name_words :]
            ranked = _ranked(person_w)
        else:
            role_w, person_w, ranked = _split_run(words, places, _short_names(text))
        if not person_w:
            continue
        first = len(role_w)
        role = " ".join(role_w) if not run.merged else _tidy(text[run.start : run.words[first][0]]).rstrip(" ,")
        prev = runs[k - 1] if k else None
        appositive = (
            prev is not None and prev.term.startswith(",") and text[prev.degree_end : run.start].strip() == ","
        )
        after_desc = bool(_AFTER_DESCRIPTION_RE.search(text[max(0, run.start - 60) : run.start])) or bool(
            _AGE_RE.match(text[run.degree_end :])
        )
        # a full name or a name with its title after "kata"; a lone "kata Baso" is a short form of someone named elsewhere
        after_verb = (len(person_w) >= 2 or _role_after_name(person_w) is not None) and bool(_AFTER_SPEECH_VERB_RE.search(text[max(0, run.start - 12) : run.start]))
        if _PLACE_LEAD_RE.search(text[max(0, run.start - 12) : run.start]) and not ranked:
            continue  # "warga Tarogong Kidul", "di Pamekasan": a place, not a person
        if not ranked and _one_word_in_list(text, run, person_w):
            continue
        if not ranked and (person_w[0] in _NON_PERSON or any(w in _NON_PERSON and w not in _ORG_WORDS and not w.isupper() for w in person_w)):
            continue  # "…, Pimpin Apel Gelar Pasukan Operasi …": a Title Case phrase, no name
        if not ranked and all(w in places or w in _DIRECTIONS for w in person_w):
            continue  # "Wakapolres Barito Selatan, Kalimantan Tengah, Kompol X": a place in apposition
        if _DEMONSTRATIVE_AFTER_RE.match(text, run.degree_end) and not (role_w and ranked):
            continue  # "Jenderal Bintang Dua tersebut", "bekas Kepala Divisi … (Kadivkum Polri) itu": an epithet for someone named before
        if _headline(text, run.start):
            continue  # "Panglima TNI Ikut Pantau Kesiapan Personel": a Title Case headline, not a name
        if ranked or person_w[0] in _HONOR:
            pass  # "AKBP X", "Hj. Y": certainly a person
        elif role_w and person_w and not _is_role_run(person_w):
            if len(person_w) == 1 and person_w[0] in places:
                continue
        elif (appositive and prev is not None and _is_role_run([w for _, _, w in prev.words])) or after_desc or after_verb or (
            len(person_w) >= 2 and _TRAILING_COMMA_RE.search(text[max(0, run.start - 3) : run.start])
            and _COMMA_CLAUSE_RE.match(text[run.degree_end :])
        ):
            if person_w[0] in _NON_PERSON or _is_role_run(person_w) or (person_w[0].isupper() and len(person_w[0]) > 1) or all(w in _ORG_WORDS for w in person_w):
                continue  # "KSOP Sampit" in a list of institutions is not a person
            if not role_w and _names_a_place(text, person_w[: _role_after_name(person_w) or len(person_w)], places):
                continue  # "tujuannya adalah Malaysia", "di Jembatan Wouma, Wamena,": a place after the cue words
            if not role and prev is not None and appositive:
                role = _tidy(text[prev.start : prev.end])
        else:
            continue
        if not role and prev is not None and appositive:
            role = _appositive_role(text, runs, k, places)
        if ranked and role and not _is_role_run(role.split()) and prev is not None and (
            text[prev.end : run.start] in (" dan ", " selaku ")
            or text[prev.end : run.start] == ", " and _title_only([w for _, _, w in prev.words], places, text)
        ):
            # "Kapolresta Pulau Ambon dan Pulau-Pulau Lease AKBP X", "Kasubag X selaku Padal Pengamanan Iptu Y",
            # "Kasat Reserse Kriminal, Polres Kapuas Hulu IPTU Z": the title goes on past the word or comma
            role = _tidy(text[prev.start : prev.end]) + text[prev.end : run.start] + role
        full = _NICKNAME_RE.sub("", _person_text(text, run, first))  # "Zulkifli Hasan (Zulhas)": the name without its nickname
        cut = _trailing_role(person_w) if ranked else _role_after_name(person_w) if after_verb else None
        if cut is not None:  # "AKP Bima Sakti Kasatreskrim Polres Pasuruan": the title follows the name
            role = role or " ".join(person_w[cut:])
            full = _tidy(text[run.words[first][0] : run.words[first + cut - 1][1]])
            person_w = person_w[:cut]
        toks = _name_tokens(person_w)
        if not toks:
            continue
        found.append((run.words[first][0], full, role, toks))
    ents: list[Entity] = []
    for pos, full, role, toks in sorted(found):
        for ent in sorted(ents, key=lambda e: not (toks <= e.tokens or e.tokens <= toks)):
            if toks <= ent.tokens or ent.tokens <= toks or _ranked_nickname(full, toks, ent):
                if _form_len(full) > _form_len(ent.full):  # "AKBP. X" is no fuller than "AKBP X": the first form stays
                    ent.full = full
                ent.tokens = ent.tokens | toks
                if role and (not ent.role or len(role) > len(ent.role) and ent.role in role):
                    ent.role = role
                break
        else:
            ents.append(Entity(full, role, toks, pos))
    return [e for e in ents if not _unit_not_person(e, ents)]


# "ke Malaysia", "dari Wamena": a word the article uses as a destination or origin
_PLACE_PREP = r"(?:di|ke|dari|menuju|asal)\s+"


def _names_a_place(text: str, person_w: list[str], places: frozenset[str]) -> bool:
    """An unranked, untitled "name" one of whose words is a place of the article ("Simpang Depok"
    on a page about "Kota Depok") or follows "ke"/"dari" somewhere ("ke Malaysia")."""
    return any(w in places or re.search(rf"\b{_PLACE_PREP}{re.escape(w)}\b", text) for w in person_w)


def _title_only(words: list[str], places: frozenset[str], text: str) -> bool:
    """A run that is a title and names nobody ("Kasat Reserse Kriminal", not "Bupati Bogor Hj. X")."""
    return _is_role_run(words) and not _split_run(words, places, _short_names(text))[1]


def _ranked_nickname(full: str, toks: frozenset[str], ent: Entity) -> bool:
    """"AKBP Ndaru" after "AKBP Yohanes Agustiandaru": one rank, and one name word that begins or
    ends a name word of the earlier person (the short name an article goes on with)."""
    rank, other = full.split(" ", 1)[0], ent.full.split(" ", 1)[0]
    if len(toks) != 1 or rank != other or not _RANK_RE.match(rank):
        return False
    (t,) = toks
    return len(t) >= 4 and any(et != t and (et.startswith(t) or et.lower().endswith(t.lower())) for et in ent.tokens)


def _unit_not_person(ent: Entity, ents: list[Entity]) -> bool:
    """An unranked 'name' that is an institution ("Provinsi Papua Pegunungan") or a piece of someone's
    title ("Laka Lantas" of "Kanit Laka Lantas Polres Sinjai", "Pelabuhan Tanjung Priok" of
    "Kapolres Pelabuhan Tanjung Priok"): a unit or place the run split took for a name."""
    words = ent.full.split()
    if not words or words[0] in _HONOR or _ranked(words):
        return False
    if words[0] in _ORG_WORDS or words[0] in _NON_PERSON:
        return True
    return any(o is not ent and ent.tokens <= set(_SPLIT_WORDS_RE.split(o.role)) for o in ents)


def _form_len(full: str) -> int:
    """Length of a name form, a dot after its leading rank aside ("AKBP. X" is as full as "AKBP X")."""
    first = full.split(" ", 1)[0]
    return len(full) - (first.endswith(".") and bool(_RANK_RE.match(first[:-1])))


def _appositive_role(text: str, runs: tuple[Run, ...], k: int, places: frozenset[str]) -> str:
    """The title run k stands in apposition to: "Kapolres Bone, AKBP X" → "Kapolres Bone"; places may
    sit between ("Wakapolres Barito Selatan, Kalimantan Tengah, Kompol X")."""
    j = k - 1
    while j >= 0:
        words = [w for _, _, w in runs[j].words]
        if _is_role_run(words):
            return _tidy(text[runs[j].start : runs[j].end])
        if not all(w in places or w in _DIRECTIONS for w in words):
            return ""
        if j == 0 or not runs[j - 1].term.startswith(",") or text[runs[j - 1].degree_end : runs[j].start].strip() != ",":
            return ""
        j -= 1
    return ""


def _trailing_role(person_w: list[str]) -> int | None:
    """Index of a position title after a ranked name (rank, at least one name word, then the title)."""
    k = _rank_at(person_w, 0)
    return _role_after_name(person_w, k + 1) if k else None


def _role_after_name(person_w: list[str], start: int = 1) -> int | None:
    """Index of the first title word from `start` on ("Ruhermansyah Ketua Bawaslu Kalbar" → 1)."""
    return next((i for i in range(start, len(person_w)) if person_w[i] in _ROLE_HEAD_SET), None)


def _mention_name_tokens(text: str, mention: str) -> frozenset[str]:
    """The name tokens of a mention: its person words without rank, role or a trailing title."""
    words = [w for w in _SPLIT_WORDS_RE.split(mention) if w]
    _, person_w, _ = _split_run(words, _place_words(text), _short_names(text))
    person_w = person_w[: _trailing_role(person_w) or _role_after_name(person_w)]  # "Ruhermansyah Ketua Bawaslu Kalbar"
    return frozenset(_name_tokens(person_w) - _ROLE_HEAD_SET)


def _match_entity(text: str, mention: str, ents: list[Entity]) -> Entity | None:
    toks = _mention_name_tokens(text, mention)
    if not toks:
        return None
    cands = [e for e in ents if toks <= e.tokens or _with_initials(toks, e)]
    if not cands:
        cands = [e for e in ents if len(toks & e.tokens) >= max(1, len(toks) - 1)]
    if not cands:  # a nickname that abbreviates the name: "Frans" for Fransiskus, "Ndaru" for Agustiandaru
        cands = [e for e in ents if all(any((et.startswith(t) or et.endswith(t.lower())) and len(t) >= 4 for et in e.tokens) for t in toks)]
    if not cands:  # a spelling slip: "Ghufron" for Gufron, "Magknum" for Maknum
        cands = [e for e in ents if all(any(_similar(t, et) for et in e.tokens) for t in toks)]
    if not cands:
        return None
    return max(cands, key=lambda e: len(e.full))


def _with_initials(toks: frozenset[str], ent: Entity) -> bool:
    """"Kokok HP" for Kokok Heru Purwoko: name tokens plus the initials of the rest of the full name."""
    initials = {t for t in toks if t.isupper() and 2 <= len(t) <= 3}
    if not initials or not (toks - initials) or not (toks - initials) <= ent.tokens:
        return False
    words = [w for w in _SPLIT_WORDS_RE.split(ent.full) if w[:1].isupper()]
    acronyms = {"".join(w[0] for w in words[i : i + n]) for n in (2, 3) for i in range(len(words) - n + 1)}
    return initials <= acronyms


def _expand_from_runs(text: str, mention: str) -> tuple[str, str] | None:
    """A short name nobody introduced formally ("kata Marthen") → the longest run holding it."""
    toks = _mention_name_tokens(text, mention)
    if not toks:
        return None
    places = _place_words(text)
    best: tuple[str, str] | None = None
    for run in _person_runs(text):
        ws = [w for _, _, w in run.words]
        rw, pw, _ = _split_run(ws, places, _short_names(text))
        if not pw or not toks <= _name_tokens(pw) or _headline(text, run.start):
            continue
        full = _person_text(text, run, len(rw))
        if best is None or len(full) > len(best[0]):
            best = (full, " ".join(rw))
    return best


_HONORIFIC_LEAD_RE = re.compile(r"^(?:Pak|Bu|Ibu|Bapak|Sang)\s+")


def _match_role(mention: str, ents: list[Entity], before: int, places: frozenset[str] = frozenset()) -> Entity | None:
    """A title-only mention ("Kapolres", "Kapolresta Kendari") → the entity holding that role."""
    mention = _tidy(_HONORIFIC_LEAD_RE.sub("", mention))
    if not mention:
        return None
    rest = mention.split()[1:]
    named = [e for e in ents if rest and all(w in e.tokens and w not in places and _namelike(w) for w in rest)]
    if named:  # "Kapolda Erizman": the title with the holder's name
        return named[0]
    mention = _role_key(mention)
    roles = {id(e): _role_key(e.role) for e in ents}
    cands = [e for e in ents if e.role and any(_same_role(mention, r) for r in (roles[id(e)], _abbreviated_key(e.role)))]
    if not cands:
        head = mention.split()
        head_word = next((w for w in head if w not in {"Pj", "Plt"}), "")
        cands = [e for e in ents if head_word and head_word in roles[id(e)].split()[:3] and (head[0] in {"Pj", "Plt"}) == (roles[id(e)].split()[:1] in (["Pj"], ["Plt"]))]
        if not cands:
            cands = [e for e in ents if head_word and head_word in roles[id(e)].split()[:3]]
    if not cands:
        return None
    prior = [e for e in cands if e.first_pos < before]
    return prior[-1] if prior else cands[0]


def _namelike(w: str) -> bool:
    """A capitalised word that is no place, institution or title word (a name token of a person)."""
    return not (w in _PROVINCES or w in _ORG_WORDS or w in _NON_PERSON or w in _DIRECTIONS or w in _ROLE_HEAD_SET or w.isupper())


# "Kepala Kepolisian Republik Indonesia (Kapolri)": a spelled-out title followed by its short form.
_ABBREVIATED_TITLE_RE = re.compile(r"^[^()]*\((\w+(?: \w+){0,2})\)")


def _same_role(mention: str, role: str) -> bool:
    """A title mention and a role key that name one office, one possibly more fully ("Kapolres" / "Kapolres Bone");
    a compound title matches its spaced form ("Kasatlantas" / "Kasat Lantas Polres Palopo")."""
    if role == mention or role.startswith(mention + " ") or mention.startswith(role + " "):
        return True
    glued = mention.replace(" ", "").lower()
    return " " not in mention and len(glued) > 6 and role.replace(" ", "").lower().startswith(glued)


def _abbreviated_key(role: str) -> str:
    """The role key through its bracketed short title: "Kepala Kepolisian Republik Indonesia (Kapolri)" → "Kapolri",
    "Kepala Biro Operasi (Karo Ops) Polda Sulut" → "Karo Ops Polda Sulut"."""
    return _role_key(_ABBREVIATED_TITLE_RE.sub(lambda m: m.group(1) if m.group(1).split()[0] in _ROLE_HEAD_SET else m.group(0), role))


def _role_key(role: str) -> str:
    """A title in its short form for comparing: "Kepala Kepolisian Daerah (Kapolda) NTT" → "Kapolda NTT"."""
    for pat, short in _ROLE_ALIASES:
        role = pat.sub(short, role)
    return " ".join(w for w in role.replace(",", " ").split() if not (w.startswith("(") and w.endswith(")")))


# Title heads that need a complement to name an office: alone before a lower-case word they are common nouns.
_GENERIC_HEADS = frozenset({"Kepala", "Komandan", "Wakil", "Anggota"})
_LOWER_NEXT_RE = re.compile(r" [a-z]")


def _role_runs(text: str, epithets: bool = False) -> list[tuple[int, int, str]]:
    """Title-only phrases ("Kapolres Bone", "Pj Bupati Kolaka Utara") with their spans; one followed
    by a demonstrative ("mantan Direktur … ini") is an epithet for someone named before, kept only
    when `epithets` (it may still spell out a title more fully)."""
    places = _place_words(text)
    out = []
    for run in _runs(text):
        ws = [w for _, _, w in run.words]
        if ws[0] in _GENERIC_HEADS and len(ws) == 1 and _LOWER_NEXT_RE.match(text, run.end):
            continue  # "Kepala desa atau lurah …", "Komandan regu": a common noun, no office holder
        if _is_role_run(ws) and (epithets or not _DEMONSTRATIVE_AFTER_RE.match(text, run.end)):
            rw, pw, ranked = _split_run(ws, places, _short_names(text))
            if not pw:
                out.append((run.start, run.end, _tidy(text[run.start : run.end])))
    return out


def _fullest_description(mention: str, text: str) -> str:
    """For an unnamed speaker: the longest title phrase in the article that extends the mention."""
    best = _tidy(mention)
    for _, _, phrase in _role_runs(text, epithets=True):
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


# ---------------------------------------------------------------------------------------------
# The people table: every person with every mention, for the speaker linker
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """One place a person is named: 'name' (any name tokens, full or short) or 'title' (title only)."""

    start: int
    end: int
    kind: str


@dataclass
class Person:
    """A speaker candidate: the fullest name (or description when never named), role, and mentions in order."""

    full: str
    role: str
    named: bool
    mentions: list[Mention]


def people_table(text: str) -> list[Person]:
    """The article's people with all their mentions, in order of first mention.

    Named persons come from `_entities`, with a 'name' mention wherever one of their name
    tokens appears; a title-only phrase ("Kapolres", "Ketua KPU Bone") is a 'title' mention of
    the person holding that role before it, or else a person of its own, described by the
    fullest title phrase (GUIDELINES §2: the speaker of a never-named holder is the description).
    Pronouns and -nya are not in the table: they are what the linker resolves.
    """
    ents = _entities(text)
    places = _place_words(text)
    people = {id(e): Person(e.full, e.role, True, []) for e in ents}
    described: dict[str, Person] = {}
    for pos, ent, phrase in _occurrences(text, 0, len(text), ents):
        if ent is not None:
            people[id(ent)].mentions.append(Mention(pos, _name_end(text, pos, ent), "name"))
            continue
        holder = _match_role(phrase, ents, pos, places)
        if holder is None and _office_only(text, pos):
            continue
        if holder is not None:
            people[id(holder)].mentions.append(Mention(pos, pos + len(phrase), "title"))
            continue
        desc = _fullest_description(phrase, text)
        person = described.setdefault(desc, Person(desc, desc, False, []))
        person.mentions.append(Mention(pos, pos + len(phrase), "title"))
    table = [p for p in list(people.values()) + list(described.values()) if p.mentions]
    return sorted(table, key=lambda p: p.mentions[0].start)


def _name_end(text: str, pos: int, ent: Entity) -> int:
    """End of the run of the person's name tokens starting at `pos` ("Budi Santoso" in "… Budi Santoso, …")."""
    end = pos
    for m in _NONSPACE_RE.finditer(text, pos, min(len(text), pos + 80)):
        if m.group(0).strip(_TRAIL_PUNCT) not in ent.tokens:
            break
        end = m.start() + len(m.group(0).rstrip(_TRAIL_PUNCT))
    return max(end, pos + 1)


_TRAIL_PUNCT = ",.;:!?”\"’)"
