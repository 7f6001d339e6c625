"""What `--resume` may keep: OUT.partial and its journal OUT.partial.meta.

Why a journal: `--resume` must never glue records of another run onto the partial. The journal's
first line is a fingerprint of what decides the records (the inputs as given, the model's files,
the options that change a record); every later line is a checkpoint, written once a block of
records is on disk: how many records, how many bytes, how many errors, and a digest of the input
items behind them. Resuming compares the fingerprint before any work and the digest of the items
it skips, so a partial made from other inputs, other options, another model, or inputs that
changed since is refused instead of mixed in; what it keeps ends exactly at a checkpoint, so a
torn last line (killed mid-write) is dropped and no record is lost or duplicated.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .atomic import write_text_atomic
from .readers import Item

JOURNAL_VERSION = 1


class ResumeRefused(Exception):
    """The partial cannot be continued with this command; the message says why and what to do."""


@dataclass(frozen=True)
class Checkpoint:
    records: int
    errors: int
    size: int  # bytes of OUT.partial holding exactly those records
    digest: str  # ItemDigest of the input items behind them


def model_identity(folder: Path) -> dict[str, list[int]]:
    """Size and modification time of each file of a checkpoint folder: another or a retrained model differs."""
    out = {}
    for p in sorted(Path(folder).iterdir()):
        if p.is_file():
            st = p.stat()
            out[p.name] = [st.st_size, st.st_mtime_ns]
    return out


def fingerprint(inputs: list[str], model: Path, options: dict) -> dict:
    from . import __version__

    try:
        model_files = model_identity(model)
    except OSError:
        model_files = {}  # the model load reports it
    return {"warta_resume": JOURNAL_VERSION, "warta": __version__, "inputs": inputs,
            "model": str(Path(model).resolve()), "model_files": model_files, **options}


class ItemDigest:
    """Running SHA-256 over the items read so far: what each record was made from."""

    def __init__(self) -> None:
        self._h = hashlib.sha256()
        self.count = 0

    def update(self, item: Item) -> None:
        self._h.update(json.dumps([item.id, item.text, item.error_code, item.extracted], ensure_ascii=True).encode() + b"\n")
        self.count += 1

    def hexdigest(self) -> str:
        return self._h.hexdigest()

    def wrap(self, items: Iterator[Item]) -> Iterator[Item]:
        for it in items:
            self.update(it)
            yield it


class Journal:
    """The append-only checkpoint log beside OUT.partial."""

    def __init__(self, path: Path):
        self.path = path
        self._f = None

    def start(self, header: dict) -> None:
        """A fresh journal: the fingerprint line and the empty checkpoint."""
        first = Checkpoint(0, 0, 0, ItemDigest().hexdigest())
        write_text_atomic(self.path, json.dumps(header, ensure_ascii=True) + "\n" + _line(first))

    def append(self, cp: Checkpoint) -> None:
        if self._f is None:
            self._f = open(self.path, "a", encoding="utf-8")
        self._f.write(_line(cp))
        self._f.flush()
        os.fsync(self._f.fileno())

    def close(self) -> None:
        if self._f is not None:
            self._f.close()
            self._f = None

    def read(self) -> tuple[dict, list[Checkpoint]]:
        """Fingerprint and checkpoints; a torn last line is ignored, anything else unreadable refuses."""
        try:
            lines = self.path.read_bytes().split(b"\n")[:-1]  # the part after the last newline is torn
            header = json.loads(lines[0])
            cps = [Checkpoint(**json.loads(ln)) for ln in lines[1:]]
        except (OSError, IndexError, ValueError, TypeError) as e:
            raise ResumeRefused(f"{self.path.name} is unreadable ({type(e).__name__}); rerun without --resume to start over") from e
        if not isinstance(header, dict) or header.get("warta_resume") != JOURNAL_VERSION or not cps:
            raise ResumeRefused(f"{self.path.name} is not a warta resume journal; rerun without --resume to start over")
        return header, cps


def _line(cp: Checkpoint) -> str:
    return json.dumps({"records": cp.records, "errors": cp.errors, "size": cp.size, "digest": cp.digest}) + "\n"


def differences(saved: dict, now: dict) -> list[str]:
    return [k for k in sorted(set(saved) | set(now)) if saved.get(k) != now.get(k)]


def usable_checkpoint(cps: list[Checkpoint], partial_size: int) -> Checkpoint:
    """The last checkpoint the partial still holds in full."""
    return max((cp for cp in cps if cp.size <= partial_size), key=lambda cp: cp.records)


def skip_verified(items: Iterator[Item], digest: ItemDigest, cp: Checkpoint) -> None:
    """Read past the items the partial already answers, checking they are the ones it was made from."""
    for _ in range(cp.records):
        if next(items, None) is None:
            raise ResumeRefused(f"the inputs hold {digest.count} records, the partial {cp.records}: they are not the inputs "
                                "it was made from; rerun without --resume to start over")
    if digest.hexdigest() != cp.digest:
        raise ResumeRefused(f"the first {cp.records} input records differ from those the partial was made from "
                            "(inputs changed, or other inputs); rerun without --resume to start over")
