"""Batch inference never loses a record: readers under fuzzing, every bad input kind, kill + resume."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.readers import MAX_CHARS, iter_inputs, read_jsonl

ARTICLE = "Polres Bone menggelar rakor lintas sektoral di aula Mapolres untuk pengamanan Pilkada."


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=200).filter(lambda b: b"\n" not in b), max_size=20))
def test_jsonl_reader_yields_one_item_per_nonblank_line_and_never_raises(lines):
    items = list(read_jsonl(lines, "f", "text", "id"))
    assert len(items) == sum(1 for ln in lines if ln.strip())
    for it in items:
        assert it.ok == (it.text is not None) and (it.ok or it.error_code)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_any_file_yields_exactly_one_item(tmp_path_factory, data):
    d = tmp_path_factory.mktemp("fz")
    for name in ("a.txt", "b.html"):
        (d / name).write_bytes(data)
    items = list(iter_inputs([str(d / "a.txt"), str(d / "b.html")]))
    assert len(items) == 2


def _codes(tmp_path, files: dict[str, bytes]) -> dict[str, str | None]:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return {it.id.split("/")[-1].split(":")[0]: it.error_code for it in iter_inputs([str(tmp_path / n) for n in files])}


def test_every_bad_input_kind_gets_its_error_code(tmp_path):
    english = ("The committee met on Monday and the members agreed that the plan was good and the work will "
               "continue next week with the new team in the city as planned by the manager and his staff. ") * 3
    codes = _codes(tmp_path, {
        "empty.txt": b"   \n",
        "latin1.txt": "Kapolres hadir di Bogor, caf\xe9".encode("latin-1"),
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "huge.txt": b"a " * (MAX_CHARS // 2 + 10),
        "english.txt": english.encode(),
        "good.txt": ARTICLE.encode(),
    })
    assert codes == {"empty.txt": "empty_text", "latin1.txt": "bad_encoding", "binary.txt": "binary", "huge.txt": "too_long",
                     "english.txt": "not_indonesian", "good.txt": None}
    src = tmp_path / "in.jsonl"
    src.write_text("{bad\n" + json.dumps({"id": "k", "isi": ARTICLE}) + "\n" + json.dumps(["not", "object"]) + "\n", encoding="utf-8")
    assert [it.error_code for it in iter_inputs([str(src)])] == ["bad_json", "missing_text", "bad_json"]
    assert [it.error_code for it in iter_inputs([str(src)], text_key="isi")][1] is None  # configurable key


def test_html_page_is_reduced_to_visible_text(tmp_path):
    page = ("<html><head><title>x</title><script>var iklan=1;</script></head><body><nav>Beranda | Daerah</nav>"
            f"<h1>Rakor Pilkada</h1><p>{ARTICLE}</p><p>“Kami siap,” ujar Kapolres.</p><footer>© 2024</footer></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    [it] = list(iter_inputs([str(tmp_path / "a.html")]))
    assert it.ok and it.extracted
    assert it.text == f"Rakor Pilkada\n{ARTICLE}\n“Kami siap,” ujar Kapolres."


def _cli(*args):
    return [sys.executable, "-m", "warta.cli", "predict", *args]


def test_sigkill_midway_then_resume_loses_and_duplicates_nothing(tiny_model, tmp_path):
    """Also case 2 of issue 20: while a run writes OUT, it holds the lock a second run would need
    (tests/test_resume_and_lock.py shows that run refusing), and its output stays whole."""
    from warta.output import Locked, exclusive_lock

    n = 800
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": f"{ARTICLE} Nomor {i}."}) + "\n" for i in range(n)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    args = _cli(str(src), "-o", str(out), "--model", str(tiny_model), "--batch-size", "2", "--no-progress", "--threads", "1")
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not (partial.exists() and partial.stat().st_size > 2000):
        time.sleep(0.05)
    with pytest.raises(Locked):
        with exclusive_lock(out):
            pass
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "the final file appears only when a run completes"
    kept = partial.read_bytes().count(b"\n")
    assert 0 < kept < n, "the kill must land midway for this test to mean anything"
    with open(partial, "ab") as f:
        f.write(b'{"id": "torn')  # as if killed mid-write
    r = subprocess.run([*args, "--resume"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"a{i}" for i in range(n)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]  # no partial, journal or lock left


def test_usage_errors_exit_1(tiny_model):
    r = subprocess.run(_cli("--resume", "--model", str(tiny_model)), capture_output=True, text=True)
    assert r.returncode == 1 and "--resume needs" in r.stderr
