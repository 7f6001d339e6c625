"""Input readers for `warta predict`: .txt and .html files, folders, .jsonl, .csv and stdin.

Every input unit (a file, a JSONL line, a CSV row, an unreadable folder) yields exactly one
`Item`, in input order; a unit that cannot be read yields an Item carrying an error instead of
text, so one bad record never costs the others. Memory stays bounded: no unit is read past
`MAX_RAW_BYTES`, whatever the input holds.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from .html_text import html_to_text, looks_like_html

FORMATS = ("jsonl", "csv", "txt", "html")
SUFFIX_FORMAT = {".txt": "txt", ".text": "txt", ".md": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".csv": "csv"}
TEXT_SUFFIXES = {s for s, f in SUFFIX_FORMAT.items() if f == "txt"}
HTML_SUFFIXES = {s for s, f in SUFFIX_FORMAT.items() if f == "html"}
MAX_CHARS = 200_000  # ~30k words; longer is almost surely not one article (e.g. a dump or binary)
# One raw unit (a saved page, a JSONL line, a CSV record) is read up to this many bytes. Saved
# pages carry scripts, styles and inline images, so the article limit (MAX_CHARS) applies to the
# text extracted from them, not to their bytes; this cap only keeps memory bounded.
MAX_RAW_BYTES = 32 * 2**20
BOM = codecs.BOM_UTF8
# Indonesian function words: a long text with almost none of them is not Indonesian.
ID_WORDS = frozenset("yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga oleh sebagai telah "
                     "karena bahwa ada atau kami kita mereka saat para tersebut agar serta dapat bagi sudah".split())
MIN_WORDS_FOR_LANG_CHECK = 30
MIN_ID_SHARE = 0.04
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(s: str) -> str:
    """`s` as valid Unicode, so it can be written as UTF-8: a byte that was not UTF-8 (a file name
    decoded by the OS with surrogate escapes) becomes the four characters \\xNN, any other unpaired
    surrogate (e.g. from a JSON "\\ud800" escape) becomes \\uXXXX."""
    if not _SURROGATE.search(s):
        return s

    def escape(m: re.Match) -> str:
        c = ord(m.group())
        return f"\\x{c - 0xDC00:02x}" if 0xDC80 <= c <= 0xDCFF else f"\\u{c:04x}"

    return _SURROGATE.sub(escape, s)


@dataclass
class Item:
    id: str
    text: str | None = None
    title: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    extracted: bool = False  # text was extracted from HTML: offsets refer to this text, so output it

    def __post_init__(self) -> None:
        # every id reaches the output, and the output is UTF-8: escape what is not valid Unicode
        self.id = printable(str(self.id))
        if self.error_message is not None:
            self.error_message = printable(self.error_message)

    @property
    def ok(self) -> bool:
        return self.error_code is None


def _fail(id_: str, code: str, message: str) -> Item:
    return Item(id=id_, error_code=code, error_message=message)


def text_problem(text: object, screen_language: bool = True) -> tuple[str, str] | None:
    """(code, message) when `text` is no article for the model to read, else None.

    Shared by the CLI readers and `Predictor.predict`, so both refuse the same texts the same way;
    screen_language adds the CLI's screen for junk files (text that does not look Indonesian),
    which the API leaves to its caller.
    """
    if not isinstance(text, str):
        return "bad_text", f"text must be a string, got {type(text).__name__}"
    if len(text) > MAX_CHARS:  # before any pass over the text: a huge string costs nothing more
        return "too_long", f"text has {len(text):,} characters (limit {MAX_CHARS:,})"
    if not text.strip():
        return "empty_text", "text is empty"
    if "\x00" in text:
        return "binary", "text contains NUL bytes: binary data, not an article"
    if m := _SURROGATE.search(text):
        return "bad_encoding", f"text contains an unpaired surrogate (\\u{ord(m.group()):04x} at character {m.start()}): not valid Unicode"
    if not screen_language:
        return None
    words = text.lower().split()
    if len(words) >= MIN_WORDS_FOR_LANG_CHECK and sum(w.strip(".,;:!?\"“”()") in ID_WORDS for w in words) / len(words) < MIN_ID_SHARE:
        return "not_indonesian", "text does not look Indonesian (almost no Indonesian function words)"
    return None


def check_text(id_: str, text: object, title: object = None) -> Item:
    """Turn raw text into an Item, or an error Item for text no model should see."""
    problem = text_problem(text)
    if problem:
        return _fail(id_, *problem)
    return Item(id=id_, text=text, title=title if isinstance(title, str) else None)


def _decode(id_: str, raw: bytes) -> Item | str:
    if b"\x00" in raw[:8192]:
        return _fail(id_, "binary", "file looks binary (NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return _fail(id_, "bad_encoding", f"not UTF-8: {e}")


def _read_capped(stream: IO[bytes], cap: int | None = None) -> bytes | None:
    """All of `stream`, or None when it holds more than `cap` (default MAX_RAW_BYTES) bytes; only cap + 1 are read."""
    cap = cap or MAX_RAW_BYTES
    raw = stream.read(cap + 1)
    return None if len(raw) > cap else raw


def article_item(id_: str, raw: bytes, fmt: str | None) -> Item:
    """One article from raw bytes: fmt "html" extracts the visible text, "txt" keeps the text as is,
    None extracts only when the text looks like a saved page. The size limit is checked on the
    text the model would read, so a page heavy with markup is not refused for its markup."""
    text = _decode(id_, raw)
    if isinstance(text, Item):
        return text
    if fmt == "html" or (fmt is None and looks_like_html(text)):
        item = check_text(id_, html_to_text(text))
        item.extracted = True
        return item
    return check_text(id_, text)


def read_text_file(path: Path, id_: str, fmt: str | None = None) -> Item:
    """One article per file; saved HTML pages are reduced to their visible text (kept on the Item)."""
    if fmt is None and path.suffix.lower() in HTML_SUFFIXES:
        fmt = "html"
    try:
        with open(path, "rb") as f:
            raw = _read_capped(f)
    except OSError as e:
        return _fail(id_, "unreadable", _os_message(e))
    if raw is None:
        return _fail(id_, "too_long", f"file is over {MAX_RAW_BYTES:,} bytes")
    return article_item(id_, raw, fmt)


def _os_message(e: OSError) -> str:
    return e.strerror or str(e)


@dataclass
class _Broken:
    """A physical line that could not be read: too long to buffer, or the read itself failed."""

    code: str
    message: str
    fatal: bool = False  # the stream cannot go on after this one


def physical_lines(stream: IO[bytes], cap: int | None = None) -> Iterator[bytes | _Broken]:
    """Lines of a binary stream with their newlines; a line over `cap` (default MAX_RAW_BYTES) bytes
    is skipped in chunks (never held whole) and yields a _Broken, and a read error ends the stream with one."""
    cap = cap or MAX_RAW_BYTES
    try:
        while line := stream.readline(cap + 1):
            if len(line) <= cap:
                yield line
                continue
            while line and not line.endswith(b"\n"):
                line = stream.readline(cap)
            yield _Broken("too_long", f"line is over {cap:,} bytes")
    except OSError as e:
        yield _Broken("unreadable", f"read failed: {_os_message(e)}", fatal=True)


def read_jsonl(lines: Iterable[bytes | _Broken], source: str, text_key: str, id_key: str) -> Iterator[Item]:
    """One Item per non-blank line; a line that is not a JSON object costs only itself."""
    for n, raw in enumerate(lines, 1):
        fallback = f"{source}:{n}"
        if isinstance(raw, _Broken):
            yield _fail(fallback, raw.code, raw.message)
            if raw.fatal:
                return
            continue
        if not raw.removeprefix(BOM).strip():  # blank, or a BOM on a blank first line
            continue
        line = _decode(fallback, raw)
        if isinstance(line, Item):
            yield line
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:
            yield _fail(fallback, "bad_json", f"malformed JSON line: {e}")
            continue
        if not isinstance(obj, dict):
            yield _fail(fallback, "bad_json", "JSON line is not an object")
            continue
        raw_id = obj.get(id_key)
        id_ = fallback if raw_id is None or raw_id == "" else str(raw_id)
        if text_key not in obj:
            yield _fail(id_, "missing_text", f"no {text_key!r} key")
            continue
        yield check_text(id_, obj[text_key], obj.get("title"))


class _LineFailed(Exception):
    """Raised through csv.reader when the next physical line cannot be read."""

    def __init__(self, broken: _Broken):
        super().__init__(broken.message)
        self.broken = broken


class _CsvFeed:
    """Physical lines decoded for csv.reader, remembering which lines the current record used, so
    a record that goes wrong can be reported by its first line and the lines after it read again.

    Bytes that are not UTF-8 are kept as surrogate escapes (the row is refused afterwards), so one
    bad byte neither stops the reader nor shifts the row structure around it.
    """

    def __init__(self, lines: Iterator[tuple[int, bytes | _Broken]]):
        self.lines = lines
        self.pending: deque[tuple[int, bytes | _Broken]] = deque()
        self.used: list[tuple[int, bytes | _Broken]] = []
        self.used_bytes = 0

    def __iter__(self) -> "_CsvFeed":
        return self

    def __next__(self) -> str:
        n, raw = self.pending.popleft() if self.pending else next(self.lines)
        self.used.append((n, raw))
        if isinstance(raw, _Broken):
            raise _LineFailed(raw)
        self.used_bytes += len(raw)
        if self.used_bytes > MAX_RAW_BYTES:
            raise _LineFailed(_Broken("too_long", f"record is over {MAX_RAW_BYTES:,} bytes"))
        return raw.decode("utf-8", "surrogateescape")

    def start_record(self) -> None:
        self.used, self.used_bytes = [], 0

    def first_line(self) -> int:
        return self.used[0][0] if self.used else 0

    def reread_after_first(self) -> None:
        """Queue the record's lines after its first for reading again (a stray quote can swallow rows)."""
        self.pending.extendleft(reversed(self.used[1:]))


