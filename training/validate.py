"""Validate the labeled corpus: schema, offsets, labels, duplicates and leakage across splits.

Every problem is reported as `file:line: message`, so an annotator can jump to it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .corpus import SPLITS
from .markup import KINDS, LABELS

NEAR_DUP = 0.80  # char-5-gram Jaccard at or above which two texts are near-duplicates
LEAK = 0.60  # lower bar across splits: a rewrite of a test article in train is leakage
MAX_SUMMARY_WORDS = 60


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def _check_span(text: str, span: object, what: str) -> list[str]:
    if not isinstance(span, dict):
        return [f"{what} must be an object with start, end, text"]
    s, e, t = span.get("start"), span.get("end"), span.get("text")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        return [f"{what} has bad offsets start={s!r} end={e!r} (text length {len(text)})"]
    if text[s:e] != t:
        return [f"{what} text {t!r} != text[{s}:{e}] {text[s:e]!r}"]
    return []


def _check_quote(text: str, q: object, n: int) -> list[str]:
    if not isinstance(q, dict):
        return [f"quotes[{n}] is not an object"]
    errs = _check_span(text, q, f"quotes[{n}]")
    if q.get("type") not in ("direct", "indirect"):
        errs.append(f"quotes[{n}].type must be direct or indirect, got {q.get('type')!r}")
    for key in ("cue", "speaker_mention"):
        if q.get(key) is not None:
            errs += _check_span(text, q[key], f"quotes[{n}].{key}")
    if not isinstance(q.get("speaker"), str) or not q["speaker"].strip():
        errs.append(f"quotes[{n}] has no speaker")
    if not isinstance(q.get("speaker_role"), str):
        errs.append(f"quotes[{n}].speaker_role must be a string")
    return errs


def check_record(rec: object) -> list[str]:
    """Schema problems of one article record (empty list when it is valid)."""
    if not isinstance(rec, dict):
        return ["record is not a JSON object"]
    errs = []
    for key, typ in (("id", str), ("title", str), ("text", str), ("labels", list), ("quotes", list), ("summary", str), ("meta", dict)):
        if not isinstance(rec.get(key), typ):
            errs.append(f"field {key!r} missing or not {typ.__name__}")
    if errs:
        return errs
    if not rec["text"].strip():
        errs.append("empty text")
    bad = [lab for lab in rec["labels"] if lab not in LABELS]
    if bad or len(set(rec["labels"])) != len(rec["labels"]):
        errs.append(f"labels {rec['labels']} must be distinct members of {list(LABELS)}")
    for n, q in enumerate(rec["quotes"]):
        errs += _check_quote(rec["text"], q, n)
    words = len(rec["summary"].split())
    if not 0 < words <= MAX_SUMMARY_WORDS:
        errs.append(f"summary has {words} words (1..{MAX_SUMMARY_WORDS})")
    meta = rec["meta"]
    for key in ("region", "date", "outlet", "group", "kind"):
        if not isinstance(meta.get(key), str) or not meta[key]:
            errs.append(f"meta.{key} missing")
    if meta.get("kind") in KINDS and (meta["kind"] == "positive") != bool(rec["labels"]):
        errs.append(f"meta.kind={meta['kind']} disagrees with labels {rec['labels']}")
    elif meta.get("kind") not in KINDS:
        errs.append(f"meta.kind must be one of {list(KINDS)}")
    if isinstance(meta.get("date"), str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"]):
        errs.append(f"meta.date {meta['date']!r} is not YYYY-MM-DD")
    return errs


def _shingle_jaccard(texts: list[str]) -> np.ndarray:
    """Pairwise Jaccard of character 5-gram sets; hashing keeps memory flat for any corpus size."""
    from sklearn.feature_extraction.text import HashingVectorizer

    vec = HashingVectorizer(analyzer="char", ngram_range=(5, 5), n_features=2**22, binary=True, norm=None, alternate_sign=False)
    x = vec.transform([" ".join(t.lower().split()) for t in texts])
    inter = (x @ x.T).toarray()
    sizes = np.asarray(x.sum(axis=1)).ravel()
    union = sizes[:, None] + sizes[None, :] - inter
    return inter / np.maximum(union, 1)


def _duplicates(rows: list[tuple[str, int, dict]]) -> list[Problem]:
    problems = []
    seen_ids: dict[str, tuple[str, int]] = {}
    for f, ln, r in rows:
        if r["id"] in seen_ids:
            problems.append(Problem(f, ln, f"id {r['id']!r} already used at {seen_ids[r['id']][0]}:{seen_ids[r['id']][1]}"))
        seen_ids.setdefault(r["id"], (f, ln))
    groups: dict[str, set[str]] = {}
    for f, _, r in rows:
        groups.setdefault(r["meta"]["group"], set()).add(Path(f).stem)
    for f, ln, r in rows:
        if len(groups[r["meta"]["group"]]) > 1:
            problems.append(Problem(f, ln, f"group {r['meta']['group']!r} straddles splits {sorted(groups[r['meta']['group']])}"))
    if len(rows) < 2:
        return problems
    sim = _shingle_jaccard([r["text"] for _, _, r in rows])
    i_idx, j_idx = np.triu_indices(len(rows), k=1)
    for i, j in zip(i_idx, j_idx):
        (fi, li, ri), (fj, lj, rj) = rows[i], rows[j]
        s = sim[i, j]
        if s >= NEAR_DUP:
            kind = "exact duplicate" if " ".join(ri["text"].split()) == " ".join(rj["text"].split()) else f"near-duplicate (Jaccard {s:.2f})"
            problems.append(Problem(fj, lj, f"{kind} of {ri['id']} at {fi}:{li}"))
        elif s >= LEAK and Path(fi).stem != Path(fj).stem:
            problems.append(Problem(fj, lj, f"leakage: Jaccard {s:.2f} with {ri['id']} in {fi}:{li}"))
    return problems


def _checked_lines(path: Path, check, problems: list[Problem]):
    """(line number, record) of every valid JSON line of `path`; invalid JSON and every message of
    `check(record)` go to `problems` as `file:line` entries, and such lines are not yielded."""
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(Problem(str(path), ln, f"invalid JSON: {e}"))
                continue
            errs = check(rec)
            problems += [Problem(str(path), ln, m) for m in errs]
            if not errs:
                yield ln, rec


def validate_dir(data_dir: Path) -> tuple[list[Problem], int]:
    """Validate data_dir/{train,dev,test}.jsonl; returns (problems, number of records read)."""
    problems: list[Problem] = []
    rows: list[tuple[str, int, dict]] = []
    for split in SPLITS:
        path = Path(data_dir) / f"{split}.jsonl"
        if not path.exists():
            problems.append(Problem(str(path), 0, "split file missing"))
            continue
        for ln, rec in _checked_lines(path, check_record, problems):
            rows.append((str(path), ln, rec))
    problems += _duplicates(rows)
    return problems, len(rows)


REAL_KEYS = {"id": str, "sha1": str, "labels": list, "kind": str, "doubt": str, "group": str, "split": str}


def _check_annotation(ann: object, pool: dict[str, dict] | None) -> list[str]:
    """Problems of one line of data/real/annotations.jsonl (pool None: the text is not at hand)."""
    if not isinstance(ann, dict):
        return ["annotation is not a JSON object"]
    errs = [f"field {k!r} missing or not {t.__name__}" for k, t in REAL_KEYS.items() if not isinstance(ann.get(k), t)]
    if errs:
        return errs
    bad = [lab for lab in ann["labels"] if lab not in LABELS]
    if bad or len(set(ann["labels"])) != len(ann["labels"]):
        errs.append(f"labels {ann['labels']} must be distinct members of {list(LABELS)}")
    if ann["kind"] not in KINDS or (ann["kind"] == "positive") != bool(ann["labels"]):
        errs.append(f"kind {ann['kind']!r} must be one of {list(KINDS)} and agree with labels {ann['labels']}")
    if ann["split"] not in SPLITS:
        errs.append(f"split {ann['split']!r} must be one of {list(SPLITS)}")
    if pool is None:
        return errs
    from .real import sha1, with_texts

    page = pool.get(ann["id"])
    if page is None:
        return errs + [f"real article {ann['id']} is missing from the pool"]
    if sha1(page["text"]) != ann["sha1"]:
        return errs + [f"real article {ann['id']}: pool text changed since annotation (sha1 mismatch)"]
    for n, q in enumerate(ann.get("quotes") or []):
        if any("text" in s for s in (q, q.get("cue") or {}, q.get("speaker_mention") or {})):
            errs.append(f"quotes[{n}] stores span text: real quotes keep offsets only (the words stay in the pool)")
        errs += _check_quote(page["text"], with_texts([q], page["text"])[0], n)
    if "summary" in ann and not 0 < len(str(ann["summary"]).split()) <= MAX_SUMMARY_WORDS:
        errs.append(f"summary must have 1..{MAX_SUMMARY_WORDS} words")
    return errs


def validate_real(data_dir: Path, real_dir: Path | None = None) -> tuple[list[Problem], int, str]:
    """Validate data/real/annotations.jsonl: schema, labels, splits, groups within one split, and
    (when the pool is present) sha1 and offsets against the pool text. Returns (problems, lines, note)."""
    from .real import ANNOTATIONS, RealDataError, default_real_dir, load_pool

    path = Path(data_dir) / ANNOTATIONS
    if not path.is_file():
        return [], 0, ""
    real_dir = Path(real_dir) if real_dir else default_real_dir()
    pool, note = None, ""
    try:
        pool = load_pool(real_dir)
    except RealDataError:
        note = f"real pool not found at {real_dir}: sha1 and offsets of the real annotations not checked"
    problems, split_of_group, seen = [], {}, {}
    for ln, ann in _checked_lines(path, lambda a: _check_annotation(a, pool), problems):
        if ann["id"] in seen:
            problems.append(Problem(str(path), ln, f"id {ann['id']!r} already annotated at line {seen[ann['id']]}"))
        seen.setdefault(ann["id"], ln)
        first = split_of_group.setdefault(ann["group"], (ann["split"], ln))
        if first[0] != ann["split"]:
            problems.append(Problem(str(path), ln, f"group {ann['group']!r} straddles splits ({first[0]} at line {first[1]}, {ann['split']} here)"))
    return problems, len(seen), note
