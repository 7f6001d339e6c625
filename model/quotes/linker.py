"""Speaker linking as a learned step: the rules propose people, a small linear model decides.

For each quote the candidates are the article's people (people.py: every named person and every
never-named title holder) plus the rules' own answer when it is not one of them. Each
(quote, candidate) pair is described by rule features only (distance to the candidate's nearest
mention, whether the mention at the cue is one of the candidate's, whether the candidate is the
paragraph's subject or the previous quote's speaker, the rules' choice …); a logistic model
scores the pairs and the best one speaks. The model is plain numbers in `speaker_linker.json`
in the checkpoint folder (feature names, coefficients, intercept, version), never a pickle;
without the file, speakers stay the rules' (see `load_linker`). Trained by
`python -m warta_training.speaker_linker`.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .names import _name_tokens, _rank_at, _similar, _split_run
from .people import Person, people_table
from .text import _SPLIT_WORDS_RE, _paragraphs, _tidy, unwrap
from .vocab import _HONOR, _NON_PERSON, _ORG_WORDS, _PRONOUNS, _PROVINCES, _RANK_RE, _ROLE_HEAD_SET

LINKER_FILE = "speaker_linker.json"
LINKER_VERSION = 1

# How the quote is attributed at its cue; each kind gets its own weights for the pair features.
MENTION_KINDS = ("none", "pronoun", "title", "org", "name")
PAIR_FEATURES = ("cue_mention", "rules_choice", "prev_speaker", "para_subject", "near_before", "has_rank", "multiword")
BASE_FEATURES = (
    "rules_choice", "prev_speaker", "cue_mention", "para_subject", "log_dist", "no_mention_before",
    "same_para_before", "para_gap", "after_in_para", "mention_count", "named", "has_role", "first_person",
    "not_in_table", "indirect", "has_rank", "multiword", "one_word", "org_or_place", "odd_chars", "honorific",
    "mention_overlap", "title_role_match", "cued_before", "last_cued",
)
FEATURES = BASE_FEATURES + tuple(f"{k}*{f}" for k in MENTION_KINDS for f in PAIR_FEATURES)


class LinkerError(ValueError):
    """The speaker-linker file exists but cannot be used (bad JSON, other version, wrong shape)."""


@dataclass(frozen=True)
class SpeakerLinker:
    """A logistic scorer over named features: score = intercept + Σ coef·feature."""

    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float

    def score(self, x: dict[str, float]) -> float:
        return self.intercept + sum(c * x.get(f, 0.0) for f, c in zip(self.features, self.coef))

    def to_dict(self, **extra: object) -> dict:
        return {"version": LINKER_VERSION, "kind": "logistic", "features": list(self.features),
                "coef": list(self.coef), "intercept": self.intercept, **extra}

    @classmethod
    def from_dict(cls, d: object, where: str = "speaker linker") -> "SpeakerLinker":
        """Validate and build; every problem is a LinkerError that names the file and the field."""
        if not isinstance(d, dict):
            raise LinkerError(f"{where}: expected a JSON object")
        if d.get("version") != LINKER_VERSION or d.get("kind") != "logistic":
            raise LinkerError(f"{where}: version {d.get('version')!r} kind {d.get('kind')!r}; "
                              f"this warta reads version {LINKER_VERSION} 'logistic' (retrain with python -m warta_training.speaker_linker)")
        feats, coef, icpt = d.get("features"), d.get("coef"), d.get("intercept")
        if not isinstance(feats, list) or not isinstance(coef, list) or len(feats) != len(coef) or not feats:
            raise LinkerError(f"{where}: 'features' and 'coef' must be lists of the same non-zero length")
        unknown = sorted(set(feats) - set(FEATURES))
        if unknown:
            raise LinkerError(f"{where}: unknown features {unknown}")
        nums = [*coef, icpt]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in nums):
            raise LinkerError(f"{where}: 'coef' and 'intercept' must be finite numbers")
        return cls(tuple(feats), tuple(float(c) for c in coef), float(icpt))


def load_linker(model_dir: str | Path | None) -> SpeakerLinker | None:
    """The linker stored in a checkpoint folder; None when the folder has none (the rules decide)."""
    if model_dir is None:
        return None
    path = Path(model_dir) / LINKER_FILE
    if not path.is_file():
        return None
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise LinkerError(f"{path}: unreadable speaker linker: {e}") from None
    return SpeakerLinker.from_dict(d, str(path))


@dataclass
class Candidate:
    """One possible speaker of one quote, with the (speaker, role) it would give and its features."""

    speaker: str
    role: str
    features: dict[str, float]


def _norm(s: str) -> str:
    return " ".join(s.split())


def mention_kind(text: str, mention: dict | None) -> str:
    """'none', 'pronoun' (ia, dia, -nya …), 'title' (a title without a name), 'org' (an institution
    speaking: "Bawaslu", "Polresta Bukittinggi") or 'name'."""
    if not mention:
        return "none"
    mtxt = _tidy(mention["text"])
    if mtxt.lower() in _PRONOUNS:
        return "pronoun"
    words = [w for w in _SPLIT_WORDS_RE.split(mtxt) if w]
    role_w, person_w, _ = _split_run(words, frozenset(), frozenset())
    if role_w and not person_w:
        return "title"
    if words and words[0] in _ORG_WORDS | _NON_PERSON or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        return "org"
    return "name"


class _Article:
    """Per-article context for the features: paragraphs and the people table."""

    def __init__(self, text: str):
        self.text = text
        self.paras = _paragraphs(text) or [(0, len(text))]
        self.para_starts = [s for s, _ in self.paras]
        self.people = people_table(text)

    def para_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def subject_before(self, pos: int) -> Person | None:
        """First person named in the latest paragraph, up to `pos`, that names anyone."""
        best: tuple[int, int, Person] | None = None  # (paragraph, -start) of the first mention
        for p in self.people:
            for m in p.mentions:
                if m.start >= pos:
                    break
                key = (self.para_index(m.start), -m.start)
                if best is None or key > best[:2]:
                    best = (*key, p)
        return best[2] if best else None


def _string_features(full: str, role: str) -> dict[str, float]:
    """Does the candidate's text look like a person's name (rank, several name words) or like junk
    the table picked up (a place, an organisation, '***', a lone word)?"""
    words = [w for w in _SPLIT_WORDS_RE.split(full) if w]
    ranked = any(_rank_at(words, i) for i in range(len(words)))
    return {
        "has_rank": float(ranked),
        "multiword": float(len(_name_tokens(words)) >= 2),
        "one_word": float(len(words) == 1),
        "org_or_place": float(any(w in _NON_PERSON or w in _PROVINCES or w in _ORG_WORDS for w in words) and not ranked),
        "odd_chars": float(bool(_ODD_RE.search(full))),
        "honorific": float(bool(words) and words[0] in _HONOR),
    }


_ODD_RE = re.compile(r"[*#@/\d]|\.\w*\.\w|\(")


def _mention_features(kind: str, mention: dict | None, full: str, role: str) -> dict[str, float]:
    """How well the words at the cue fit the candidate: name tokens (fuzzy) or the title's head word in its role."""
    if not mention or kind in ("none", "pronoun"):
        return {}
    mwords = [w.strip(".,*") for w in _SPLIT_WORDS_RE.split(_tidy(mention["text"])) if w.strip(".,*")]
    cwords = [w for w in _SPLIT_WORDS_RE.split(f"{full} {role}") if w]
    if kind == "title":
        head = next((w for w in mwords if w in _ROLE_HEAD_SET), mwords[0] if mwords else "")
        return {"title_role_match": float(bool(head) and head in cwords)}
    toks = [w for w in mwords if w[:1].isupper() and w not in _ROLE_HEAD_SET and not _RANK_RE.match(w)]
    if not toks:
        return {}
    hit = sum(any(_similar(t, c) for c in cwords) for t in toks)
    return {"mention_overlap": hit / len(toks)}


