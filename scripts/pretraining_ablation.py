"""Does MLM pretraining help? Fine-tune the event classifier from the pretrained encoder and from
the same architecture with random weights (same data, seed, schedule); report dev and test macro-F1.

    python scripts/pretraining_ablation.py --out reports/ablation.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

from warta import Predictor
from warta.atomic import write_text_atomic
from warta.labels import EVENT_LABELS
from warta_training.corpus import load_split
from warta_training.evaluate import gold_matrix
from warta_training.metrics import event_metrics
from warta_training.train import TrainArgs, train


def macro_f1s(model_dir: Path, data: Path) -> dict[str, float]:
    """Dev and test macro-F1 as shipped (encoder fused with the n-gram half, thresholds tuned on
    dev) and of the encoder alone at 0.5: the stored thresholds belong to the fused scores, and the
    encoder-only number is the one that says what pretraining does to the encoder."""
    p = Predictor.load(model_dir)
    alone = p.encoder_only()
    th = np.array([p.thresholds[lab] for lab in EVENT_LABELS])
    out = {}
    for split in ("dev", "test"):
        recs = load_split(data, split)
        texts, y = [r["text"] for r in recs], gold_matrix(recs)
        out[f"{split}_macro_f1"] = event_metrics(y, p.event_probs(texts).numpy() >= th)["macro_f1"]
        out[f"encoder_only_{split}_macro_f1"] = event_metrics(y, alone.event_probs(texts).numpy() >= 0.5)["macro_f1"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-model", default=TrainArgs.base_model)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--epochs", type=int, default=TrainArgs.epochs)
    ap.add_argument("--out", type=Path, default=Path("reports/ablation.json"))
    ap.add_argument("--pretrained-model", type=Path, default=None,
                    help="an already trained checkpoint from --base-model with default settings (e.g. model/default): reused as the pretrained arm")
    ap.add_argument("--random-model", type=Path, default=None,
                    help="an already trained `warta train --random-init` checkpoint: reused as the random-init arm")
    args = ap.parse_args()
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, random_init in (("pretrained", False), ("random init", True)):
            out = Path(tmp) / name.replace(" ", "_")
            reuse = args.pretrained_model if name == "pretrained" else args.random_model
            if reuse:
                out = reuse
                cfg = json.loads((out / "warta_config.json").read_text(encoding="utf-8"))
                history, max_epochs = cfg.get("history", []), cfg.get("train_args", {}).get("epochs")
            else:
                print(f"== {name}", file=sys.stderr)
                res = train(TrainArgs(base_model=args.base_model, data=str(args.data), out=str(out), epochs=args.epochs, random_init=random_init),
                            progress=sys.stderr.isatty())
                history, max_epochs = res["history"], args.epochs
            runs[name] = {**macro_f1s(out, args.data), "max_epochs": max_epochs, "epochs_run": len(history), "history": history}
    result = {"base_model": Path(args.base_model).name, "runs": runs}
    write_text_atomic(args.out, json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: {m: v[m] for m in ("dev_macro_f1", "test_macro_f1")} for k, v in runs.items()}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
