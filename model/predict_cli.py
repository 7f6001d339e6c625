"""`warta predict`: articles in, one JSONL record per input out, in input order.

Exit codes: 0 every record predicted; 1 usage, input-setup or model error (nothing trustworthy
written); 3 the run finished but some records carry an "error" object instead of predictions.

With -o OUT, records stream into OUT.partial (flushed per batch) and OUT appears, by rename,
only when the run is complete. After a crash or kill, `--resume` keeps the complete lines of
OUT.partial, drops a torn last line, skips that many inputs and carries on.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from pathlib import Path
from typing import IO, Iterator

from .modeling import ModelLoadError
from .predictor import DEFAULT_MODEL, Predictor
from .readers import Item, iter_inputs

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 3
READ_AHEAD = 8  # batches read at once so they can be grouped by length


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2; our contract says 1 for usage errors
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = _Parser(prog="warta predict", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", default=["-"], help=".txt/.html/.jsonl/.csv files, folders (recursive), or - for stdin (default)")
    ap.add_argument("-o", "--output", type=Path, help="output JSONL (default stdout); appears only when the run is complete")
    ap.add_argument("--resume", action="store_true", help="continue an interrupted run from OUTPUT.partial")
    ap.add_argument("--model", default=str(DEFAULT_MODEL), help="checkpoint folder (default: the shipped model)")
    ap.add_argument("--batch-size", type=int, default=8, help="articles per model call (default 8)")
    ap.add_argument("--text-key", default="text", help="JSONL/CSV field holding the article text")
    ap.add_argument("--id-key", default="id", help="JSONL/CSV field holding the article id")
    ap.add_argument("--threads", type=int, default=0, help="torch threads (default: one per core)")
    ap.add_argument("--no-progress", action="store_true")
    ap.add_argument("--fp32", action="store_true", help="run the model in float32 instead of int8 linear layers (slower; scores shift slightly)")
    args = ap.parse_args(argv)
    if args.resume and args.output is None:
        ap.error("--resume needs -o/--output")
    if args.batch_size < 1:
        ap.error("--batch-size must be at least 1")
    return args


def record_for(item: Item, pred: dict | None) -> dict:
    if not item.ok:
        return {"id": item.id, "error": {"code": item.error_code, "message": item.error_message}}
    rec = {"id": item.id, **(pred or {})}
    if item.extracted:
        rec["text"] = item.text  # offsets refer to the text extracted from HTML
    return rec


def _predict_batch(predictor: Predictor, batch: list[Item]) -> dict[int, dict]:
    """Predictions keyed by id(item); a batch that fails is retried item by item so one bad record costs only itself."""
    try:
        return dict(zip(map(id, batch), predictor.predict([it.text for it in batch])))
    except Exception:  # noqa: BLE001 - isolate the failing record, keep the others
        preds = {}
        for it in batch:
            try:
                preds[id(it)] = predictor.predict([it.text])[0]
            except Exception as e:  # noqa: BLE001
                it.error_code, it.error_message = "model_error", f"{type(e).__name__}: {e}"
        return preds


def predict_stream(predictor: Predictor, items: Iterator[Item], batch_size: int) -> Iterator[list[dict]]:
    """Lists of records in input order; within a read-ahead block, batches are grouped by length to cut padding."""
    while block := list(itertools.islice(items, batch_size * READ_AHEAD)):
        good = sorted((it for it in block if it.ok), key=lambda it: len(it.text))
        preds: dict[int, dict] = {}
        for i in range(0, len(good), batch_size):
            preds.update(_predict_batch(predictor, good[i : i + batch_size]))
        yield [record_for(it, preds.get(id(it))) for it in block]


def _write(blocks: Iterator[list[dict]], out: IO[str], progress) -> int:
    failed = 0
    for block in blocks:
        out.write("".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in block))
        out.flush()
        if hasattr(out, "fileno") and out is not sys.stdout:
            os.fsync(out.fileno())
        failed += sum("error" in rec for rec in block)
        progress.update(len(block))
    return failed


def _recover(partial: Path) -> tuple[int, int]:
    """Keep the complete lines of an interrupted run; returns (records kept, errors among them)."""
    if not partial.exists():
        return 0, 0
    data = partial.read_bytes()
    keep = data[: data.rfind(b"\n") + 1]  # a torn last line (killed mid-write) is dropped
    with open(partial, "r+b") as f:
        f.truncate(len(keep))
    lines = keep.decode("utf-8").splitlines()
    return len(lines), sum('"error": {' in ln for ln in lines)


def predict_main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    try:
        predictor = Predictor.load(args.model, batch_size=args.batch_size, quantize=not args.fp32)
    except ModelLoadError as e:
        print(f"warta predict: {e}", file=sys.stderr)
        return EXIT_USAGE
    from tqdm.auto import tqdm

    items = iter_inputs(args.inputs, args.text_key, args.id_key)
    progress = tqdm(desc="articles", unit="art", disable=args.no_progress or not sys.stderr.isatty())
    if args.output is None:
        failed = _write(predict_stream(predictor, items, args.batch_size), sys.stdout, progress)
    else:
        partial = args.output.with_name(args.output.name + ".partial")
        done, failed = _recover(partial) if args.resume else (0, 0)
        if not args.resume:
            partial.unlink(missing_ok=True)
        items = itertools.islice(items, done, None)
        progress.update(done)
        with open(partial, "a", encoding="utf-8") as f:
            failed += _write(predict_stream(predictor, items, args.batch_size), f, progress)
        os.replace(partial, args.output)
    progress.close()
    return EXIT_PARTIAL if failed else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(predict_main(sys.argv[1:]))
