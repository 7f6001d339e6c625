"""`warta predict`: articles in, one JSONL record per input out, in input order.

Exit codes: 0 every record predicted; 1 usage, input-setup, output or model error (nothing
trustworthy written; a message on stderr); 3 the run finished but some records carry an "error"
object instead of predictions; 130 interrupted (Ctrl-C; with -o, rerun with --resume).

With -o OUT, records stream into OUT.partial (flushed and synced per block) and OUT appears, by
rename, only when the run is complete. Only one run writes OUT at a time (OUT.lock). After a
crash or kill, `--resume` checks that the partial came from the same inputs, model and options
(journal OUT.partial.meta), keeps what it verified and carries on.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Iterator

from .modeling import ModelLoadError
from .output import OutputError, check_output, exclusive_lock, fsync_dir, record_line, sidecar
from .predictor import DEFAULT_MODEL, Predictor
from .readers import FORMATS, Item, iter_inputs
from .resume import Checkpoint, ItemDigest, Journal, ResumeRefused, differences, fingerprint, skip_verified, usable_checkpoint

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 3, 130
READ_AHEAD = 8  # batches read at once so they can be grouped by length


class UserError(Exception):
    """Anything the user can fix: reported as one line on stderr, exit 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 after two lines; our contract: 1, one line
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = _Parser(prog="warta predict", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", default=["-"], help=".txt/.html/.jsonl/.csv files, folders (recursive), or - for stdin (default)")
    ap.add_argument("-o", "--output", type=Path, help="output JSONL (default stdout); appears only when the run is complete")
    ap.add_argument("--resume", action="store_true", help="continue an interrupted run from OUTPUT.partial (same inputs and options)")
    ap.add_argument("--model", default=str(DEFAULT_MODEL), help="checkpoint folder (default: the shipped model)")
    ap.add_argument("--format", choices=FORMATS, help="read stdin and the files named as this format (default: detect stdin, "
                    "files by suffix; folders always go by suffix)")
    ap.add_argument("--batch-size", type=int, default=8, help="articles grouped per block (default 8); scores never depend on it")
    ap.add_argument("--text-key", default="text", help="JSONL/CSV field holding the article text")
    ap.add_argument("--id-key", default="id", help="JSONL/CSV field holding the article id")
    ap.add_argument("--threads", type=int, default=0, help="torch threads (default 0: one per core)")
    ap.add_argument("--no-progress", action="store_true")
    ap.add_argument("--summary-sentences", type=int, default=None, metavar="N",
                    help="summaries of N sentences (default: the length chosen on real dev, stored with the model)")
    ap.add_argument("--fp32", action="store_true", help="run the model in float32 instead of int8 linear layers (slower; scores shift slightly)")
    args = ap.parse_args(argv)
    if args.resume and args.output is None:
        ap.error("--resume needs -o/--output")
    if args.batch_size < 1:
        ap.error("--batch-size must be at least 1")
    if args.threads < 0:
        ap.error("--threads must be 0 (one per core) or more")
    if args.summary_sentences is not None and args.summary_sentences < 1:
        ap.error("--summary-sentences must be at least 1")
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
    """Lists of records in input order; a block of batch_size * READ_AHEAD items is read at a time.

    Exactly the items of a block are consumed before its records are yielded, so a running digest
    of the items read matches the records written (resume.ItemDigest relies on it).
    """
    while block := list(itertools.islice(items, batch_size * READ_AHEAD)):
        good = sorted((it for it in block if it.ok), key=lambda it: len(it.text))
        preds: dict[int, dict] = {}
        for i in range(0, len(good), batch_size):
            preds.update(_predict_batch(predictor, good[i : i + batch_size]))
        yield [record_for(it, preds.get(id(it))) for it in block]


def _check_streams(args: argparse.Namespace) -> None:
    """A closed stdin or stdout is a usage error, said before the model loads."""
    if "-" in args.inputs and getattr(sys.stdin, "buffer", None) is None:
        raise UserError("stdin is closed: name input files, or pipe articles in")
    if args.output is None and getattr(sys.stdout, "buffer", None) is None:
        raise UserError("stdout is closed: give -o OUT")


def _load(args: argparse.Namespace) -> Predictor:
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    try:
        return Predictor.load(args.model, batch_size=args.batch_size, quantize=not args.fp32, summary_sentences=args.summary_sentences)
    except ModelLoadError as e:
        raise UserError(str(e)) from e


def _progress(args: argparse.Namespace, done: int = 0):
    from tqdm.auto import tqdm

    bar = tqdm(desc="articles", unit="art", disable=args.no_progress or not sys.stderr.isatty())
    bar.update(done)
    return bar


def run_to_stdout(args: argparse.Namespace) -> int:
    items = iter_inputs(args.inputs, args.text_key, args.id_key, args.format)
    predictor = _load(args)
    out, failed = sys.stdout.buffer, 0
    with _progress(args) as bar:
        for block in predict_stream(predictor, items, args.batch_size):
            out.write(b"".join(map(record_line, block)))
            out.flush()
            failed += sum("error" in rec for rec in block)
            bar.update(len(block))
    return EXIT_PARTIAL if failed else EXIT_OK


def _options(args: argparse.Namespace) -> dict:
    """What changes a record beyond the inputs and the model (batch size and threads do not)."""
    chosen = {"summary_sentences": args.summary_sentences} if args.summary_sentences is not None else {}  # absent when unset: older journals still match
    return {"text_key": args.text_key, "id_key": args.id_key, "format": args.format, "fp32": args.fp32, **chosen}


def _complete_exit(out: Path) -> int:
    """`--resume` on a finished run: nothing to do; the exit code the run had."""
    with open(out, "rb") as f:
        errors = sum(b'"error": {' in line for line in f)
    print(f"warta predict: {out} is complete, nothing to resume", file=sys.stderr)
    return EXIT_PARTIAL if errors else EXIT_OK


def _prepare(args: argparse.Namespace, journal: Journal, partial: Path, header: dict, items: Iterator[Item],
             digest: ItemDigest) -> Checkpoint:
    """Start fresh, or (with --resume) check the partial and skip what it verifiably holds."""
    if args.resume and (partial.exists() or journal.path.exists()):
        if not journal.path.exists():
            raise ResumeRefused(f"{partial.name} has no journal ({journal.path.name}) to tell which inputs it came from; "
                                "rerun without --resume to start over")
        saved, cps = journal.read()
        if diff := differences(saved, header):
            raise ResumeRefused(f"{partial.name} was made with other {', '.join(diff)}; rerun the command that made it, "
                                "or without --resume to start over")
        cp = usable_checkpoint(cps, partial.stat().st_size if partial.exists() else 0)
        skip_verified(items, digest, cp)
        with open(partial, "ab") as f:
            f.truncate(cp.size)  # drops a torn or unjournaled tail; those records are predicted again
        return cp
    journal.start(header)
    with open(partial, "wb"):
        pass
    return Checkpoint(0, 0, 0, digest.hexdigest())


def run_to_file(args: argparse.Namespace) -> int:
    out: Path = args.output
    check_output(out, args.inputs)
    partial, journal = sidecar(out, ".partial"), Journal(sidecar(out, ".partial.meta"))
    with ExitStack() as stack:
        stack.enter_context(exclusive_lock(out))
        if args.resume and out.exists() and not partial.exists() and not journal.path.exists():
            return _complete_exit(out)
        digest = ItemDigest()
        items = digest.wrap(iter_inputs(args.inputs, args.text_key, args.id_key, args.format))
        header = fingerprint(args.inputs, Path(args.model), _options(args))
        cp = _prepare(args, journal, partial, header, items, digest)
        predictor = _load(args)
        stack.callback(journal.close)
        records, errors = cp.records, cp.errors
        with open(partial, "ab") as f, _progress(args, records) as bar:
            for block in predict_stream(predictor, items, args.batch_size):
                f.write(b"".join(map(record_line, block)))
                f.flush()
                os.fsync(f.fileno())
                records += len(block)
                errors += sum("error" in rec for rec in block)
                journal.append(Checkpoint(records, errors, f.tell(), digest.hexdigest()))
                bar.update(len(block))
        os.replace(partial, out)
        fsync_dir(out.parent)
        journal.close()
        journal.path.unlink(missing_ok=True)
    return EXIT_PARTIAL if errors else EXIT_OK


def predict_main(argv: list[str]) -> int:
    args = parse_args(argv)
    try:
        _check_streams(args)
        return run_to_file(args) if args.output is not None else run_to_stdout(args)
    except (UserError, OutputError, ResumeRefused) as e:
        print(f"warta predict: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader of stdout went away (e.g. `| head`): stop quietly, and keep Python's exit-time flush from failing
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("warta predict: output closed before the run finished", file=sys.stderr)
        return EXIT_USAGE
    except OSError as e:  # writing the output: disk full, folder removed, ...
        where = f" {e.filename}" if e.filename else ""
        hint = "; free the cause and rerun with --resume" if args.output is not None else ""
        print(f"warta predict: cannot write{where}: {e.strerror or e}{hint}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        hint = ": rerun the same command with --resume to continue" if args.output is not None else ""
        print(f"warta predict: interrupted{hint}", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(predict_main(sys.argv[1:]))
