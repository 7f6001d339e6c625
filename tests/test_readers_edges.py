"""Readers under careless inputs: each problem costs only the record it is in (issue 20, cases 3-6 and 10)."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest
from batch_helpers import ARTICLE, predict
from hypothesis import given, settings
from hypothesis import strategies as st

import warta.readers as readers
from warta.readers import MAX_CHARS, iter_inputs, iter_stdin, read_csv

ROWS = [ARTICLE + f" Nomor {i}." for i in range(4)]


def _csv(tmp_path, body: bytes, header: bytes = b"id,text\n"):
    path = tmp_path / "in.csv"
    path.write_bytes(header + body)
    return [(it.id, it.error_code, it.text) for it in iter_inputs([str(path)])]


def _ok(i: int) -> bytes:
    return f"k{i},{ROWS[i]}\n".encode()


# --- case 3: CSV errors stay in their row ---------------------------------------------------------

def test_csv_bad_byte_costs_only_its_row(tmp_path):
    got = _csv(tmp_path, _ok(0) + b"k1,Kapolres hadir di caf\xe9 Bogor\n" + _ok(2))
    assert [(i, c) for i, c, _ in got] == [("k0", None), ("k1", "bad_encoding"), ("k2", None)]


def test_csv_field_over_the_size_limit_costs_only_its_row(tmp_path):
    huge = "a " * (MAX_CHARS // 2 + 10)  # over the text limit, and over the old csv field limit (2 * MAX_CHARS)
    got = _csv(tmp_path, _ok(0) + f'k1,"{huge * 2}"\n'.encode() + _ok(2))
    assert [(i, c) for i, c, _ in got] == [("k0", None), ("k1", "too_long"), ("k2", None)]


def test_csv_record_over_the_raw_limit_costs_only_its_row(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_RAW_BYTES", 4096)
    got = _csv(tmp_path, _ok(0) + b"k1," + b"x" * 10_000 + b"\n" + _ok(2) + b'k3,"open quote\n' + b"y" * 5000 + b"\n" + _ok(1))
    assert [(i, c) for i, c, _ in got] == [("k0", None), (f"{tmp_path / 'in.csv'}:3", "too_long"), ("k2", None),
                                           (f"{tmp_path / 'in.csv'}:5", "too_long"), (f"{tmp_path / 'in.csv'}:6", "too_long"), ("k1", None)]


def test_csv_unescaped_quote_does_not_split_or_swallow_rows(tmp_path):
    src = tmp_path / "in.csv"
    body = (_ok(0)
            + b'k1,"Kapolres: "Kami siap" mengamankan",x\n'  # quote inside a quoted field, unescaped
            + b'k2,Kata dia "siap" lalu pergi\n'  # quotes inside an unquoted field: plain characters
            + b'k3,"never closed\n'  # an opening quote that is never closed would swallow the rest
            + _ok(1)
            + b'k4,"multi\nline ""ok"" field"\n'  # a legal quoted field over two lines stays one row
            + _ok(2))
    got = _csv(tmp_path, body)
    assert [(i, c) for i, c, _ in got] == [("k0", None), (f"{src}:3", "bad_csv"), ("k2", None), (f"{src}:5", "bad_csv"),
                                           ("k1", None), ("k4", None), ("k2", None)]
    assert got[2][2] == 'Kata dia "siap" lalu pergi' and got[5][2] == 'multi\nline "ok" field'


def test_csv_row_with_more_fields_than_the_header_is_refused_alone(tmp_path):
    got = _csv(tmp_path, _ok(0) + b"k1,a,b,c\n" + _ok(1))
    assert [c for _, c, _ in got] == [None, "bad_csv", None]


def test_csv_header_problems_are_one_record(tmp_path):
    assert [c for _, c, _ in _csv(tmp_path, _ok(0), header=b"id,body\n")] == ["missing_text"]
    assert [c for _, c, _ in _csv(tmp_path, b"", header=b"")] == ["empty_text"]
    assert [(i, c) for i, c, _ in _csv(tmp_path, _ok(0), header=b"\xef\xbb\xbfid,text\n")] == [("k0", None)]  # BOM


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([b"k,teks", b'"', b",", b"\n", b"\r\n", b'""', b"\xff", b"x", b" "]), max_size=40))
def test_csv_reader_never_raises_and_never_merges_past_one_line(data):
    """Any byte soup: the reader ends, and no item spans more lines than a legal quoted field could."""
    items = list(read_csv(io.BytesIO(b"id,text\n" + b"".join(data)), "s", "text", "id"))
    assert all(it.ok == (it.text is not None) for it in items)
    assert len(items) <= b"".join(data).count(b"\n") + 1


def test_jsonl_line_over_the_raw_limit_costs_only_itself(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_RAW_BYTES", 4096)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"j{i}", "text": t}) for i, t in enumerate([ARTICLE, "x" * 9000, ARTICLE])) + "\n")
    assert [(it.id, it.error_code) for it in iter_inputs([str(src)])] == [("j0", None), (f"{src}:2", "too_long"), ("j2", None)]


# --- case 4: every id is valid UTF-8 ----------------------------------------------------------------

def _bad_name(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    try:
        with open(name, "wb") as f:
            f.write(ARTICLE.encode())
    except OSError:
        pytest.skip("file system refuses non-UTF-8 names")
    return os.fsdecode(name)


def test_non_utf8_file_name_is_escaped_in_the_id(tiny_model, tmp_path, monkeypatch, capsys):
    path = _bad_name(tmp_path)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "\ud800lone", "text": ARTICLE}) + "\n")  # JSON may escape a lone surrogate
    out = tmp_path / "out.jsonl"
    r = predict(monkeypatch, capsys, path, src, "-o", out, "--model", tiny_model)
    assert r.code == 0, r.err
    recs = [json.loads(x) for x in out.read_bytes().decode("utf-8").splitlines()]  # strict UTF-8
    assert [x["id"] for x in recs] == [f"{tmp_path}/caf\\xe9.txt", "\\ud800lone"]
    assert "labels" in recs[0]
    r = predict(monkeypatch, capsys, path, src, "--model", tiny_model)  # stdout too
    assert r.code == 0 and [x["id"] for x in r.records] == [x["id"] for x in recs]
    (tmp_path / "out.jsonl").rename(tmp_path / "out.jsonl.partial")  # --resume reads such a file back without crashing
    r = predict(monkeypatch, capsys, path, src, "-o", out, "--model", tiny_model, "--resume")
    assert r.code == 1 and "journal" in r.err


def test_non_utf8_file_name_gives_a_valid_unicode_id(tmp_path):
    path = _bad_name(tmp_path)
    [it] = iter_inputs([path])
    assert it.ok and it.id == f"{tmp_path}/caf\\xe9.txt"
    it.id.encode("utf-8")  # strict: no surrogate escapes left


def test_text_with_a_lone_surrogate_is_an_error_record_not_a_crash():
    from warta.readers import check_text

    assert check_text("x", ARTICLE + "\udcff").error_code == "bad_encoding"


# --- case 5: stdin detection --------------------------------------------------------------------------

def _stdin(monkeypatch, data: bytes, fmt=None):
    class In:
        buffer = io.BufferedReader(io.BytesIO(data))

    monkeypatch.setattr(sys, "stdin", In())
    return list(iter_stdin("text", "id", fmt))


JSONL = "".join(json.dumps({"id": f"s{i}", "text": ARTICLE}) + "\n" for i in range(3)).encode()


@pytest.mark.parametrize("lead", [b"\xef\xbb\xbf", b"\n" * 100, b"\xef\xbb\xbf" + b" \r\n" * 50_000], ids=["bom", "100 blank lines", "bom and 150 kB of blank lines"])
def test_stdin_jsonl_is_detected_past_a_bom_and_blank_lines(monkeypatch, lead):
    items = _stdin(monkeypatch, lead + JSONL)
    assert [(it.id, it.ok) for it in items] == [("s0", True), ("s1", True), ("s2", True)]


def test_stdin_plain_text_keeps_its_leading_blank_lines(monkeypatch):
    text = "\n" * 80 + ARTICLE
    [it] = _stdin(monkeypatch, text.encode())
    assert it.id == "stdin" and it.text == text  # offsets point into the text as given


def test_stdin_format_can_be_forced(monkeypatch):
    assert [it.id for it in _stdin(monkeypatch, b"id,text\nc1," + ARTICLE.encode() + b"\n", "csv")] == ["c1"]
    [it] = _stdin(monkeypatch, JSONL, "txt")
    assert it.text == JSONL.decode()
    [it] = _stdin(monkeypatch, f"<p>{ARTICLE}</p>".encode(), "html")
    assert it.extracted and it.text == ARTICLE
    [it] = _stdin(monkeypatch, f"<html><body><p>{ARTICLE}</p></body></html>".encode())  # detected
    assert it.extracted and it.text == ARTICLE


def test_cli_format_option_and_bom_stdin(tiny_model, monkeypatch, capsys):
    r = predict(monkeypatch, capsys, "--model", tiny_model, stdin=b"\xef\xbb\xbf" + b"\n" * 70 + JSONL)
    assert r.code == 0 and [x["id"] for x in r.records] == ["s0", "s1", "s2"]
    r = predict(monkeypatch, capsys, "--model", tiny_model, "--format", "csv", stdin=b"id,text\nc1," + ARTICLE.encode() + b"\n")
    assert r.code == 0 and [x["id"] for x in r.records] == ["c1"]
    r = predict(monkeypatch, capsys, "--model", tiny_model, "--format", "xml")
    assert r.code == 1 and "--format" in r.err


# --- case 6: unreadable files and folders -----------------------------------------------------------

def test_unreadable_jsonl_and_folder_become_error_records(tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    locked = tmp_path / "locked.jsonl"
    locked.write_text(json.dumps({"id": "z", "text": ARTICLE}) + "\n")
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "sub" / "b.txt").write_text(ARTICLE)
    (folder / "z.txt").write_text(ARTICLE)
    real_open, real_scandir = open, os.scandir

    def fake_open(path, *a, **k):  # as for a file without read permission (root reads those anyway)
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    def fake_scandir(path):
        if str(path) == str(folder / "sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(readers, "open", fake_open, raising=False)
    monkeypatch.setattr(readers.os, "scandir", fake_scandir)
    got = [(it.id, it.error_code) for it in iter_inputs([str(locked), str(folder), str(good)])]
    assert got == [(str(locked), "unreadable"), (f"{folder}/a.txt", None), (f"{folder}/sub", "unreadable"),
                   (f"{folder}/z.txt", None), (str(good), None)]


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="needs Linux /proc")
def test_a_read_error_midway_ends_that_file_with_one_error_record(tmp_path):
    """/proc/self/mem opens fine and fails on read (EIO), even for root: a real I/O error."""
    (tmp_path / "broken.jsonl").symlink_to("/proc/self/mem")
    (tmp_path / "broken.csv").symlink_to("/proc/self/mem")
    (tmp_path / "broken.txt").symlink_to("/proc/self/mem")
    (tmp_path / "ok.txt").write_text(ARTICLE)
    got = [(it.id.split("/")[-1], it.error_code) for it in iter_inputs([str(tmp_path)])]
    assert got == [("broken.csv", "unreadable"), ("broken.jsonl:1", "unreadable"), ("broken.txt", "unreadable"), ("ok.txt", None)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without permission")
def test_permission_denied_file_and_folder_for_real(tmp_path):
    (tmp_path / "f.jsonl").write_text("{}\n")
    (tmp_path / "d").mkdir()
    os.chmod(tmp_path / "f.jsonl", 0)
    os.chmod(tmp_path / "d", 0)
    try:
        got = [it.error_code for it in iter_inputs([str(tmp_path / "f.jsonl"), str(tmp_path / "d")])]
    finally:
        os.chmod(tmp_path / "d", 0o755)
    assert got == ["unreadable", "unreadable"]


# --- case 10: size limits on extracted text, not raw HTML bytes -------------------------------------

def test_big_saved_page_is_judged_by_its_text(tmp_path):
    script = "<script>" + "var iklan = 'x';\n" * 60_000 + "</script>"  # ~1 MB of markup
    page = f"<html><head>{script}</head><body><p>{ARTICLE}</p></body></html>"
    (tmp_path / "big.html").write_text(page)
    assert len(page) > 800_000
    [it] = iter_inputs([str(tmp_path / "big.html")])
    assert it.ok and it.extracted and it.text == ARTICLE
    long_text = "<html><body>" + f"<p>{ARTICLE}</p>" * (MAX_CHARS // len(ARTICLE) + 5) + "</body></html>"
    (tmp_path / "long.html").write_text(long_text)
    [it] = iter_inputs([str(tmp_path / "long.html")])
    assert it.error_code == "too_long" and "characters" in it.error_message


def test_raw_cap_still_bounds_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_RAW_BYTES", 10_000)
    (tmp_path / "huge.html").write_text("<html><body>" + "<b></b>" * 5000 + f"<p>{ARTICLE}</p></body></html>")
    [it] = iter_inputs([str(tmp_path / "huge.html")])
    assert it.error_code == "too_long" and "bytes" in it.error_message
