"""Build the labeled corpus: authored markup files -> data/{train,dev,test}.jsonl.

Splits are assigned per `meta.group` from a hash of the group name, so versions of one event
land in the same split and adding articles later never moves an existing article.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from warta.atomic import write_text_atomic
from warta.furniture import mask_furniture

from .markup import parse_file

SPLITS = ("train", "dev", "test")
SPLIT_BOUNDS = (0.70, 0.85)  # cumulative: train < 0.70 <= dev < 0.85 <= test


def split_of(group: str) -> str:
    """Stable split for a group: the first 8 bytes of its SHA-1 read as a fraction."""
    h = int.from_bytes(hashlib.sha1(group.encode("utf-8")).digest()[:8], "big") / 2**64
    return SPLITS[sum(h >= b for b in SPLIT_BOUNDS)]


def write_jsonl_atomic(path: Path, records: list[dict]) -> None:
    write_text_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def authored_records(authored_dir: Path) -> list[dict]:
    records = []
    for f in sorted(Path(authored_dir).glob("*.txt")):
        records.extend(parse_file(f))
    return records


def build(authored_dir: Path, out_dir: Path) -> dict[str, int]:
    """Parse every authored file and write one JSONL per split; returns counts per split."""
    by_split: dict[str, list[dict]] = {s: [] for s in SPLITS}
    for rec in authored_records(authored_dir):
        by_split[split_of(rec["meta"]["group"])].append(rec)
    for split, recs in by_split.items():
        recs.sort(key=lambda r: r["id"])
        write_jsonl_atomic(Path(out_dir) / f"{split}.jsonl", recs)
    return {s: len(r) for s, r in by_split.items()}


DATASET_FILES = ("*.parquet", "*.csv", "*.json", "*.jsonl", "data/*")
# `datasets` names the dev split "validation" when it infers splits from file names
SPLIT_NAMES = {"dev": ("dev", "validation")}
JSON_FIELDS = ("labels", "quotes", "meta")
HUB_ID = re.compile(r"[\w.-]+/[\w.-]+")


def load_split(data_dir: Path | str, split: str) -> list[dict]:
    """The records of one split.

    `data_dir/{split}.jsonl` (our corpus files) is read as plain JSON, exactly as written. Anything
    else goes through `datasets.load_dataset`: a hub dataset id (`org/name`, where the hub is
    reachable) or a local folder of Parquet/CSV/JSON files named by split (`train.*`, `dev.*` or
    `validation.*`, `test.*`). Their rows must follow data/README.md's schema; in CSV, `labels`,
    `quotes` and `meta` are JSON strings.
    """
    path = Path(data_dir)
    if (path / f"{split}.jsonl").is_file():
        return read_jsonl(path / f"{split}.jsonl")
    local = path.is_dir() and any(next(path.glob(p), None) for p in DATASET_FILES)
    if local or (not path.exists() and HUB_ID.fullmatch(str(data_dir))):
        return load_dataset_split(str(data_dir), split)
    return read_jsonl(path / f"{split}.jsonl")  # FileNotFoundError naming the file


def load_dataset_split(name: str, split: str) -> list[dict]:
    """One split of a `datasets` dataset as corpus records (see load_split)."""
    import datasets
    from datasets.utils import are_progress_bars_disabled, disable_progress_bars, enable_progress_bars

    quiet = are_progress_bars_disabled()
    disable_progress_bars()
    try:
        last: Exception | None = None
        for candidate in SPLIT_NAMES.get(split, (split,)):
            try:
                rows = datasets.load_dataset(name, split=candidate)
            except ValueError as e:  # an unknown split name: try the next spelling
                last = e
                continue
            return [record_from_row(row) for row in rows]
        raise FileNotFoundError(f"dataset {name} has no {split} split ({last})")
    finally:
        if not quiet:
            enable_progress_bars()


def record_from_row(row: dict) -> dict:
    """A corpus record from a dataset row: JSON-string columns decoded, and the nulls Arrow fills
    in for keys a row did not have dropped from `meta` (a null `meta.has_quotes` would read as
    "quotes not annotated")."""
    rec = dict(row)
    for key in JSON_FIELDS:
        if isinstance(rec.get(key), str):
            rec[key] = json.loads(rec[key])
    if isinstance(rec.get("meta"), dict):
        rec["meta"] = {k: v for k, v in rec["meta"].items() if v is not None}
    if rec.get("quotes") is None:
        rec["quotes"] = []
    return rec


def without_furniture(records: list[dict]) -> list[dict]:
    """Records as the predictor reads them: page furniture blanked, so the model never learns from
    related-headline lists (the blanking keeps lengths, so quote spans stay valid)."""
    return [{**r, "text": mask_furniture(r["text"])} for r in records]
