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
from warta.quotes.linker import SpeakerLinker

from .baselines import TfidfBaseline, baseline_quotes, keyword_predict
from .corpus import load_split
from .metrics import cooccurrence, event_metrics
from .quote_metrics import quote_metrics, speaker_errors
from .summary_eval import baseline_summaries, rouge_table
from .calibration import calibration, reliability_diagram
from .forms import make_forms
from .real import RealDataError, has_quotes, has_summary, real_split


def gold_matrix(records: list[dict]) -> np.ndarray:
    return np.array([[lab in r["labels"] for lab in EVENT_LABELS] for r in records], dtype=int)


def near_miss_fp_rate(records: list[dict], pred: np.ndarray) -> float:
    """Share of hard negatives (shared vocabulary, no event) given any label: the sceptic's test."""
    idx = [i for i, r in enumerate(records) if r["meta"]["kind"] == "hard_negative"]
    return round(float(pred[idx].any(axis=1).mean()), 4) if idx else 0.0


def none_accuracy(y: np.ndarray, pred: np.ndarray) -> float:
    """Share of articles reporting none of the events that get no label: what a news stream mostly is."""
    none = ~y.astype(bool).any(axis=1)
    return round(float((~pred[none].astype(bool).any(axis=1)).mean()), 4) if none.any() else 0.0


def event_probs(preds: list[dict]) -> np.ndarray:
    return np.array([[p["scores"][lab] for lab in EVENT_LABELS] if "scores" in p else [0.0] * len(EVENT_LABELS)
                     for p in preds]).reshape(-1, len(EVENT_LABELS))


def evaluate_events(predictor: Predictor, records: list[dict], preds: list[dict], train: list[dict], split: str,
                    tfidf: TfidfBaseline | None = None) -> dict:
    texts = [r["text"] for r in records]
    y = gold_matrix(records)
    probs = event_probs(preds)
    th = np.array([predictor.thresholds[lab] for lab in EVENT_LABELS])
    systems = {"warta": (probs >= th).astype(int), "keywords": keyword_predict(texts)}
    tfidf = tfidf or TfidfBaseline().fit([r["text"] for r in train], gold_matrix(train))
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
        m["none_accuracy"] = none_accuracy(y, pred)
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


def quote_systems(records: list[dict], preds: list[dict], linker: SpeakerLinker | None = None) -> tuple[list[dict], dict[str, list]]:
    """The annotated articles and each system's quotes on them: warta (the predictor), the rules with
    the checkpoint's speaker linker, the rules alone, and the sceptic's pairing-with-nearest-name baseline."""
    from warta.quotes import extract_quotes

    keep = [i for i, r in enumerate(records) if has_quotes(r)]
    records, preds = [records[i] for i in keep], [preds[i] for i in keep]
    systems: dict[str, list] = {}
    if records and all("quotes" in p for p in preds):
        systems["warta"] = [p["quotes"] for p in preds]
    if records and linker is not None:
        systems["rules+linker"] = [extract_quotes(r["text"], linker=linker) for r in records]
    if records:
        systems["rules"] = [extract_quotes(r["text"]) for r in records]
        systems["baseline"] = [baseline_quotes(r["text"]) for r in records]
    return records, systems


def evaluate_quotes(records: list[dict], preds: list[dict], linker: SpeakerLinker | None = None) -> dict:
    """Quote metrics per system (see `quote_systems`) on the articles whose quotes were annotated."""
    records, systems = quote_systems(records, preds, linker)
    return {name: quote_metrics(records, qs) for name, qs in systems.items()}


def evaluate_speaker_errors(records: list[dict], preds: list[dict], linker: SpeakerLinker | None = None) -> dict:
    """Wrong speakers per system, by how the gold quote is attributed at its cue (name, title, pronoun …)."""
    from warta.quotes.linker import mention_kind

    records, systems = quote_systems(records, preds, linker)
    return {name: speaker_errors(records, qs, mention_kind) for name, qs in systems.items() if name != "baseline"}


def evaluate_summaries(records: list[dict], preds: list[dict]) -> dict:
    keep = [i for i, r in enumerate(records) if has_summary(r)]
    records, preds = [records[i] for i in keep], [preds[i] for i in keep]
    if not records:
        return {}
    oracles = [r["oracle_spans"] for r in records] if all("oracle_spans" in r for r in records) else None
    systems = baseline_summaries([r["text"] for r in records], oracles)
    if all("summary" in p for p in preds):
        systems = {"warta": [p["summary"] for p in preds], **systems}
    return rouge_table([r["summary"] for r in records], systems)


CORPORA = ("real", "authored", "indosum")  # indosum: summaries only


