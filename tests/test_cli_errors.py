"""Every user error of `warta predict` is one line on stderr and a documented exit code, said before
any work where it can be (issue 20, cases 8 and 11)."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from batch_helpers import ARTICLE, one_line_error, predict, write_jsonl

import warta.predict_cli as cli

ROOT = Path(__file__).resolve().parent.parent
NO_MODEL = "/no/such/model"  # an output problem must be reported before the model is even looked at


# --- case 8: -o refuses what it must not replace, before any work ------------------------------------

def test_output_that_is_a_device_is_refused(monkeypatch, capsys, tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", "a", 1)
    r = predict(monkeypatch, capsys, src, "-o", "/dev/null", "--model", NO_MODEL)
    assert one_line_error(r) and "a device" in r.err
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_output_that_is_a_symlink_is_refused_and_its_target_kept(monkeypatch, capsys, tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", "a", 1)
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    (tmp_path / "out.jsonl").symlink_to(target)
    r = predict(monkeypatch, capsys, src, "-o", tmp_path / "out.jsonl", "--model", NO_MODEL)
    assert one_line_error(r) and "symbolic link" in r.err
    assert (tmp_path / "out.jsonl").is_symlink() and target.read_text() == "keep me"


def test_output_that_is_its_own_input_is_refused(monkeypatch, capsys, tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", "a", 2)
    before = src.read_bytes()
    r = predict(monkeypatch, capsys, src, "-o", src, "--model", NO_MODEL)
    assert one_line_error(r) and "is the input" in r.err
    (tmp_path / "link.jsonl").symlink_to(src)  # the same file by another name
    r = predict(monkeypatch, capsys, tmp_path / "link.jsonl", "-o", src, "--model", NO_MODEL)
    assert one_line_error(r) and "is the input" in r.err
    (tmp_path / "sub").mkdir()
    for out in (tmp_path / "out.jsonl", tmp_path / "sub" / ".." / "sub" / "out.csv"):
        r = predict(monkeypatch, capsys, tmp_path, "-o", out, "--model", NO_MODEL)
        assert one_line_error(r) and "inside the input folder" in r.err
    assert src.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "link.jsonl", "sub"]


def test_output_that_is_the_file_on_stdin_is_refused(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", "a", 2)
    before = src.read_bytes()
    with open(src, "rb") as stdin:
        r = subprocess.run([sys.executable, "-m", "warta.cli", "predict", "-o", str(src), "--model", NO_MODEL],
                           stdin=stdin, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "is the file on stdin" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert src.read_bytes() == before


def test_output_that_is_a_folder_is_refused_at_once(monkeypatch, capsys, tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", "a", 1)
    (tmp_path / "out").mkdir()
    r = predict(monkeypatch, capsys, src, "-o", tmp_path / "out", "--model", NO_MODEL)
    assert one_line_error(r) and "is a folder" in r.err


# --- case 11: messages, not tracebacks ----------------------------------------------------------------

def test_missing_output_folder(monkeypatch, capsys, tmp_path):
    r = predict(monkeypatch, capsys, "-", "-o", tmp_path / "nope" / "out.jsonl", "--model", NO_MODEL, stdin=ARTICLE.encode())
    assert one_line_error(r) and "does not exist" in r.err


def test_read_only_output_folder(monkeypatch, capsys, tmp_path):
    if os.geteuid() == 0:  # root writes into read-only folders; /sys refuses even root
        out = Path("/sys/warta-test-out.jsonl")
    else:
        (tmp_path / "ro").mkdir(mode=0o555)
        out = tmp_path / "ro" / "out.jsonl"
    r = predict(monkeypatch, capsys, "-", "-o", out, "--model", NO_MODEL, stdin=ARTICLE.encode())
    assert one_line_error(r) and "cannot write in output folder" in r.err


def test_usage_errors_are_one_line(monkeypatch, capsys):
    for args, says in [(["--threads", "-3"], "--threads"), (["--batch-size", "0"], "--batch-size"),
                       (["--resume"], "--resume needs"), (["--format", "pdf"], "--format"), (["--bogus"], "unrecognized"),
                       (["--summary-sentences", "0"], "--summary-sentences")]:
        r = predict(monkeypatch, capsys, *args, "--model", NO_MODEL)
        assert one_line_error(r) and says in r.err, (args, r.err)


def test_model_errors_are_one_line(tiny_model, monkeypatch, capsys, tmp_path):
    corrupt = tmp_path / "corrupt"
    shutil.copytree(tiny_model, corrupt)
    (corrupt / "model.safetensors").write_bytes((corrupt / "model.safetensors").read_bytes()[:1000])
    pickled = tmp_path / "pickled"
    shutil.copytree(tiny_model, pickled)
    (pickled / "model.safetensors").rename(pickled / "pytorch_model.bin")
    for model, says in [(corrupt, "cannot load"), (pickled, "safetensors only"), (tmp_path / "none", "not a warta checkpoint")]:
        r = predict(monkeypatch, capsys, "--model", model, stdin=ARTICLE.encode())
        assert one_line_error(r) and says in r.err, r.err


def test_disk_full_while_writing_is_one_line_and_resumable(tiny_model, monkeypatch, capsys, tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", "a", 3)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(cli.os, "fsync", full)
        r = predict(m, capsys, src, "-o", tmp_path / "out.jsonl", "--model", tiny_model)
    assert one_line_error(r) and "No space left" in r.err and "--resume" in r.err
    assert not (tmp_path / "out.jsonl.lock").exists()
    r = predict(monkeypatch, capsys, src, "-o", tmp_path / "out.jsonl", "--model", tiny_model, "--resume")
    assert r.code == 0 and len((tmp_path / "out.jsonl").read_text().splitlines()) == 3


def _closed(redirect: str, model: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    """warta predict with a standard stream closed (`<&-`, `>&-`), as a careless script might run it."""
    cmd = f"exec {sys.executable} -m warta.cli predict --model {model} {redirect}"
    return subprocess.run(["sh", "-c", cmd], input=stdin, stderr=subprocess.PIPE, text=True, timeout=120)


def test_closed_stdin_and_stdout(tiny_model):
    r = _closed("<&-", tiny_model)
    assert r.returncode == 1 and "stdin is closed" in r.stderr and "Traceback" not in r.stderr
    r = _closed(">&-", tiny_model, stdin=ARTICLE)
    assert r.returncode == 1 and "stdout is closed" in r.stderr and "Traceback" not in r.stderr


def test_reader_gone_from_stdout_is_one_line(tiny_model, tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", "a", 40)
    proc = subprocess.Popen([sys.executable, "-m", "warta.cli", "predict", str(src), "--model", str(tiny_model), "--threads", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # like `| head` that has seen enough
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert "output closed" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_every_exit_code_is_documented():
    codes = {v for k, v in vars(cli).items() if k.startswith("EXIT_")}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Batch inference"):]
    documented = {int(c) for c in re.findall(r"^\| (\d+) \|", section, re.M)}
    assert codes == documented == {0, 1, 3, 130}
    for code in codes:
        assert re.search(rf"\b{code}\b", cli.__doc__), code