def _numbered(lines: Iterator[bytes | _Broken]) -> Iterator[tuple[int, bytes | _Broken]]:
    for n, raw in enumerate(lines, 1):
        if n == 1 and isinstance(raw, bytes) and raw.startswith(BOM):
            raw = raw[len(BOM):]
        yield n, raw


def read_csv(stream: IO[bytes], source: str, text_key: str, id_key: str) -> Iterator[Item]:
    """Rows streamed one at a time (header first, RFC 4180 quoting); each problem costs only the row it is in.

    A row with bytes that are not UTF-8, a field over the size limit, a quote that breaks the
    grammar or more fields than the header becomes one error item (id `source:LINE`, LINE its
    first line); reading goes on at the next line, so a stray quote cannot merge later rows into it.
    """
    csv.field_size_limit(MAX_RAW_BYTES)
    feed = _CsvFeed(_numbered(physical_lines(stream)))
    reader = csv.reader(feed, strict=True)
    header = _csv_header(reader, source)
    if isinstance(header, Item):
        yield header
        return
    if text_key not in header:
        yield _fail(source, "missing_text", f"CSV has no {text_key!r} column (columns: {header})")
        return
    while True:
        feed.start_record()
        try:
            row = next(reader)
        except StopIteration:
            return
        except _LineFailed as e:
            yield _fail(f"{source}:{feed.first_line()}", e.broken.code, e.broken.message)
            if e.broken.fatal:
                return
            feed.reread_after_first()  # e.g. a stray quote ran on past the size limit
            continue
        except csv.Error as e:
            yield _fail(f"{source}:{feed.first_line()}", "bad_csv", f"malformed CSV row: {e}")
            feed.reread_after_first()
            continue
        if row:
            yield _csv_item(row, header, feed, source, text_key, id_key)


