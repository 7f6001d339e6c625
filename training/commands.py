"""Entry points of `warta train|evaluate|validate|stats|build-data` (registered in pyproject.toml)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def build_data(argv: list[str]) -> int:
    """Parse data/authored/*.txt and write data/{train,dev,test}.jsonl."""
    from .corpus import build
    from .markup import MarkupError

    ap = argparse.ArgumentParser(prog="warta build-data", description=build_data.__doc__)
    ap.add_argument("--authored", type=Path, default=Path("data/authored"))
    ap.add_argument("--out", type=Path, default=Path("data"))
    args = ap.parse_args(argv)
    try:
        counts = build(args.authored, args.out)
    except MarkupError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


def validate(argv: list[str]) -> int:
    """Check data/*.jsonl: schema, offsets, labels, duplicates, leakage. Exit 1 on any problem."""
    from .validate import validate_dir, validate_real

    ap = argparse.ArgumentParser(prog="warta validate", description=validate.__doc__)
    ap.add_argument("data_dir", type=Path, nargs="?", default=Path("data"))
    ap.add_argument("--real-dir", type=Path, default=None, help="the real page pool (default: $WARTA_REAL_DIR or ../shared/real)")
    args = ap.parse_args(argv)
    problems, n = validate_dir(args.data_dir)
    real_problems, n_real, note = validate_real(args.data_dir, args.real_dir)
    problems += real_problems
    for p in problems:
        print(p)
    if note:
        print(f"note: {note}", file=sys.stderr)
    print(f"{n} authored records and {n_real} real annotations read, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


def stats(argv: list[str]) -> int:
    """Print corpus statistics as Markdown, or write them to --out."""
    from warta.atomic import write_text_atomic
    from .stats import corpus_stats

    ap = argparse.ArgumentParser(prog="warta stats", description=stats.__doc__)
    ap.add_argument("data_dir", type=Path, nargs="?", default=Path("data"))
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    md = corpus_stats(args.data_dir)
    if args.out:
        write_text_atomic(args.out, md + "\n")
    else:
        print(md)
    return 0


def train(argv: list[str]) -> int:
    """Fine-tune warta's heads; see `warta train --help`."""
    from .train import main

    return main(argv)


def evaluate(argv: list[str]) -> int:
    """Evaluate a model on a split beside the baselines; see `warta evaluate --help`."""
    from .evaluate import main

    return main(argv)


def real(argv: list[str]) -> int:
    """The real-page annotation layer: `warta real build` joins the two passes and the adjudication
    into data/real/annotations.jsonl (labels, groups, splits) and writes data/real/AGREEMENT.md."""
    from .real import RealDataError, default_real_dir, load_pool
    from .real_build import build_real, write_build

    ap = argparse.ArgumentParser(prog="warta real", description=real.__doc__)
    ap.add_argument("action", choices=["build"])
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--real-dir", type=Path, default=None, help="the real page pool (default: $WARTA_REAL_DIR or ../shared/real)")
    args = ap.parse_args(argv)
    try:
        lines, md = build_real(args.data, load_pool(args.real_dir or default_real_dir()))
    except (RealDataError, ValueError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    write_build(args.data, lines, md)
    print(md)
    print(f"wrote {args.data}/real/annotations.jsonl ({len(lines)} pages) and {args.data}/real/AGREEMENT.md", file=sys.stderr)
    return 0
