"""`warta evaluate`: a model's metrics beside the baselines on one split, as Markdown, JSON and plots.

    warta evaluate --model model/default --split test --out reports/test
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from warta.atomic import write_text_atomic
from warta.labels import EVENT_LABELS
from warta.predictor import DEFAULT_MODEL, Predictor

from .baselines import TfidfBaseline, keyword_predict
from .corpus import load_split
from .metrics import cooccurrence, event_metrics
from .quote_metrics import quote_metrics
from .summary_eval import baseline_summaries, rouge_table


def gold_matrix(records: list[dict]) -> np.ndarray:
    return np.array([[lab in r["labels"] for lab in EVENT_LABELS] for r in records], dtype=int)


def near_miss_fp_rate(records: list[dict], pred: np.ndarray) -> float:
    """Share of hard negatives (shared vocabulary, no event) given any label: the sceptic's test."""
    idx = [i for i, r in enumerate(records) if r["meta"]["kind"] == "hard_negative"]
    return round(float(pred[idx].any(axis=1).mean()), 4) if idx else 0.0


def evaluate_events(predictor: Predictor, records: list[dict], preds: list[dict], train: list[dict], split: str) -> dict:
    texts = [r["text"] for r in records]
    y = gold_matrix(records)
    probs = np.array([[p["scores"][lab] for lab in EVENT_LABELS] for p in preds]).reshape(-1, len(EVENT_LABELS))
    th = np.array([predictor.thresholds[lab] for lab in EVENT_LABELS])
    systems = {"warta": (probs >= th).astype(int), "keywords": keyword_predict(texts)}
    tfidf = TfidfBaseline().fit([r["text"] for r in train], gold_matrix(train))
    tfidf_probs = tfidf.predict_proba(texts)
    systems["tfidf_logreg"] = (tfidf_probs >= 0.5).astype(int)
    if predictor.lexical_weight > 0:
        # each half of the fused classifier on its own: the encoder here (at 0.5, as the tuned
        # thresholds belong to the fused scores), the n-gram half is the tfidf_logreg row
        systems["encoder_only"] = (predictor.encoder_only().event_probs(texts).numpy() >= 0.5).astype(int)
    out = {"split": split, "n": len(records), "systems": {}}
    for name, pred in systems.items():
        m = event_metrics(y, pred)
        m["hard_negative_fp_rate"] = near_miss_fp_rate(records, pred)
        out["systems"][name] = m
    names, mat = cooccurrence(y, systems["warta"])
    out["cooccurrence"] = {"labels": names, "matrix": mat.tolist()}
    out["misclassified"] = [
        {"id": r["id"], "gold": r["labels"], "pred": [lab for lab, v in zip(EVENT_LABELS, row) if v], "kind": r["meta"]["kind"]}
        for r, row, gold in zip(records, systems["warta"], y)
        if (row != gold).any()
    ]
    out["_curves"] = {"y": y, "warta": probs, "tfidf_logreg": tfidf_probs}
    return out


def evaluate_quotes(records: list[dict], preds: list[dict]) -> dict:
    """warta (tagger + rules) beside the rules alone and the sceptic's pairing-with-nearest-name baseline."""
    from warta.quotes import baseline_quotes, extract_quotes

    systems = {"baseline": [baseline_quotes(r["text"]) for r in records], "rules": [extract_quotes(r["text"]) for r in records]}
    if all("quotes" in p for p in preds):
        systems = {"warta": [p["quotes"] for p in preds], **systems}
    return {name: quote_metrics(records, qs) for name, qs in systems.items()}


def evaluate_summaries(records: list[dict], preds: list[dict]) -> dict:
    systems = baseline_summaries([r["text"] for r in records])
    if all("summary" in p for p in preds):
        systems = {"warta": [p["summary"] for p in preds], **systems}
    return rouge_table([r["summary"] for r in records], systems)


def evaluate_all(predictor: Predictor, data: Path, split: str, id_prefixes: tuple[str, ...] = ()) -> dict:
    """Every metric on one split; `id_prefixes` restricts it to a slice (e.g. the web-voice articles, ids w*)."""
    records = load_split(data, split)
    if id_prefixes:
        records = [r for r in records if r["id"].startswith(id_prefixes)]
        if not records:
            raise SystemExit(f"error: no {split} article has an id starting with {', '.join(id_prefixes)}")
        split = f"{split} (ids {', '.join(p + '*' for p in id_prefixes)})"
    preds = predictor.predict([r["text"] for r in records])
    res = evaluate_events(predictor, records, preds, load_split(data, "train"), split)
    res["quotes"] = evaluate_quotes(records, preds)
    res["summaries"] = evaluate_summaries(records, preds)
    return res


def quote_table_lines(q: dict) -> list[str]:
    lines = ["## Quotes", "", "| system | type | exact P | exact R | exact F1 | overlap F1 | speaker acc | cue acc | gold | predicted |", "|---" * 10 + "|"]
    for name, m in q.items():
        for t in ("direct", "indirect", "all"):
            v = m[t]
            lines.append(f"| {name} | {t} | {v['exact_p']:.3f} | {v['exact_r']:.3f} | {v['exact_f1']:.3f} | {v['overlap_f1']:.3f} | {v['speaker_acc']:.3f} | {v['cue_acc']:.3f} | {v['n_gold']} | {v['n_pred']} |")
    lines += ["", "Speaker accuracy: share of gold quotes found (overlap) whose resolved speaker equals the gold fullest name. "
              "`baseline`: quote-mark pairing with the nearest capitalised name; `rules`: warta's rules without the tagger.", ""]
    return lines