def _csv_header(reader, source: str) -> list[str] | Item:
    try:
        header = next(reader)
    except StopIteration:
        return _fail(source, "empty_text", "CSV file is empty")
    except _LineFailed as e:
        return _fail(source, e.broken.code, f"CSV header: {e.broken.message}")
    except csv.Error as e:
        return _fail(source, "bad_csv", f"malformed CSV header: {e}")
    if any(_SURROGATE.search(h) for h in header):
        return _fail(source, "bad_encoding", "CSV header is not UTF-8")
    return header


def _csv_item(row: list[str], header: list[str], feed: _CsvFeed, source: str, text_key: str, id_key: str) -> Item:
    fallback = f"{source}:{feed.first_line()}"
    if len(row) > len(header):
        feed.reread_after_first()
        return _fail(fallback, "bad_csv", f"row has {len(row)} fields, the header {len(header)} (a stray quote or delimiter)")
    fields = dict(zip(header, row))
    id_ = fields.get(id_key) or fallback
    if any(_SURROGATE.search(v) for v in row):
        return _fail(id_, "bad_encoding", "row is not UTF-8")
    if text_key not in fields:
        return _fail(id_, "missing_text", f"row has no {text_key!r} field ({len(row)} fields, the header {len(header)})")
    return check_text(id_, fields[text_key], fields.get("title"))