def train_records(predictor: Predictor, data: Path, real_dir: Path | None) -> list[dict]:
    """The articles the model was trained on (its `train_args.corpus`), for the TF-IDF baseline:
    baselines learn from the same data as the model."""
    corpus = predictor.config.get("train_args", {}).get("corpus", "authored")
    out = load_split(data, "train") if corpus in ("authored", "both") else []
    if corpus in ("real", "both"):
        out += real_split(data, "train", real_dir)[0]
    return out


def corpus_records(data: Path, split: str, corpus: str, real_dir: Path | None, id_prefixes: tuple[str, ...]) -> tuple[list[dict], str]:
    records, note = real_split(data, split, real_dir) if corpus == "real" else (load_split(data, split), "")
    if id_prefixes:
        records = [r for r in records if r["id"].startswith(id_prefixes)]
    return records, note


def evaluate_corpus(predictor: Predictor, records: list[dict], train: list[dict], name: str, tfidf: TfidfBaseline,
                    filler: list[str] | None = None, linker: SpeakerLinker | None = None) -> dict:
    """Every metric of one corpus split; on real pages also calibration and the input forms."""
    preds = predictor.predict([r["text"] for r in records])
    res = evaluate_events(predictor, records, preds, train, name, tfidf)
    res["calibration"] = calibration(res["_curves"]["y"], res["_curves"]["warta"])
    res["quotes"] = evaluate_quotes(records, preds, linker)
    res["quote_speaker_errors"] = evaluate_speaker_errors(records, preds, linker)
    res["summaries"] = evaluate_summaries(records, preds)
    if filler is not None:
        res["forms"] = evaluate_forms(predictor, records, filler)
    return res


def evaluate_indosum(predictor: Predictor, split: str, real_dir: Path | None) -> tuple[dict, str]:
    """ROUGE of warta's summaries on our IndoSum part `split` beside Lead-2/3, TextRank and the
    IndoSum extractive gold (oracle), against IndoSum's reference summaries."""
    from .indosum import indosum_split

    records, note = indosum_split(split, real_dir)
    if not records:
        return {}, note
    preds = predictor.predict([r["text"] for r in records])
    return {"n": len(records), "summaries": evaluate_summaries(records, preds)}, note


def evaluate_forms(predictor: Predictor, records: list[dict], filler: list[str]) -> dict:
    """warta's event metrics on each form real input takes (training/forms.py), same gold labels."""
    y = gold_matrix(records)
    th = np.array([predictor.thresholds[lab] for lab in EVENT_LABELS])
    out = {}
    for form, texts in make_forms(records, filler).items():
        pred = (event_probs(predictor.predict(texts)) >= th).astype(int)
        m = event_metrics(y, pred)
        out[form] = {"macro_f1": m["macro_f1"], "exact_match": m["exact_match"], "none_accuracy": none_accuracy(y, pred),
                     "mean_words": round(float(np.mean([len(t.split()) for t in texts])), 1)}
    return out


def evaluate_all(predictor: Predictor, data: Path, split: str, id_prefixes: tuple[str, ...] = (),
                 corpora: tuple[str, ...] = CORPORA, real_dir: Path | None = None, linker: SpeakerLinker | None = None) -> dict:
    """Every metric on one split of each corpus (real pages first); `id_prefixes` restricts it to a
    slice (e.g. the web-voice articles, ids w*); `linker` is the checkpoint's speaker linker, if any."""
    train = train_records(predictor, data, real_dir)
    tfidf = TfidfBaseline().fit([r["text"] for r in train], gold_matrix(train))
    res = {"split": split, "corpora": {}, "notes": []}
    for corpus in (c for c in corpora if c != "indosum"):
        records, note = corpus_records(data, split, corpus, real_dir, id_prefixes)
        if note:
            res["notes"].append(note)
        if not records:
            continue
        filler = None
        if corpus == "real" and not id_prefixes:
            from .indosum import load_indosum

            try:
                filler = [p for r in load_indosum(real_dir, "tajuk utama")[:200] for p in r["text"].split("\n")]
            except (OSError, RealDataError) as e:
                res["notes"].append(f"long-article form skipped: {e}")
        name = f"{corpus} {split}" + (f" (ids {', '.join(p + '*' for p in id_prefixes)})" if id_prefixes else "")
        res["corpora"][corpus] = evaluate_corpus(predictor, records, train, name, tfidf, filler, linker)
    if "indosum" in corpora:
        res["indosum"], note = evaluate_indosum(predictor, split, real_dir)
        if note:
            res["notes"].append(note)
    if not res["corpora"] and not res.get("indosum"):
        raise SystemExit(f"error: no {split} articles to evaluate" + (f" with ids starting {', '.join(id_prefixes)}" if id_prefixes else ""))
    return res