def summary_table_lines(s: dict) -> list[str]:
    lines = ["## Summaries", "", "| system | ROUGE-1 | ROUGE-2 | ROUGE-L | mean words |", "|---|---|---|---|---|"]
    lines += [f"| {name} | {v['rouge1']:.2f} | {v['rouge2']:.2f} | {v['rougeL']:.2f} | {v['words']} |" for name, v in s.items()]
    return lines + ["", "ROUGE F1 × 100 against the annotators' reference summaries; words kept whole, no stemming (`training/rouge.py`).", ""]


def markdown_report(res: dict, model_path: str) -> str:
    lines = [f"# warta evaluation — {res['split']} split ({res['n']} articles)", "", f"Model: `{model_path}`. Regenerate: `warta evaluate --model {model_path} --split {res['split']}`.", ""]
    lines += ["## Events", "", "| system | macro-F1 | micro-F1 | exact match | " + " | ".join(f"F1 {lab}" for lab in EVENT_LABELS) + " | hard-negative FP rate |", "|---" * (5 + len(EVENT_LABELS)) + "|"]
    for name, m in res["systems"].items():
        per = " | ".join(f"{m['per_label'][lab]['f1']:.3f}" for lab in EVENT_LABELS)
        lines.append(f"| {name} | {m['macro_f1']:.3f} | {m['micro_f1']:.3f} | {m['exact_match']:.3f} | {per} | {m['hard_negative_fp_rate']:.3f} |")
    w = res["systems"]["warta"]
    lines += ["", "Per label (warta):", "", "| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    lines += [f"| {lab} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['support']} |" for lab, v in w["per_label"].items()]
    names, mat = res["cooccurrence"]["labels"], res["cooccurrence"]["matrix"]
    lines += ["", "Gold (rows) × predicted (columns), warta:", "", "| gold \\ pred | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    lines += [f"| {n} | " + " | ".join(str(v) for v in row) + " |" for n, row in zip(names, mat)]
    lines += ["", f"Misclassified: {len(res['misclassified'])} articles (ids in `misclassified.jsonl`).", ""]
    if "quotes" in res:
        lines += quote_table_lines(res["quotes"])
    if "summaries" in res:
        lines += summary_table_lines(res["summaries"])
    return "\n".join(lines)


def plot(res: dict, out: Path) -> list[str]:
    """confusion.png (co-occurrence heat map) and pr_curves.png; returns the file names written."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import precision_recall_curve

    names, mat = res["cooccurrence"]["labels"], np.array(res["cooccurrence"]["matrix"])
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.imshow(mat, cmap="Blues")
    ax.set_xticks(range(len(names)), names, rotation=30, ha="right")
    ax.set_yticks(range(len(names)), names)
    for i in range(len(names)):
        for j in range(len(names)):
            ax.text(j, i, mat[i, j], ha="center", va="center", color="white" if mat[i, j] > mat.max() / 2 else "black")
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(f"warta events, {res['split']} split")
    fig.tight_layout()
    fig.savefig(out / "confusion.png", dpi=120)
    plt.close(fig)
    curves = res["_curves"]
    fig, axes = plt.subplots(1, len(EVENT_LABELS), figsize=(4 * len(EVENT_LABELS), 3.6), sharey=True)
    for i, (ax, lab) in enumerate(zip(np.atleast_1d(axes), EVENT_LABELS)):
        for name in ("warta", "tfidf_logreg"):
            if curves["y"][:, i].any():
                p, r, _ = precision_recall_curve(curves["y"][:, i], curves[name][:, i])
                ax.plot(r, p, label=name)
        ax.set_title(lab)
        ax.set_xlabel("recall")
        ax.grid(alpha=0.3)
    np.atleast_1d(axes)[0].set_ylabel("precision")
    np.atleast_1d(axes)[0].legend(loc="lower left")
    fig.tight_layout()
    fig.savefig(out / "pr_curves.png", dpi=120)
    plt.close(fig)
    return ["confusion.png", "pr_curves.png"]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="warta evaluate", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--out", type=Path, default=None, help="report folder (default reports/<split>)")
    ap.add_argument("--no-plots", action="store_true")
    ap.add_argument("--id-prefix", action="append", default=[], help="only articles whose id starts with this (repeatable), "
                    "e.g. w for the web-voice articles")
    args = ap.parse_args(argv)
    out = args.out or Path("reports") / args.split
    predictor = Predictor.load(args.model)
    res = evaluate_all(predictor, args.data, args.split, tuple(args.id_prefix))
    out.mkdir(parents=True, exist_ok=True)
    if not args.no_plots:
        plot(res, out)
    res.pop("_curves")
    write_text_atomic(out / "metrics.json", json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    write_text_atomic(out / "misclassified.jsonl", "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in res["misclassified"]))
    report = markdown_report(res, args.model)
    write_text_atomic(out / "report.md", report)
    print(report)
    print(f"wrote {out}/report.md, metrics.json, misclassified.jsonl" + ("" if args.no_plots else ", confusion.png, pr_curves.png"), file=sys.stderr)
    return 0