def _walk(folder: Path) -> Iterator[Path | Item]:
    """Files under `folder` in sorted path order (as sorted(rglob) gives them; folder symlinks are
    not followed, so no loop); a folder that cannot be listed becomes an error item in its place."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield _fail(str(folder), "unreadable", f"cannot list folder: {_os_message(e)}")
        return
    for entry in entries:
        path = folder / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = not is_dir and entry.is_file()
        except OSError as e:
            yield _fail(str(path), "unreadable", _os_message(e))
            continue
        if is_dir:
            yield from _walk(path)
        elif is_file and path.suffix.lower() in SUFFIX_FORMAT:
            yield path


def iter_path(path: Path, text_key: str = "text", id_key: str = "id", fmt: str | None = None) -> Iterator[Item]:
    """Items of one path. A folder is walked recursively in sorted order and its files are read by
    suffix; a file is read as `fmt` when given, else by suffix (an unknown suffix reads as one article)."""
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as e:  # e.g. a name too long for the file system
        yield _fail(str(path), "unreadable", _os_message(e))
        return
    if is_dir:
        for p in _walk(path):
            if isinstance(p, Item):
                yield p
            else:
                yield from from_file(p, text_key, id_key, None)
    elif not exists:
        yield _fail(str(path), "not_found", "no such file or folder")
    else:
        yield from from_file(path, text_key, id_key, fmt)


def from_file(path: Path, text_key: str, id_key: str, fmt: str | None) -> Iterator[Item]:
    fmt = fmt or SUFFIX_FORMAT.get(path.suffix.lower())
    if fmt not in ("jsonl", "csv"):
        yield read_text_file(path, str(path), fmt)
        return
    try:
        f = open(path, "rb")
    except OSError as e:
        yield _fail(str(path), "unreadable", _os_message(e))
        return
    with f:
        if fmt == "jsonl":
            yield from read_jsonl(physical_lines(f), str(path), text_key, id_key)
        else:
            yield from read_csv(f, str(path), text_key, id_key)


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read (to detect the format) before the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self.head:
            n = min(len(buf), len(self.head))
            buf[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.rest.read1(len(buf)) if hasattr(self.rest, "read1") else self.rest.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def sniff(stream: IO[bytes]) -> tuple[str, IO[bytes]]:
    """The format of a stream ("jsonl", "html" or "txt") from its first significant byte, past a
    UTF-8 BOM and any amount of leading blank lines, and a stream that still yields every byte.
    CSV cannot be told from plain text reliably: it needs --format csv."""
    head = b""
    while len(head) <= MAX_RAW_BYTES:
        chunk = stream.read1(65536) if hasattr(stream, "read1") else stream.read(65536)
        if not chunk:
            break
        head += chunk
        if head.removeprefix(BOM).lstrip() and not BOM.startswith(head):
            break
    first = head.removeprefix(BOM).lstrip()[:1]
    fmt = "jsonl" if first == b"{" else "html" if first == b"<" else "txt"
    return fmt, io.BufferedReader(_Prefixed(head, stream))


def iter_stdin(text_key: str, id_key: str, fmt: str | None = None) -> Iterator[Item]:
    """Items from stdin: JSONL (one record per line), CSV, or one article (plain text or a saved page)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield _fail("stdin", "unreadable", "stdin is closed")
        return
    try:
        detected, stream = sniff(stream)
    except OSError as e:
        yield _fail("stdin", "unreadable", _os_message(e))
        return
    if (fmt or detected) == "jsonl":
        yield from read_jsonl(physical_lines(stream), "stdin", text_key, id_key)
    elif fmt == "csv":
        yield from read_csv(stream, "stdin", text_key, id_key)
    else:
        try:
            raw = _read_capped(stream)
        except OSError as e:
            yield _fail("stdin", "unreadable", _os_message(e))
            return
        if raw is None:
            yield _fail("stdin", "too_long", f"stdin is over {MAX_RAW_BYTES:,} bytes")
        else:  # a forced format decides; else the text itself says whether it is a saved page
            yield article_item("stdin", raw, fmt)


def iter_inputs(inputs: list[str], text_key: str = "text", id_key: str = "id", fmt: str | None = None) -> Iterator[Item]:
    """Items of every input in order; "-" reads stdin (format detected unless `fmt` forces it)."""
    for inp in inputs:
        if inp == "-":
            yield from iter_stdin(text_key, id_key, fmt)
        else:
            yield from iter_path(Path(inp), text_key, id_key, fmt)
