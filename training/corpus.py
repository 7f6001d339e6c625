"""Build the labeled corpus: authored markup files -> data/{train,dev,test}.jsonl.

Splits are assigned per `meta.group` from a hash of the group name, so versions of one event
land in the same split and adding articles later never moves an existing article.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from warta.atomic import write_text_atomic

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


def load_split(data_dir: Path, split: str) -> list[dict]:
    return read_jsonl(Path(data_dir) / f"{split}.jsonl")
