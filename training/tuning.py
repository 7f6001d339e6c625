"""Post-processing choices tuned on dev: quote gates and the summary's sentence count and word budget.

    python -m warta_training.tuning --model runs/mine      # retune a trained checkpoint

Like the event thresholds, these are chosen on dev and stored in the checkpoint's
config.json and warta_config.json; `warta train` tunes them after training. The command retunes a
checkpoint in place after the post-processing code changes, without retraining.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from tqdm.auto import tqdm

from warta.modeling import TAGS, update_settings
from warta.predictor import Predictor
from warta.quote_tagging import DEFAULT_THRESHOLDS, quote_candidates
from warta.sentences import split_sentences
from warta.summarize import select_sentences, trim_dateline

from .corpus import load_split
from .rouge import scorer

SUMMARY_DEFAULTS = {"max_sentences": 3, "min_sentences": 2, "word_budget": 60}
GRID = [round(x, 2) for x in np.arange(0.05, 1.0, 0.05)]


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def model_outputs(predictor: Predictor, records: list[dict], progress: bool = False) -> list[dict]:
    """One model pass over `records` (Predictor.raw), shared by every tuner."""
    texts = [r["text"] for r in records]
    return [raw for i in tqdm(range(0, len(texts), predictor.batch_size), desc="dev pass", disable=not progress)
            for raw in predictor.raw(texts[i : i + predictor.batch_size])]


def tune_quote_thresholds(records: list[dict], raws: list[dict]) -> dict[str, float]:
    """Per type, the gate maximising exact-span F1 of the candidates on `records` (raws: their model outputs).

    Ties go to the threshold nearest 0.5 (the rules' own decision), so the tagger overrules
    the rules only where dev shows it helps.
    """
    scored: dict[str, list[tuple[float, bool]]] = {t: [] for t in DEFAULT_THRESHOLDS}
    n_gold = dict.fromkeys(DEFAULT_THRESHOLDS, 0)
    for rec, raw in zip(records, raws):
        gold = {(q["type"], q["start"], q["end"]) for q in rec["quotes"]}
        for q in rec["quotes"]:
            n_gold[q["type"]] += 1
        for c in quote_candidates(rec["text"], raw["tag_probs"], raw["offsets"], TAGS):
            scored[c.type].append((c.score, (c.type, *c.span) in gold))
    best = {}
    for t, pairs in scored.items():
        f1s = {th: _f1(sum(ok for s, ok in pairs if s >= th), sum(s >= th for s, _ in pairs), n_gold[t]) for th in GRID}
        top = max(f1s.values())
        best[t] = min((th for th, f in f1s.items() if f >= top - 1e-9), key=lambda th: abs(th - 0.5))
    return best


def tune_summary(records: list[dict], sentence_scores: np.ndarray) -> dict:
    """Sentence count (2–3: the summary length users asked for) and word budget that maximise dev ROUGE-L."""
    sc = scorer(("rougeL",))
    sents = [split_sentences(r["text"]) for r in records]
    per_doc = np.split(sentence_scores, np.cumsum([len(x) for x in sents])[:-1])
    best = (-1.0, SUMMARY_DEFAULTS)
    for max_s in (2, 3):
        for budget in (40, 50, 60, 70):
            for min_s in (2, max_s):
                cfg = {"max_sentences": max_s, "min_sentences": min_s, "word_budget": budget}
                total = 0.0
                for r, ss, scores in zip(records, sents, per_doc):
                    pick = select_sentences(ss, scores.tolist(), **cfg)
                    total += sc.score(r["summary"], " ".join(trim_dateline(ss[i]).text for i in pick))["rougeL"].fmeasure
                best = max(best, (total / max(1, len(records)), cfg), key=lambda x: x[0])
    return {**best[1], "dev_rougeL": round(100 * best[0], 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=Path("data"))
    args = ap.parse_args(argv)
    predictor = Predictor.load(args.model)
    dev = load_split(args.data, "dev")
    raws = model_outputs(predictor, dev, progress=sys.stderr.isatty())
    quote = tune_quote_thresholds(dev, raws)
    summary = tune_summary(dev, np.concatenate([np.asarray(r["sentence_scores"]) for r in raws]))
    # both config.json (what loading reads) and warta_config.json (the training record)
    update_settings(args.model, {"quote_thresholds": quote, "summary": {k: v for k, v in summary.items() if k in SUMMARY_DEFAULTS}})
    print(json.dumps({"quote_thresholds": quote, "summary": summary}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