def _pair_features(art: _Article, q: dict, kind: str, person: Person | None, rules: str, prev: str,
                   subject: Person | None, cued: list[dict]) -> dict[str, float]:
    """Features of one (quote, candidate) pair; `person` None is the rules' answer outside the table."""
    full = person.full if person else rules
    x: dict[str, float] = {"rules_choice": float(_norm(full) == _norm(rules)), "prev_speaker": float(bool(prev) and _norm(full) == _norm(prev)),
                           "indirect": float(q["type"] == "indirect")}
    qpara = art.para_index(q["start"])
    if person is None:
        x.update(not_in_table=1.0, no_mention_before=1.0, log_dist=1.0, para_gap=1.0)
    else:
        mentions = person.mentions
        cue = q.get("speaker_mention")
        before = [m for m in mentions if m.end <= q["start"]]
        near = before[-1] if before else None
        d = q["start"] - near.end if near else None
        x.update(
            cue_mention=float(bool(cue) and _holds(person, cue)),
            para_subject=float(subject is person),
            log_dist=min(1.0, math.log1p(d) / 8) if d is not None else 1.0,
            no_mention_before=float(near is None),
            same_para_before=float(near is not None and art.para_index(near.start) == qpara),
            para_gap=min(5, qpara - art.para_index(near.start)) / 5 if near else 1.0,
            after_in_para=float(any(q["end"] <= m.start and art.para_index(m.start) == art.para_index(q["end"]) for m in mentions)),
            mention_count=math.log1p(len(mentions)) / 3,
            named=float(person.named),
            has_role=float(bool(person.role) and person.named),
            first_person=float(art.people[0] is person),
            near_before=float(d is not None and d < 300),
            cued_before=float(any(_holds(person, c) for c in cued)),
            last_cued=float(bool(cued) and _holds(person, cued[-1])),
        )
    x.update(_string_features(full, person.role if person else ""))
    x.update(_mention_features(kind, q.get("speaker_mention"), full, person.role if person else ""))
    for f in PAIR_FEATURES:
        x[f"{kind}*{f}"] = x.get(f, 0.0)
    return x


