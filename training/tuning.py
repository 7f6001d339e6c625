"""Post-processing choices tuned on dev: the summary's sentence count and word budget.

    python -m warta_training.tuning --model runs/mine      # retune a trained checkpoint

Like the event thresholds, these are chosen on dev and stored in the checkpoint's
config.json and warta_config.json; `warta train` tunes them after training. The command retunes a
checkpoint in place after the post-processing code changes, without retraining. Real news decides:
the dev articles are the real pages with a reference summary and our IndoSum dev part, each source
weighing equally whatever its size; authored dev only when neither is present.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from tqdm.auto import tqdm

from warta.modeling import update_settings
from warta.predictor import Predictor
from warta.sentences import split_sentences
from warta.summarize import select_sentences, trim_dateline

from .corpus import load_split, without_furniture
from .indosum import indosum_split
from .real import has_summary, real_split
from .rouge import scorer

SUMMARY_DEFAULTS = {"max_sentences": 3, "min_sentences": 2, "word_budget": 60, "min_score": 0.0, "max_overlap": 1.0}
# Grid of summary lengths: 1-5 sentences, word budgets from a short paragraph to a long one, and a
# sentence score below which no further sentence is added (0: count and budget alone decide).
MAX_SENTENCES = (1, 2, 3, 4, 5)
WORD_BUDGETS = (40, 60, 80, 100, 150)
MIN_SCORES = (0.0, 0.2, 0.3, 0.4, 0.5)
# Share of a sentence's word trigrams already in the summary above which it is skipped (1.0: off);
# tried after the length is chosen, so the grid stays small.
MAX_OVERLAPS = (1.0, 0.5, 0.3, 0.2, 0.1)


def model_outputs(predictor: Predictor, records: list[dict], progress: bool = False) -> list[dict]:
    """One model pass over `records` (Predictor.raw), shared by every tuner."""
    texts = [r["text"] for r in records]
    return [raw for i in tqdm(range(0, len(texts), predictor.batch_size), desc="dev pass", disable=not progress)
            for raw in predictor.raw(texts[i : i + predictor.batch_size])]


def summary_grid(min_scores: tuple[float, ...] = MIN_SCORES) -> list[dict]:
    return [{"max_sentences": m, "min_sentences": lo, "word_budget": b, "min_score": t}
            for t in min_scores for m in MAX_SENTENCES for b in WORD_BUDGETS for lo in sorted({1, min(2, m), m})]


def tune_summary(records: list[dict], sentence_scores: np.ndarray, grid: list[dict] | None = None) -> dict:
    """Sentence count and word budget that maximise dev ROUGE-L, averaged per source
    (`meta.source`: real pages, IndoSum, authored) so that no source outvotes the others by size."""
    sc = scorer(("rougeL",))
    sents = [split_sentences(r["text"]) for r in records]
    per_doc = [scores.tolist() for scores in np.split(sentence_scores, np.cumsum([len(x) for x in sents])[:-1])]

    def rouge(cfg: dict) -> tuple[float, dict]:
        by_source: dict[str, list[float]] = defaultdict(list)
        for r, ss, scores in zip(records, sents, per_doc):
            pick = select_sentences(ss, scores, **cfg)
            f = sc.score(r["summary"], " ".join(trim_dateline(ss[i]).text for i in pick))["rougeL"].fmeasure
            by_source[r.get("meta", {}).get("source", "authored")].append(f)
        means = {k: float(np.mean(v)) for k, v in by_source.items()}
        return (float(np.mean(list(means.values()))) if means else 0.0), means

    best = (-1.0, SUMMARY_DEFAULTS, {})

    def consider(cfg: dict) -> float:
        nonlocal best
        score, means = rouge(cfg)
        if score > best[0]:
            best = (score, cfg, means)
        return score

    for cfg in grid or summary_grid():
        consider({**cfg, "max_overlap": 1.0})
    # the blocking stage, every threshold reported, so the gain over no blocking (1.0) is on record
    by_overlap = {str(MAX_OVERLAPS[0]): best[0]}
    length = best[1]
    for ov in MAX_OVERLAPS[1:]:
        by_overlap[str(ov)] = consider({**length, "max_overlap": ov})
    return {**best[1], "dev_rougeL": round(100 * best[0], 2), "dev_rougeL_by_source": {k: round(100 * v, 2) for k, v in best[2].items()},
            "dev_rougeL_by_overlap": {k: round(100 * v, 2) for k, v in by_overlap.items()}}


def real_summary_records(data: Path, split: str, real_dir: Path | None = None) -> list[dict]:
    """Real news with reference summaries of one split: the real pages annotated with one and our
    IndoSum part, as the predictor reads them (furniture blanked, so the sentences scored are the
    sentences split here)."""
    return without_furniture([r for r in real_split(data, split, real_dir)[0] if has_summary(r)] + indosum_split(split, real_dir)[0])


def summary_dev(data: Path, real_dir: Path | None = None) -> list[dict]:
    """The dev articles summary choices are made on: real news (real_summary_records); authored dev
    when no real text is at hand."""
    return real_summary_records(data, "dev", real_dir) or without_furniture(load_split(data, "dev"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--real-dir", type=Path, default=None)
    args = ap.parse_args(argv)
    predictor = Predictor.load(args.model)
    dev = summary_dev(args.data, args.real_dir)
    raws = model_outputs(predictor, dev, progress=sys.stderr.isatty())
    summary = tune_summary(dev, np.concatenate([np.asarray(r["sentence_scores"]) for r in raws]))
    # both config.json (what loading reads) and warta_config.json (the training record)
    update_settings(args.model, {"summary": {k: v for k, v in summary.items() if k in SUMMARY_DEFAULTS}})
    for ov, score in summary["dev_rougeL_by_overlap"].items():
        print(f"max_overlap {ov:>4}: dev ROUGE-L {score:.2f}" + ("  (chosen)" if float(ov) == summary["max_overlap"] else ""), file=sys.stderr)
    print(json.dumps({"summary": summary}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