def speaker_error_lines(errors: dict) -> list[str]:
    """Wrong speakers by how the quote is attributed at its cue, per system: where the linker helps."""
    kinds = sorted({k for per in errors.values() for k in per})
    lines = ["| system | " + " | ".join(f"{k} (wrong/found)" for k in kinds) + " |", "|---" * (len(kinds) + 1) + "|"]
    for name, per in errors.items():
        lines.append(f"| {name} | " + " | ".join(f"{per[k]['wrong']}/{per[k]['n']}" if k in per else "-" for k in kinds) + " |")
    return lines + ["", "Cue attribution of the gold quote: `name`, `title` (a title only), `org` (an institution), "
                    "`pronoun` (ia, dia, -nya), `none` (no cue).", ""]


def quote_table_lines(q: dict) -> list[str]:
    lines = ["## Quotes", "", "| system | type | exact P | exact R | exact F1 | overlap F1 | speaker acc | cue acc | gold | predicted |", "|---" * 10 + "|"]
    for name, m in q.items():
        for t in ("direct", "indirect", "all"):
            v = m[t]
            lines.append(f"| {name} | {t} | {v['exact_p']:.3f} | {v['exact_r']:.3f} | {v['exact_f1']:.3f} | {v['overlap_f1']:.3f} | {v['speaker_acc']:.3f} | {v['cue_acc']:.3f} | {v['n_gold']} | {v['n_pred']} |")
    lines += ["", "Speaker accuracy: share of gold quotes found (overlap) whose resolved speaker equals the gold fullest name. "
              "`baseline`: quote-mark pairing with the nearest capitalised name; `rules`: warta's rules alone; "
              "`warta`: the rules propose candidate speakers and the checkpoint's speaker linker picks one "
              "(`rules+linker`, when shown, is the same given a linker by hand).", ""]
    return lines


def summary_table_lines(s: dict) -> list[str]:
    lines = ["## Summaries", "", "| system | ROUGE-1 | ROUGE-2 | ROUGE-L | mean words |", "|---|---|---|---|---|"]
    lines += [f"| {name} | {v['rouge1']:.2f} | {v['rouge2']:.2f} | {v['rougeL']:.2f} | {v['words']} |" for name, v in s.items()]
    return lines + ["", "ROUGE F1 × 100 against the annotators' reference summaries; words kept whole, no stemming (`training/rouge.py`).", ""]


def events_table_lines(res: dict) -> list[str]:
    lines = ["| system | macro-F1 | micro-F1 | exact match | " + " | ".join(f"F1 {lab}" for lab in EVENT_LABELS)
             + " | none-accuracy | near-miss FP rate |", "|---" * (6 + len(EVENT_LABELS)) + "|"]
    for name, m in res["systems"].items():
        per = " | ".join(f"{m['per_label'][lab]['f1']:.3f}" for lab in EVENT_LABELS)
        lines.append(f"| {name} | {m['macro_f1']:.3f} | {m['micro_f1']:.3f} | {m['exact_match']:.3f} | {per} | "
                     f"{m.get('none_accuracy', 0):.3f} | {m['hard_negative_fp_rate']:.3f} |")
    return lines


