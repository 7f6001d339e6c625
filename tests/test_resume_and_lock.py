"""--resume keeps only what it can prove came from the same run; one writer per OUT (issue 20, cases 1, 2, 9)."""

from __future__ import annotations

import json

import pytest
from batch_helpers import ARTICLE, one_line_error, predict, write_jsonl

import warta.predict_cli as cli


def _interrupt_after(monkeypatch, blocks: int) -> None:
    """Make the next run stop (as Ctrl-C would) after `blocks` blocks are written."""
    real = cli.predict_stream

    def stream(*a, **k):
        for i, block in enumerate(real(*a, **k)):
            if i == blocks:
                raise KeyboardInterrupt
            yield block

    monkeypatch.setattr(cli, "predict_stream", stream)


@pytest.fixture
def interrupted(tiny_model, tmp_path, monkeypatch, capsys):
    """An interrupted run over a.jsonl (40 records, batch 2: blocks of 16) with OUT.partial holding 16."""
    src = write_jsonl(tmp_path / "a.jsonl", "a", 40)
    out = tmp_path / "out.jsonl"
    with monkeypatch.context() as m:
        _interrupt_after(m, 1)
        r = predict(m, capsys, src, "-o", out, "--model", tiny_model, "--batch-size", "2")
    assert r.code == 130 and "--resume" in r.err
    assert not out.exists() and (tmp_path / "out.jsonl.partial").read_bytes().count(b"\n") == 16
    return src, out


def test_resume_refuses_a_partial_made_from_other_inputs(interrupted, tiny_model, tmp_path, monkeypatch, capsys):
    """Case 1: the partial came from a.jsonl; resuming with b.jsonl must not glue b's records onto a's."""
    src, out = interrupted
    partial = tmp_path / "out.jsonl.partial"
    before = partial.read_bytes()
    other = write_jsonl(tmp_path / "b.jsonl", "b", 40)
    r = predict(monkeypatch, capsys, other, "-o", out, "--model", tiny_model, "--resume")
    assert one_line_error(r) and "inputs" in r.err
    # same file name, other content: the items digest tells
    write_jsonl(src, "a", 40, text=lambda i: f"{ARTICLE} Nomor {i + 1}.")
    r = predict(monkeypatch, capsys, src, "-o", out, "--model", tiny_model, "--resume")
    assert one_line_error(r) and "differ" in r.err
    assert partial.read_bytes() == before and not out.exists()


def test_resume_refuses_other_options_and_a_partial_without_journal(interrupted, tiny_model, tmp_path, monkeypatch, capsys):
    src, out = interrupted
    r = predict(monkeypatch, capsys, src, "-o", out, "--model", tiny_model, "--resume", "--fp32")
    assert one_line_error(r) and "fp32" in r.err
    r = predict(monkeypatch, capsys, src, "-o", out, "--model", tiny_model, "--resume", "--text-key", "body")
    assert one_line_error(r) and "text_key" in r.err
    (tmp_path / "out.jsonl.partial.meta").unlink()
    r = predict(monkeypatch, capsys, src, "-o", out, "--model", tiny_model, "--resume")
    assert one_line_error(r) and "journal" in r.err


def test_resume_completes_the_same_run_exactly(interrupted, tiny_model, tmp_path, monkeypatch, capsys):
    """Resumed with another batch size, the output equals an uninterrupted run byte for byte (case 9 too)."""
    src, out = interrupted
    with open(tmp_path / "out.jsonl.partial", "ab") as f:
        f.write(b'{"id": "torn')  # killed mid-write
    r = predict(monkeypatch, capsys, src, "-o", out, "--model", tiny_model, "--resume", "--batch-size", "5")
    assert r.code == 0, r.err
    whole = tmp_path / "whole.jsonl"
    assert predict(monkeypatch, capsys, src, "-o", whole, "--model", tiny_model, "--batch-size", "3").code == 0
    assert out.read_bytes() == whole.read_bytes()
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == [f"a{i}" for i in range(40)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "out.jsonl", "whole.jsonl"]


def test_resume_of_a_complete_output_says_so_and_does_nothing(tiny_model, tmp_path, monkeypatch, capsys):
    src = write_jsonl(tmp_path / "a.jsonl", "a", 3)
    out = tmp_path / "out.jsonl"
    assert predict(monkeypatch, capsys, src, "-o", out, "--model", tiny_model).code == 0
    before = out.stat()
    r = predict(monkeypatch, capsys, src, "-o", out, "--model", "/no/such/model", "--resume")
    assert r.code == 0 and "complete" in r.err and "nothing to resume" in r.err
    assert out.stat().st_mtime_ns == before.st_mtime_ns and out.stat().st_ino == before.st_ino


def test_resume_of_a_run_that_never_started_starts_it(tiny_model, tmp_path, monkeypatch, capsys):
    src = write_jsonl(tmp_path / "a.jsonl", "a", 3)
    out = tmp_path / "out.jsonl"
    r = predict(monkeypatch, capsys, src, "-o", out, "--model", tiny_model, "--resume")
    assert r.code == 0 and len(out.read_text().splitlines()) == 3


def test_a_second_writer_of_the_same_output_refuses_at_once(tiny_model, tmp_path, monkeypatch, capsys):
    """Case 2: while one run holds OUT, another run with the same -o refuses before any work, and
    the first one's files are untouched (the concurrent-process version is in test_batch.py)."""
    from warta.output import exclusive_lock

    src = write_jsonl(tmp_path / "a.jsonl", "a", 3)
    out = tmp_path / "out.jsonl"
    out.write_text("first run's result\n")
    with exclusive_lock(out):
        r = predict(monkeypatch, capsys, src, "-o", out, "--model", "/no/such/model")
        assert one_line_error(r) and "another warta predict is writing" in r.err
        r = predict(monkeypatch, capsys, src, "-o", out, "--model", "/no/such/model", "--resume")
        assert one_line_error(r) and "another warta predict" in r.err
    assert out.read_text() == "first run's result\n"
    assert not (tmp_path / "out.jsonl.partial").exists() and not (tmp_path / "out.jsonl.lock").exists()
    assert predict(monkeypatch, capsys, src, "-o", out, "--model", tiny_model).code == 0  # released


def test_lock_refuses_while_held_and_leaves_no_file_behind(tmp_path):
    from warta.output import Locked, exclusive_lock

    out = tmp_path / "out.jsonl"
    with exclusive_lock(out) as lock:
        assert lock.exists()
        with pytest.raises(Locked):
            with exclusive_lock(out):
                pass
    assert not lock.exists()
    with exclusive_lock(out):
        pass
