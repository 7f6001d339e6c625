"""Redo a checkpoint's event choices (lexical half, its weight, thresholds) on dev without retraining.

    python -m warta_training.refit --model runs/mine --out runs/mine_char --lexical-analyzer char_wb

The encoder and the quote and sentence heads are copied unchanged; see `train.refit_events`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from warta.lexical import ANALYZERS


def main(argv: list[str] | None = None) -> int:
    from .train import LEXICAL_VIEWS, refit_events

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True, help="trained checkpoint folder")
    ap.add_argument("--out", type=Path, required=True, help="where the refitted checkpoint is written (atomically)")
    ap.add_argument("--data", default="data", help="folder with the splits (and real/ annotations)")
    ap.add_argument("--lexical-analyzer", choices=list(ANALYZERS), default="char_wb")
    ap.add_argument("--lexical-weight", type=float, default=-1.0, help="0 to 1, or -1: the best of 0, 0.25, 0.5, 0.75, 1 on dev")
    ap.add_argument("--lexical-window", type=int, default=320, help="words per lexical window (0: whole text)")
    ap.add_argument("--lexical-views", choices=LEXICAL_VIEWS, default="focus",
                    help="focus: whole text, lead and each event's sentences as separate blocks; whole: the text alone")
    args = ap.parse_args(argv)
    events = refit_events(args.model, args.out, progress=sys.stderr.isatty(), data=args.data,
                          lexical_analyzer=args.lexical_analyzer, lexical_weight=args.lexical_weight,
                          lexical_window=args.lexical_window, lexical_views=args.lexical_views)
    print(json.dumps(events, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