def _holds(person: Person, mention: dict) -> bool:
    """Whether one of the person's mentions overlaps a cue's speaker mention."""
    return any(m.start < mention["end"] and mention["start"] < m.end for m in person.mentions)


def candidates(text: str, quotes: list[dict], rules: list[tuple[str, str]],
               choose: Callable[[list[Candidate]], Candidate] | None = None) -> list[list[Candidate]]:
    """For each quote: the rules' answer first, then every other person of the article.

    `cued` keeps the speaker mentions of earlier quotes that name someone (not a pronoun): the
    person an article last quoted by name is who "-nya" and "ia" usually continue, however many
    other people were mentioned in between (last_cued, cued_before). With `choose`, the previous
    speaker (prev_speaker) is the one `choose` picked for the previous quote, not the rules' one,
    so one wrong rule answer does not carry down a chain of "-nya" quotes."""
    text = unwrap(text)  # the text extract_quotes read (same offsets)
    art = _Article(text)
    out: list[list[Candidate]] = []
    prev = ""
    cued: list[dict] = []
    for q, (spk, role) in zip(quotes, rules):
        mention = q.get("speaker_mention")
        kind = mention_kind(text, mention)
        subject = art.subject_before(q["start"])
        cands: list[Candidate] = []
        mine = next((p for p in art.people if _norm(p.full) == _norm(spk)), None)
        cands.append(Candidate(spk, role, _pair_features(art, q, kind, mine, spk, prev, subject, cued)))
        for p in art.people:
            if p is not mine:
                cands.append(Candidate(p.full, p.role, _pair_features(art, q, kind, p, spk, prev, subject, cued)))
        out.append(cands)
        prev = choose(cands).speaker if choose else spk
        if kind in ("name", "title", "org"):
            cued.append(mention)
    return out


def link_speakers(text: str, quotes: list[dict], rules: list[tuple[str, str]], linker: SpeakerLinker) -> list[tuple[str, str]]:
    """The linker's (speaker, role) per quote: the best-scoring candidate, the rules' answer on ties."""
    def best(cands: list[Candidate]) -> Candidate:
        return max(cands, key=lambda c: linker.score(c.features))  # max keeps the first (the rules') on ties

    return [(c.speaker, c.role) for c in map(best, candidates(text, quotes, rules, best))]
