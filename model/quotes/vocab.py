"""The quote rules' word lists, read from the shared lexicon (model/lexicon.json).

Only derived forms are built here (sets, the rank pattern, alternations); the words
themselves live in the data file.
"""

from __future__ import annotations

import re

from .. import lexicon

_CUES = lexicon.section("cues")
_PEOPLE = lexicon.section("people")

# Short attribution verbs used after a quote ("ujar X", "ujarnya").
_SHORT_CUES: list[str] = _CUES["short"]
# Full meN-/ber- speech verbs used before a quote or for indirect speech.
_LONG_CUES: list[str] = _CUES["long"]
# Verbs set off by commas inside reported speech, and di- verbs that open it.
_INSERTED_CUES: list[str] = _CUES["inserted"]
_PASSIVE_CUES: list[str] = _CUES["passive"]
# Words that may follow a cue after an unquoted statement ("…, ujarnya saat ditemui"); any other word continues the statement.
_AFTER_TRAILING_CUE = set(_CUES["after_trailing_cue"])
# Verbs whose bare object is the thing said ("mengatakan untuk pengamanan …"), and words that start no such object.
_SAY_VERBS = set(_CUES["say_verbs"])
_NOT_SAID = set(_CUES["not_said"])
_CLAUSE_PREPOSITIONS = set(_CUES["clause_prepositions"])  # "mengatakan dengan adanya pola itu … akan aman"
# "menyampaikan apresiasinya": a speech act with no statement, whose speaker often speaks next.
_SPEECH_ACT_OBJECTS = set(_CUES["speech_act_objects"])
_CUE_WORDS = set(_SHORT_CUES) | {w + "nya" for w in _SHORT_CUES} | set(_LONG_CUES) | {"menurut", "menurutnya"}


def alternation(words: list[str]) -> str:
    """A regex alternation of the words, longest first, so a longer word wins over its prefix."""
    return "|".join(sorted(set(words), key=len, reverse=True))


_SHORT_CUE_ALT = alternation(_SHORT_CUES)
_LONG_CUE_ALT = alternation(_LONG_CUES)
# Verbs whose bare object is usually a noun phrase, not reported speech ("memaparkan jadwal").
_BARE_OBJECT_VERBS = set(_CUES["bare_object_verbs"])
# Verbs whose content often starts with its own predicate ("mengaku mendapat …", "berjanji menambah …").
_STANCE_VERBS = set(_CUES["stance_verbs"])
_DIRECTIVE_VERBS = set(_CUES["directive_verbs"])
# Verbs that ask people for something, and the words their addressee is made of ("meminta seluruh
# jajarannya menjaga …": the addressee is not part of what was asked).
_ASKING_VERBS = set(_CUES["asking_verbs"])
_ADDRESSEES = set(_CUES["addressees"])
_SKIP_BEFORE_VERB = set(_CUES["adverbs_before_verb"])
# Lower-case subjects that speak as a group ("massa meminta KPU agar …", "Sejumlah warga mengaku …").
_COLLECTIVE = set(_CUES["collective_speakers"])
_NOT_A_PLAIN_OBJECT = set(_CUES["not_a_plain_object"])
_DEPUTY_VERBS = set(_CUES["deputy_verbs"])


def _is_cue_word(w: str) -> bool:
    return w.lower() in _CUE_WORDS


def _rank_pattern(r: dict) -> str:
    """Ranks as one regex alternation, longest forms first so an unanchored search takes the whole rank:
    'Inspektur Jenderal Polisi', 'Kombes Pol.', 'Kombes.Pol.', 'Brigjen TNI', 'AKBP.', 'Letkol Inf' …"""
    spelled = [r"\s+".join(p.split()) for p in sorted(r["spelled"], key=len, reverse=True)]
    # a retired officer's rank keeps its "(Purn.)": "Jenderal Polisi (Purn.) Prof. Drs. X"
    return "(?:" + (
        "|".join(spelled) + "|"
        + "|".join(rf"{w}(?:\.\s*|\s+)Pol\.?" for w in r["with_pol"]) + "|" + "|".join(rf"{w}\s+TNI" for w in r["with_tni"]) + "|"
        + "(?:" + "|".join(r["plain"]) + r")\.?|(?:" + "|".join(r["army"]) + r")\.?(?:\s+(?:" + "|".join(r["army_corps"]) + r")\.?)?"
    ) + r")(?:\s+\(Purn\.?\))?"


RANK_PATTERN = _rank_pattern(_PEOPLE["ranks"])
_RANK_RE = re.compile(rf"^(?:{RANK_PATTERN})$")
# "Direktur Jenderal …", "Sekretaris Jenderal …": a title, not the rank Jenderal.
_NOT_BEFORE_JENDERAL = set(_PEOPLE["ranks"]["not_before_jenderal"])
# Degrees written without dots ("AKBP X, SIK, MH"); dotted ones are recognised by shape.
_DEGREES = set(_PEOPLE["degrees"])
# Position titles: the head of a role phrase ("Kapolres Tana Toraja", "Ketua KPU Bone").
_ROLE_HEADS: list[str] = _PEOPLE["role_heads"]
_ROLE_HEAD_SET = set(_ROLE_HEADS)
_PRONOUNS = set(_PEOPLE["pronouns"])
# Capitalised words that never start a mention after a cue ("kata Kapolres Senin …").
_STOP_CAP = set(_PEOPLE["not_a_name_start"])
# Abbreviations whose dot does not end a sentence and which may sit inside a name.
_ABBR = set(_PEOPLE["name_abbreviations"])
# Honorifics kept at the front of the fullest name (gold writes "Drs. H. X", "Pendeta X", "KH X").
_HONOR = set(_PEOPLE["honorifics"])
_PARTICLES = set(_PEOPLE["particles"])
# Words that start capitalised runs which are not people.
_NON_PERSON = set(_PEOPLE["non_person"])
# Capitalised sentence openers that never start a name ("Menurut Frans", "Sementara itu").
_FUNC_CAPS = set(_PEOPLE["function_caps"]) | {w.capitalize() for w in _SHORT_CUES}  # "Kata Heri, …"
_NAME_PREFIX = set(_PEOPLE["name_prefixes"])
_ORG_WORDS = set(_PEOPLE["org_words"])
_DIRECTIONS = set(_PEOPLE["directions"])
# Province names and their abbreviations: places in any article ("Ketua KPU DKI Jakarta Wahyu Dinata").
_PROVINCES = frozenset(_PEOPLE["provinces"])
_ROLE_QUALIFIERS = set(_PEOPLE["role_qualifiers"])
# Units and titles written with their number ("Dandim 0818", "Yonif 725/Woroagi"): the number stays in the title.
_NUMBERED_UNITS = set(_PEOPLE["numbered_units"])
_HONORIFIC_LEADS = set(_PEOPLE["honorific_leads"])
# Words before a title that make it an office being contested ("Pilkada Bupati …"), not a person.
_OFFICE_CONTEXT: list[str] = _PEOPLE["office_contexts"]
# Spelled-out titles → the short title used alone later ("Kepala Kepolisian Daerah" → "Kapolda"), longest first.
_ROLE_ALIASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, k.split())) + r"(?!\w)"), v)
    for k, v in sorted(((k, v) for k, v in _PEOPLE["role_aliases"].items() if not k.startswith("_")), key=lambda kv: -len(kv[0]))
]
