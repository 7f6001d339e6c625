"""Run the model on the real seed articles (read at run time from ../shared/seeds, never copied)
and compare with their labels in data/seed_labels.json, beside the keyword rules and TF-IDF.

    python scripts/check_seeds.py --seeds ../shared/seeds --out reports/seeds.json

Prints one line per seed (with the start of warta's summary, for eyeballing); the --out file holds
ids, labels and scores only, so no third-party text enters the repository.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from warta import Predictor
from warta.atomic import write_text_atomic
from warta.labels import EVENT_LABELS
from warta_training.baselines import TfidfBaseline, keyword_predict
from warta_training.corpus import load_split


def tfidf_labels(data: Path, texts: list[str]) -> list[list[str]]:
    """The TF-IDF baseline trained on the train split (title + text, as the seeds begin with a title)."""
    train = load_split(data, "train")
    y = np.array([[lab in r["labels"] for lab in EVENT_LABELS] for r in train], dtype=int)
    probs = TfidfBaseline().fit([f"{r.get('title', '')}\n\n{r['text']}" for r in train], y).predict_proba(texts)
    return [[lab for lab, p in zip(EVENT_LABELS, row) if p >= 0.5] for row in probs]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=Path, default=Path("../shared/seeds"))
    ap.add_argument("--labels", type=Path, default=Path("data/seed_labels.json"))
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", type=Path, default=None, help="write ids, labels and exact-match counts as JSON")
    args = ap.parse_args()
    gold = {k: v for k, v in json.loads(args.labels.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    files = sorted(f for f in args.seeds.glob("*.txt") if f.stem in gold)
    if not files:
        raise SystemExit(f"no labelled seed articles found in {args.seeds}")
    texts = [f.read_text(encoding="utf-8") for f in files]
    predictor = Predictor.load(args.model)
    preds = predictor.predict(texts)
    # the encoder's own scores beside the fused ones, to see which half decides on real text
    encoder = predictor.encoder_only().event_probs(texts).numpy() if predictor.lexical_weight > 0 else None
    systems = {"warta": [p["labels"] for p in preds],
               "keywords": [[lab for lab, v in zip(EVENT_LABELS, row) if v] for row in keyword_predict(texts)],
               "tfidf_logreg": tfidf_labels(args.data, texts)}
    rows = []
    for i, f in enumerate(files):
        rows.append({"seed": f.stem, "gold": gold[f.stem], **{k: v[i] for k, v in systems.items()}, "warta_scores": preds[i]["scores"]})
        if encoder is not None:
            rows[-1]["encoder_only_scores"] = {lab: round(float(x), 4) for lab, x in zip(EVENT_LABELS, encoder[i])}
        print(json.dumps({**rows[-1], "quotes": len(preds[i].get("quotes", [])), "summary": preds[i].get("summary", "")[:160]}, ensure_ascii=False))
    right = {k: sum(sorted(v[i]) == sorted(gold[f.stem]) for i, f in enumerate(files)) for k, v in systems.items()}
    result = {"articles": len(files), "exact_match": right, "seeds": rows}
    print(json.dumps({"articles": len(files), "exact_match": {k: f"{v}/{len(files)}" for k, v in right.items()}}))
    if args.out:
        write_text_atomic(args.out, json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
