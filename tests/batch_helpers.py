"""`warta predict` run in-process for tests: no interpreter start per call, stdin and stdout as bytes."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ARTICLE = "Polres Bone menggelar rakor lintas sektoral di aula Mapolres untuk pengamanan Pilkada."


@dataclass
class Result:
    code: int
    out: bytes
    err: str

    @property
    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.out.decode("utf-8").splitlines()]


class _Stream:
    def __init__(self, data: bytes = b""):
        self.buffer = io.BufferedReader(io.BytesIO(data)) if data is not None else None

    def isatty(self) -> bool:
        return False


class _Sink:
    def __init__(self):
        self.buffer = io.BytesIO()

    def write(self, s: str) -> int:
        return self.buffer.write(s.encode("utf-8"))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def predict(monkeypatch, capsys, *args: str, stdin: bytes = b"") -> Result:
    """Run `warta predict --threads 1 ARGS` in this process; SystemExit (argparse) counts as its exit code.

    One torch thread: tiny models make many tiny model calls, where thread hand-offs cost more than
    they bring, badly so on a busy machine. The process's thread count is restored afterwards.
    """
    import torch

    from warta.predict_cli import predict_main

    sink, threads = _Sink(), torch.get_num_threads()
    capsys.readouterr()
    with monkeypatch.context() as m:
        m.setattr(sys, "stdin", _Stream(stdin))
        m.setattr(sys, "stdout", sink)
        try:
            code = predict_main(["--threads", "1", *map(str, args)])
        except SystemExit as e:
            code = e.code
        finally:
            torch.set_num_threads(threads)
    return Result(code, sink.buffer.getvalue(), capsys.readouterr().err)


def write_jsonl(path: Path, prefix: str, n: int, text=lambda i: f"{ARTICLE} Nomor {i}.") -> Path:
    path.write_text("".join(json.dumps({"id": f"{prefix}{i}", "text": text(i)}) + "\n" for i in range(n)), encoding="utf-8")
    return path


def one_line_error(r: Result) -> bool:
    """A user error: exit 1 and a single line on stderr, no traceback."""
    lines = r.err.strip().splitlines()
    return r.code == 1 and len(lines) == 1 and lines[0].startswith("warta predict") and "Traceback" not in r.err
