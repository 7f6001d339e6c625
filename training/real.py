"""The annotation layer over real news pages: our labels in the repo, the text in ../shared/real.

Third-party sentences never enter this repository. `data/real/annotations.jsonl` holds one line
per pool article (`id`, `sha1` of the pool text it was made on, `labels`, `kind`, `doubt`,
`group`, `split`, and optionally `quotes` / `summary` with offsets into the pool text); this
module joins it with `pages.jsonl` into records of the corpus schema (`data/README.md`).

A record made here carries `meta.source == "real"`; a record without `quotes` or `summary`
annotations says so (`meta.has_quotes`, `meta.has_summary`), so training masks those losses and
evaluation leaves those records out of quote and summary metrics instead of reading "no quotes".
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ANNOTATIONS = Path("real") / "annotations.jsonl"  # relative to the data folder
ENV_REAL_DIR = "WARTA_REAL_DIR"


class RealDataError(ValueError):
    """The annotation layer and the pool text disagree (changed or missing text), or a file is unreadable."""


def default_real_dir() -> Path:
    """`$WARTA_REAL_DIR`, else `../shared/real` beside the checkout (where CI and sessions find it)."""
    return Path(os.environ.get(ENV_REAL_DIR) or REPO.parent / "shared" / "real")


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_jsonl(path: Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise RealDataError(f"{path}:{n}: invalid JSON: {e}") from None
    return out


def load_pool(real_dir: Path) -> dict[str, dict]:
    """pages.jsonl by id."""
    path = Path(real_dir) / "pages.jsonl"
    if not path.is_file():
        raise RealDataError(f"{path} not found: the real page pool is needed to join the annotations")
    return {p["id"]: p for p in read_jsonl(path)}


def load_annotations(data_dir: Path) -> list[dict]:
    path = Path(data_dir) / ANNOTATIONS
    return read_jsonl(path) if path.is_file() else []


def with_texts(quotes: list[dict], text: str) -> list[dict]:
    """Quote annotations with their span texts filled in from the pool text.

    The repository stores real quotes as offsets only (`start`, `end`, and `{start, end}` for cue
    and speaker mention): the words are the publisher's and stay in the pool."""
    def span(s: dict | None) -> dict | None:
        return None if s is None else {"start": s["start"], "end": s["end"], "text": text[s["start"] : s["end"]]}

    return [{**q, "text": text[q["start"] : q["end"]], "cue": span(q.get("cue")), "speaker_mention": span(q.get("speaker_mention"))}
            for q in quotes]


def to_record(ann: dict, page: dict) -> dict:
    """One corpus-schema record from an annotation line and its pool page (sha1 checked)."""
    if sha1(page["text"]) != ann["sha1"]:
        raise RealDataError(f"real article {ann['id']}: the pool text changed since it was annotated "
                            f"(sha1 {sha1(page['text'])[:12]}… != annotated {ann['sha1'][:12]}…); re-check its annotation")
    has_quotes, has_summary = "quotes" in ann, bool(ann.get("summary"))
    return {
        "id": ann["id"],
        "title": page.get("title") or "",
        "text": page["text"],
        "labels": list(ann["labels"]),
        "quotes": with_texts(ann.get("quotes") or [], page["text"]),
        "summary": ann.get("summary") or "",
        "meta": {"kind": ann["kind"], "group": ann["group"], "split": ann["split"], "doubt": ann.get("doubt", ""),
                 "source": "real", "url": page.get("url", ""), "has_quotes": has_quotes, "has_summary": has_summary},
    }


def join(annotations: list[dict], pool: dict[str, dict]) -> list[dict]:
    """Records for every annotation; a pool article that is missing or changed is an error naming its id."""
    out = []
    for ann in annotations:
        page = pool.get(ann["id"])
        if page is None:
            raise RealDataError(f"real article {ann['id']} is annotated but missing from the pool")
        out.append(to_record(ann, page))
    return out


def real_split(data_dir: Path, split: str, real_dir: Path | None = None) -> tuple[list[dict], str]:
    """(records of one split, a note of what was skipped: "" when nothing was).

    Without the pool (a checkout with no ../shared/real) the real layer is skipped, never faked:
    the note says so and callers print it.
    """
    anns = [a for a in load_annotations(data_dir) if a["split"] == split]
    if not anns:
        return [], ""
    real_dir = Path(real_dir) if real_dir else default_real_dir()
    if not (real_dir / "pages.jsonl").is_file():
        return [], f"skipped {len(anns)} real {split} articles: no pool at {real_dir}/pages.jsonl (set {ENV_REAL_DIR})"
    return join(anns, load_pool(real_dir)), ""


def has_quotes(record: dict) -> bool:
    """Whether the record's quotes were annotated (authored records always are)."""
    return record.get("meta", {}).get("has_quotes", True)


def has_summary(record: dict) -> bool:
    return record.get("meta", {}).get("has_summary", True)
