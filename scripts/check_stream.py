"""False alarms on an ordinary news stream: IndoSum's headline news (`tajuk utama`, real Indonesian
news of 2017-2018, CC BY-SA 4.0), read at run time from ../shared/real/indosum.jsonl.

    python scripts/check_stream.py --out reports/stream.json

Any event label on these articles is a candidate false alarm; each flagged article is listed with
its scores and source address (never its text) so a reader can check whether it really reports a
rakor, apel gelar pasukan or sispamkota drill. Keyword rules run beside warta on the same stream.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tqdm.auto import tqdm

from warta import Predictor
from warta.atomic import write_text_atomic
from warta.labels import EVENT_LABELS
from warta_training.baselines import keyword_predict
from warta_training.indosum import load_indosum


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--real-dir", type=Path, default=None, help="folder of indosum.jsonl (default: $WARTA_REAL_DIR or ../shared/real)")
    ap.add_argument("--category", default="tajuk utama")
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", type=Path, default=None, help="write counts and flagged ids/scores as JSON")
    args = ap.parse_args()
    recs = load_indosum(args.real_dir, args.category)
    if not recs:
        raise SystemExit(f"no IndoSum articles of category {args.category!r}")
    texts = [r["text"] for r in recs]
    predictor = Predictor.load(args.model)
    preds = [p for i in tqdm(range(0, len(texts), 32), desc="stream", unit="batch") for p in predictor.predict(texts[i : i + 32])]
    kw = keyword_predict(texts)
    flagged = [{"id": r["id"], "url": r.get("source_url", ""), "labels": p["labels"], "scores": p["scores"]}
               for r, p in zip(recs, preds) if p.get("labels")]
    result = {"category": args.category, "articles": len(recs),
              "warta_flagged": len(flagged), "keywords_flagged": int(kw.any(axis=1).sum()),
              "warta_per_label": {lab: sum(lab in f["labels"] for f in flagged) for lab in EVENT_LABELS},
              "keywords_per_label": {lab: int(kw[:, i].sum()) for i, lab in enumerate(EVENT_LABELS)},
              "flagged": flagged}
    print(json.dumps({k: v for k, v in result.items() if k != "flagged"}))
    for f in flagged:
        print(json.dumps(f, ensure_ascii=False))
    if args.out:
        write_text_atomic(args.out, json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
