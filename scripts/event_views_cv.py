"""What the lexical event scorer should read, measured on more real pages than dev alone holds.

    python scripts/event_views_cv.py --out reports/event_views_cv.json

Why cross-validation: real dev has 225 pages and 20 rakor reports, so one article moves macro-F1
by about 0.01 and two lexical set-ups within that of each other cannot be told apart on it. This
script pools real train and dev (954 pages), cuts them into five folds by event group (a group
never straddles folds, as it never straddles splits), and for every fold fits the lexical half
as `warta train` does (authored train + the other real folds, char 3-5-grams, C=10, balanced) and
scores the held-out fold. Each set-up gets out-of-fold macro-F1 at 0.5 and at the per-label
thresholds best on the pooled out-of-fold scores. Real test is never read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold
from tqdm.auto import tqdm

from warta.atomic import write_text_atomic
from warta.labels import EVENT_LABELS
from warta.lexical_views import default_views
from warta_training.baselines import TfidfBaseline
from warta_training.corpus import load_split, without_furniture
from warta_training.evaluate import gold_matrix
from warta_training.metrics import event_metrics, tune_thresholds
from warta_training.real import real_split

SETUPS = {"whole": None, "focus": default_views}  # --lexical-views of warta train


def out_of_fold(real: list[dict], authored: list[dict], views: list[dict] | None, folds: int) -> np.ndarray:
    """Out-of-fold probabilities of the lexical half over the real pages."""
    groups = [r["meta"].get("group") or r["id"] for r in real]
    probs = np.zeros((len(real), len(EVENT_LABELS)))
    for train_idx, held in tqdm(list(GroupKFold(folds).split(real, groups=groups)), desc="folds", leave=False):
        train = [real[i] for i in train_idx] + authored
        model = TfidfBaseline(analyzer="char_wb", views=views).fit([r["text"] for r in train], gold_matrix(train))
        probs[held] = model.predict_proba([real[i]["text"] for i in held])
    return probs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None, help="JSON report to write (atomically)")
    args = ap.parse_args(argv)
    real: list[dict] = []
    for split in ("train", "dev"):
        records, note = real_split(args.data, split)
        if note:
            raise SystemExit(f"error: {note}")
        real += records
    real, authored = without_furniture(real), without_furniture(load_split(args.data, "train"))
    y = gold_matrix(real)
    report = {"pages": len(real), "folds": args.folds, "setups": {}}
    for name, views in SETUPS.items():
        probs = out_of_fold(real, authored, views() if views else None, args.folds)
        th = tune_thresholds(y, probs)
        at_half, tuned = event_metrics(y, probs >= 0.5), event_metrics(y, probs >= np.array([th[lab] for lab in EVENT_LABELS]))
        report["setups"][name] = {"macro_f1_at_0.5": at_half["macro_f1"], "macro_f1_tuned": tuned["macro_f1"],
                                  "f1_at_0.5": {lab: at_half["per_label"][lab]["f1"] for lab in EVENT_LABELS}}
        print(f"{name:6} out-of-fold macro-F1 {at_half['macro_f1']:.4f} at 0.5, {tuned['macro_f1']:.4f} tuned; "
              + ", ".join(f"{lab} {at_half['per_label'][lab]['f1']:.3f}" for lab in EVENT_LABELS), flush=True)
    if args.out:
        write_text_atomic(args.out, json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
