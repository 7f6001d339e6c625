"""Which training data carries real-news performance? Event scores on real test (and authored
test) of models trained on authored articles only, real pages only, and both.

    warta train --corpus authored --out runs/authored_only --epochs 6 --patience 6
    warta train --corpus real --out runs/real_only --epochs 6 --patience 6
    python scripts/corpus_ablation.py --model authored=runs/authored_only --model real=runs/real_only \
        --model both=model/default --out reports/corpus_ablation.json

Every model made its choices (epoch, thresholds, lexical weight) on real dev; the keyword rules
are measured on the same split beside them.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from warta import Predictor
from warta.atomic import write_text_atomic
from warta.labels import EVENT_LABELS
from warta_training.baselines import keyword_predict
from warta_training.corpus import load_split
from warta_training.evaluate import event_probs, gold_matrix, near_miss_fp_rate
from warta_training.metrics import event_metrics
from warta_training.real import real_split


def scores(predictor: Predictor, records: list[dict]) -> dict:
    y = gold_matrix(records)
    th = np.array([predictor.thresholds[lab] for lab in EVENT_LABELS])
    pred = (event_probs(predictor.predict([r["text"] for r in records])) >= th).astype(int)
    m = event_metrics(y, pred)
    return {"macro_f1": m["macro_f1"], "exact_match": m["exact_match"], "near_miss_fp_rate": near_miss_fp_rate(records, pred),
            "per_label_f1": {lab: v["f1"] for lab, v in m["per_label"].items()}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", action="append", required=True, help="NAME=FOLDER (repeatable)")
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--split", default="test")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    real, note = real_split(args.data, args.split)
    if note:
        raise SystemExit(f"error: {note}")
    corpora = {"real": real, "authored": load_split(args.data, args.split)}
    result = {"split": args.split, "n": {k: len(v) for k, v in corpora.items()}, "keywords": {}, "models": {}}
    for name, recs in corpora.items():
        pred = keyword_predict([r["text"] for r in recs])
        m = event_metrics(gold_matrix(recs), pred)
        result["keywords"][name] = {"macro_f1": m["macro_f1"], "exact_match": m["exact_match"], "near_miss_fp_rate": near_miss_fp_rate(recs, pred)}
    for spec in args.model:
        name, folder = spec.split("=", 1)
        predictor = Predictor.load(folder)
        result["models"][name] = {"folder": folder, **{c: scores(predictor, recs) for c, recs in corpora.items()}}
        print(json.dumps({name: result["models"][name]}))
    print(json.dumps({"keywords": result["keywords"]}))
    if args.out:
        write_text_atomic(args.out, json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
