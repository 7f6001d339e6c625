"""Input readers for `warta predict`: .txt files, folders, .jsonl, .csv and stdin.

Every input unit yields exactly one `Item`, in input order; a unit that cannot be read yields
an Item carrying an error instead of text, so one bad record never costs the others.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .html_text import html_to_text, looks_like_html

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
MAX_CHARS = 200_000  # ~30k words; longer is almost surely not one article (e.g. a dump or binary)
# Indonesian function words: a long text with almost none of them is not Indonesian.
ID_WORDS = frozenset("yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga oleh sebagai telah "
                     "karena bahwa ada atau kami kita mereka saat para tersebut agar serta dapat bagi sudah".split())
MIN_WORDS_FOR_LANG_CHECK = 30
MIN_ID_SHARE = 0.04


@dataclass
class Item:
    id: str
    text: str | None = None
    title: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    extracted: bool = False  # text was extracted from HTML: offsets refer to this text, so output it

    @property
    def ok(self) -> bool:
        return self.error_code is None


def _fail(id_: str, code: str, message: str) -> Item:
    return Item(id=id_, error_code=code, error_message=message)


def check_text(id_: str, text: object, title: str | None = None) -> Item:
    """Turn raw text into an Item, or an error Item for text no model should see."""
    if not isinstance(text, str):
        return _fail(id_, "bad_text", f"text must be a string, got {type(text).__name__}")
    if not text.strip():
        return _fail(id_, "empty_text", "text is empty")
    if len(text) > MAX_CHARS:
        return _fail(id_, "too_long", f"text has {len(text):,} characters (limit {MAX_CHARS:,})")
    if "\x00" in text:
        return _fail(id_, "binary", "text contains NUL bytes: binary data, not an article")
    words = text.lower().split()
    if len(words) >= MIN_WORDS_FOR_LANG_CHECK and sum(w.strip(".,;:!?\"“”()") in ID_WORDS for w in words) / len(words) < MIN_ID_SHARE:
        return _fail(id_, "not_indonesian", "text does not look Indonesian (almost no Indonesian function words)")
    return Item(id=id_, text=text, title=title if isinstance(title, str) else None)


def _decode(id_: str, raw: bytes) -> Item | str:
    if b"\x00" in raw[:8192]:
        return _fail(id_, "binary", "file looks binary (NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return _fail(id_, "bad_encoding", f"not UTF-8: {e}")


def read_text_file(path: Path, id_: str) -> Item:
    """One article per file; saved HTML pages are reduced to their visible text (kept on the Item)."""
    try:
        if path.stat().st_size > 4 * MAX_CHARS:
            return _fail(id_, "too_long", f"file has {path.stat().st_size:,} bytes (limit {4 * MAX_CHARS:,})")
        raw = path.read_bytes()
    except OSError as e:
        return _fail(id_, "unreadable", str(e))
    text = _decode(id_, raw)
    if isinstance(text, Item):
        return text
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        item = check_text(id_, html_to_text(text))
        item.extracted = True
        return item
    return check_text(id_, text)


def read_jsonl(lines: Iterable[bytes], source: str, text_key: str, id_key: str) -> Iterator[Item]:
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        fallback = f"{source}:{n}"
        line = _decode(fallback, raw)
        if isinstance(line, Item):
            yield line
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield _fail(fallback, "bad_json", f"malformed JSON line: {e}")
            continue
        if not isinstance(obj, dict):
            yield _fail(fallback, "bad_json", "JSON line is not an object")
            continue
        id_ = str(obj.get(id_key) or fallback)
        if text_key not in obj:
            yield _fail(id_, "missing_text", f"no {text_key!r} key")
            continue
        yield check_text(id_, obj[text_key], obj.get("title"))


def read_csv(path: Path, text_key: str, id_key: str) -> Iterator[Item]:
    """Rows streamed one at a time; a row that breaks the CSV grammar ends the file with one error item."""
    csv.field_size_limit(MAX_CHARS * 2)
    try:
        f = open(path, encoding="utf-8-sig", newline="", errors="strict")
    except OSError as e:
        yield _fail(str(path), "unreadable", str(e))
        return
    with f:
        n = 1
        try:
            reader = csv.DictReader(f)
            if text_key not in (reader.fieldnames or []):
                yield _fail(str(path), "missing_text", f"CSV has no {text_key!r} column (columns: {reader.fieldnames})")
                return
            for n, row in enumerate(reader, 2):
                yield check_text(str(row.get(id_key) or f"{path}:{n}"), row.get(text_key), row.get("title"))
        except (UnicodeDecodeError, csv.Error) as e:
            yield _fail(f"{path}:{n + 1}", "bad_csv", f"unreadable CSV from here on: {e}")


def iter_path(path: Path, text_key: str = "text", id_key: str = "id") -> Iterator[Item]:
    """Items of one path: a folder is walked recursively in sorted order."""
    if path.is_dir():
        for p in sorted(q for q in path.rglob("*") if q.is_file()):
            if p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | {".jsonl", ".csv"}:
                yield from iter_path(p, text_key, id_key)
        return
    suffix = path.suffix.lower()
    if not path.exists():
        yield _fail(str(path), "not_found", "no such file or folder")
    elif suffix == ".jsonl":
        with open(path, "rb") as f:
            yield from read_jsonl(f, str(path), text_key, id_key)
    elif suffix == ".csv":
        yield from read_csv(path, text_key, id_key)
    else:
        yield read_text_file(path, str(path))


def iter_inputs(inputs: list[str], text_key: str = "text", id_key: str = "id") -> Iterator[Item]:
    """Items of every input in order; "-" streams JSONL from stdin (or reads one plain article if not JSON)."""
    for inp in inputs:
        if inp == "-":
            stream = sys.stdin.buffer
            head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
            if head.lstrip()[:1] == b"{":
                yield from read_jsonl(stream, "stdin", text_key, id_key)
            else:
                text = _decode("stdin", stream.read(4 * MAX_CHARS + 1))
                yield text if isinstance(text, Item) else check_text("stdin", text)
        else:
            yield from iter_path(Path(inp), text_key, id_key)
