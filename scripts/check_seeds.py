"""Run the model on the real seed articles (read at run time from ../shared/seeds, never copied)
and compare with their labels in data/seed_labels.json, beside the keyword rules.

    python scripts/check_seeds.py --seeds ../shared/seeds
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from warta import Predictor
from warta.labels import EVENT_LABELS
from warta_training.baselines import keyword_predict


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=Path, default=Path("../shared/seeds"))
    ap.add_argument("--labels", type=Path, default=Path("data/seed_labels.json"))
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    gold = {k: v for k, v in json.loads(args.labels.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    files = sorted(f for f in args.seeds.glob("*.txt") if f.stem in gold)
    texts = [f.read_text(encoding="utf-8") for f in files]
    preds = Predictor.load(args.model).predict(texts)
    kw = keyword_predict(texts)
    right = {"warta": 0, "keywords": 0}
    for f, p, k in zip(files, preds, kw):
        kw_labels = [lab for lab, v in zip(EVENT_LABELS, k) if v]
        right["warta"] += sorted(p["labels"]) == sorted(gold[f.stem])
        right["keywords"] += sorted(kw_labels) == sorted(gold[f.stem])
        print(json.dumps({"seed": f.stem, "gold": gold[f.stem], "warta": p["labels"], "keywords": kw_labels,
                          "quotes": len(p.get("quotes", [])), "summary": p.get("summary", "")[:160]}, ensure_ascii=False))
    print(json.dumps({"articles": len(files), "exact_match": {k: f"{v}/{len(files)}" for k, v in right.items()}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