def corpus_report_lines(res: dict, title: str) -> list[str]:
    lines = [f"## {title} ({res['n']} articles)", "", "### Events", "", *events_table_lines(res)]
    w = res["systems"]["warta"]
    lines += ["", "Per label (warta):", "", "| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    lines += [f"| {lab} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['support']} |" for lab, v in w["per_label"].items()]
    names, mat = res["cooccurrence"]["labels"], res["cooccurrence"]["matrix"]
    lines += ["", "Gold (rows) × predicted (columns), warta:", "", "| gold \\ pred | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    lines += [f"| {n} | " + " | ".join(str(v) for v in row) + " |" for n, row in zip(names, mat)]
    cal = res.get("calibration")
    if cal:
        lines += ["", f"Calibration of warta's scores: ECE {cal['ece_all']:.3f} over all (article, label) scores ("
                  + ", ".join(f"{lab} {v:.3f}" for lab, v in cal["ece_per_label"].items()) + f"; {cal['n_bins']} equal-width bins)."]
    if res.get("forms"):
        lines += ["", "### Forms of input (same gold labels)", "", "| form | mean words | macro-F1 | exact match | none-accuracy |", "|---|---|---|---|---|"]
        lines += [f"| {f} | {v['mean_words']} | {v['macro_f1']:.3f} | {v['exact_match']:.3f} | {v['none_accuracy']:.3f} |" for f, v in res["forms"].items()]
        lines += ["", "`excerpt`: the page excerpt as given; `title_body`: the headline from the page address, then the excerpt; "
                  "`long`: the excerpt continued by unrelated real headline news (IndoSum) to 1,500 words."]
    lines += ["", f"Misclassified: {len(res['misclassified'])} articles (ids in `misclassified.jsonl`).", ""]
    if res.get("quotes"):
        lines += ["#" + ln if ln.startswith("## ") else ln for ln in quote_table_lines(res["quotes"])]
        if res.get("quote_speaker_errors"):
            lines += speaker_error_lines(res["quote_speaker_errors"])
    if res.get("summaries"):
        lines += ["#" + ln if ln.startswith("## ") else ln for ln in summary_table_lines(res["summaries"])]
    return lines


TITLES = {"real": "Real news pages", "authored": "Authored articles"}


def markdown_report(res: dict, model_path: str) -> str:
    lines = [f"# warta evaluation — {res['split']} split", "", f"Model: `{model_path}`. Regenerate: `warta evaluate --model {model_path} --split {res['split']}`.", "",
             "`keywords`: the event's own words anywhere in the text; `tfidf_logreg`: word 1–2-gram TF-IDF + logistic regression trained on the model's "
             "own train articles; `encoder_only`: warta's encoder half alone, at 0.5. none-accuracy: share of articles reporting no event that get no label; "
             "near-miss FP rate: share of hard negatives (same vocabulary, no event) given any label.", ""]
    lines += [f"Note: {n}" for n in res.get("notes", [])] + ([""] if res.get("notes") else [])
    for corpus, r in res["corpora"].items():
        lines += corpus_report_lines(r, f"{TITLES.get(corpus, corpus)}, {res['split']}")
    if res.get("indosum"):
        lines += [f"## IndoSum, our {res['split']} part ({res['indosum']['n']} articles; summaries only)", ""]
        lines += ["#" + ln if ln.startswith("## ") else ln for ln in summary_table_lines(res["indosum"]["summaries"])]
        lines += ["`oracle`: the IndoSum annotators' extractive gold sentences (an upper bound for sentence picking). "
                  "IndoSum (Kurniawan & Louvan, 2018), CC BY-SA 4.0; our split by id in `data/indosum/split.json`.", ""]
    return "\n".join(lines)


def plot_all(res: dict, out: Path) -> list[str]:
    """Plots of every corpus, prefixed by its name (real_confusion.png, authored_pr_curves.png, real_reliability.png)."""
    written = []
    for corpus, r in res["corpora"].items():
        written += [f"{corpus}_{f}" for f in plot(r, out, prefix=f"{corpus}_")]
        curves = r["_curves"]
        reliability_diagram(curves["y"], curves["warta"], f"warta calibration, {r['split']}", out / f"{corpus}_reliability.png")
        written.append(f"{corpus}_reliability.png")
    return written


def plot(res: dict, out: Path, prefix: str = "") -> list[str]:
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
    fig.savefig(out / f"{prefix}confusion.png", dpi=120)
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
    fig.savefig(out / f"{prefix}pr_curves.png", dpi=120)
    plt.close(fig)
    return ["confusion.png", "pr_curves.png"]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="warta evaluate", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--corpus", action="append", choices=CORPORA, default=[],
                    help="which corpus to measure (repeatable; default: real pages, then authored articles)")
    ap.add_argument("--real-dir", type=Path, default=None, help="the real page pool (default: $WARTA_REAL_DIR or ../shared/real)")
    ap.add_argument("--out", type=Path, default=None, help="report folder (default reports/<split>)")
    ap.add_argument("--no-plots", action="store_true")
    ap.add_argument("--id-prefix", action="append", default=[], help="only articles whose id starts with this (repeatable), "
                    "e.g. w for the web-voice articles")
    args = ap.parse_args(argv)
    out = args.out or Path("reports") / args.split
    predictor = Predictor.load(args.model)
    try:
        res = evaluate_all(predictor, args.data, args.split, tuple(args.id_prefix), tuple(args.corpus) or CORPORA, args.real_dir)
    except RealDataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    written = [] if args.no_plots else plot_all(res, out)
    for r in res["corpora"].values():
        r.pop("_curves")
    misclassified = [{"corpus": c, **m} for c, r in res["corpora"].items() for m in r["misclassified"]]
    write_text_atomic(out / "metrics.json", json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    write_text_atomic(out / "misclassified.jsonl", "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in misclassified))
    report = markdown_report(res, args.model)
    write_text_atomic(out / "report.md", report)
    print(report)
    for n in res["notes"]:
        print(f"note: {n}", file=sys.stderr)
    print(f"wrote {out}/report.md, metrics.json, misclassified.jsonl" + "".join(f", {w}" for w in written), file=sys.stderr)
    return 0
