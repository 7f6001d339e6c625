"""Peak memory of `warta predict` over 1,000 and 10,000 articles: it should stay flat.

    python scripts/memory_profile.py --sizes 1000 10000 --out reports/memory.json

Articles are the corpus texts cycled with fresh ids. `warta predict` runs as a child process
writing to a file; its resident set size (children included) is sampled every 50 ms.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from warta.atomic import write_text_atomic
from warta_training.corpus import SPLITS, load_split


def peak_rss_mb(cmd: list[str]) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of a command and its children."""
    t0 = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            procs = [ps, *ps.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs))
        except psutil.NoSuchProcess:
            pass
        time.sleep(0.05)
    return peak / 2**20, time.time() - t0, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", type=Path, default=None, help="also write the results as JSON")
    args = ap.parse_args()
    texts = [r["text"] for s in SPLITS for r in load_split(args.data, s)]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            src = Path(tmp) / f"in{n}.jsonl"
            with open(src, "w", encoding="utf-8") as f:
                for i, t in zip(range(n), itertools.cycle(texts)):
                    f.write(json.dumps({"id": f"m{i}", "text": t}, ensure_ascii=False) + "\n")
            cmd = [sys.executable, "-m", "warta.cli", "predict", str(src), "-o", str(Path(tmp) / f"out{n}.jsonl"), "--no-progress"]
            if args.model:
                cmd += ["--model", args.model]
            mb, secs, rc = peak_rss_mb(cmd)
            lines = sum(1 for _ in open(Path(tmp) / f"out{n}.jsonl", encoding="utf-8")) if rc in (0, 3) else 0
            results.append({"articles": n, "peak_rss_mb": round(mb), "seconds": round(secs, 1), "exit_code": rc, "output_lines": lines})
            print(json.dumps(results[-1]), flush=True)
    summary: dict = {"runs": results}
    if len(results) > 1:
        summary["peak_ratio_largest_to_smallest"] = round(results[-1]["peak_rss_mb"] / results[0]["peak_rss_mb"], 3)
        print(json.dumps({"peak_ratio_largest_to_smallest": summary["peak_ratio_largest_to_smallest"]}))
    if args.out:
        write_text_atomic(args.out, json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
