"""`warta predict`: articles in, one JSONL record per input out, in input order.

Exit codes: 0 every record predicted; 1 usage or model error (nothing predicted);
3 the run finished but some records carry an "error" object.
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


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="warta predict", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", default=["-"], help=".txt/.jsonl/.csv files, folders, or - for stdin (default)")
    ap.add_argument("-o", "--output", type=Path, help="output JSONL (default stdout); written atomically")
    ap.add_argument("--model", default=str(DEFAULT_MODEL), help="checkpoint folder (default: the shipped model)")
    ap.add_argument("--batch-size", type=int, default=16, help="articles per model call")
    ap.add_argument("--text-key", default="text", help="JSONL/CSV field holding the article text")
    ap.add_argument("--id-key", default="id", help="JSONL/CSV field holding the article id")
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: all cores)")
    ap.add_argument("--no-progress", action="store_true")
    return ap.parse_args(argv)


def record_for(item: Item, pred: dict | None) -> dict:
    if not item.ok:
        return {"id": item.id, "error": {"code": item.error_code, "message": item.error_message}}
    return {"id": item.id, **(pred or {})}


def predict_stream(predictor: Predictor, items: Iterator[Item], batch_size: int) -> Iterator[dict]:
    """Records in input order; a batch that fails in the model is retried one item at a time."""
    while batch := list(itertools.islice(items, batch_size)):
        good = [it for it in batch if it.ok]
        try:
            preds = dict(zip(map(id, good), predictor.predict([it.text for it in good])))
        except Exception:  # noqa: BLE001 - isolate the failing record, keep the others
            preds = {}
            for it in good:
                try:
                    preds[id(it)] = predictor.predict([it.text])[0]
                except Exception as e:  # noqa: BLE001
                    it.error_code, it.error_message = "model_error", f"{type(e).__name__}: {e}"
        for it in batch:
            yield record_for(it, preds.get(id(it)))


def _write(records: Iterator[dict], out: IO[str], progress) -> int:
    failed = 0
    for rec in records:
        failed += "error" in rec
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        progress.update(1)
    return failed


def predict_main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    try:
        predictor = Predictor.load(args.model)
    except ModelLoadError as e:
        print(f"warta predict: {e}", file=sys.stderr)
        return EXIT_USAGE
    from tqdm.auto import tqdm

    progress = tqdm(desc="articles", unit="art", disable=args.no_progress or not sys.stderr.isatty())
    records = predict_stream(predictor, iter_inputs(args.inputs, args.text_key, args.id_key), args.batch_size)
    if args.output is None:
        failed = _write(records, sys.stdout, progress)
    else:
        tmp = args.output.with_name(f".{args.output.name}.tmp{os.getpid()}")
        try:
            with open(tmp, "w", encoding="utf-8") as f:
                failed = _write(records, f, progress)
            os.replace(tmp, args.output)
        finally:
            tmp.unlink(missing_ok=True)
    progress.close()
    return EXIT_PARTIAL if failed else EXIT_OK
