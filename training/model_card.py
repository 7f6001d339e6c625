"""Write model_card.md (Hugging Face model-card format) from the metrics files; no hand-typed numbers.

    python -m warta_training.model_card --model model/default --eval reports/test/metrics.json \
        --ablation reports/ablation.json --seeds reports/seeds.json --bench reports/bench.json --out model_card.md
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from warta.atomic import write_text_atomic
from warta.labels import EVENT_LABELS


def _load(path: Path | None) -> dict | None:
    return json.loads(Path(path).read_text(encoding="utf-8")) if path and Path(path).exists() else None


def _metadata(ev: dict | None) -> list[str]:
    lines = ["---", "language: id", "license: apache-2.0", "library_name: transformers", "pipeline_tag: text-classification",
             "tags: [warta, indonesian, news, multi-label-classification, police, election]", "datasets: [warta-corpus-v1]"]
    if ev:
        w = ev["systems"]["warta"]
        lines += ["model-index:", "- name: warta-default", "  results:", "  - task: {type: text-classification, name: multi-label event classification}",
                  f"    dataset: {{name: warta corpus v1, type: warta-corpus-v1, split: {ev['split']}}}", "    metrics:",
                  f"    - {{type: f1, name: macro-F1, value: {w['macro_f1']}}}", f"    - {{type: f1, name: micro-F1, value: {w['micro_f1']}}}"]
    return lines + ["---", ""]


def _events_section(ev: dict) -> list[str]:
    rows = ["| system | macro-F1 | micro-F1 | " + " | ".join(EVENT_LABELS) + " | FP rate on hard negatives |", "|---" * (4 + len(EVENT_LABELS)) + "|"]
    for name, m in ev["systems"].items():
        rows.append(f"| {name} | {m['macro_f1']:.3f} | {m['micro_f1']:.3f} | " + " | ".join(f"{m['per_label'][lab]['f1']:.3f}" for lab in EVENT_LABELS) + f" | {m['hard_negative_fp_rate']:.3f} |")
    return [f"### Events ({ev['split']} split, {ev['n']} articles)", "", *rows, "",
            "`keywords`: the event's own words anywhere in the text; `tfidf_logreg`: word 1–2-gram TF-IDF + logistic regression trained on the same train split"
            + (" (fitted the same way as the n-gram half of warta's fused scores); `encoder_only`: warta's encoder half alone, at 0.5." if "encoder_only" in ev["systems"] else "."),
            f"Measured by `warta evaluate --model model/default --split {ev['split']}` (report, plots and misclassified ids in `reports/{ev['split']}/`).", ""]


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def _pretrain_section(pre: dict, abl: dict | None) -> list[str]:
    c = pre["config"]
    out = ["## Base encoder", "",
           f"BERT, {c['layers']} layers, hidden {c['hidden']}, {c['heads']} heads, SentencePiece unigram vocabulary (cased), "
           f"masked-LM pretrained from scratch on {pre.get('words', '?'):,} words (nlp-id news sentences + the corpus train split) "
           f"for {pre['steps']} steps of {c['batch_size']}×{c['max_len']} tokens.", "",
           f"Held-out MLM loss {pre['heldout_mlm_loss_init']} → **{pre['heldout_mlm_loss']}** (perplexity {pre['heldout_perplexity']}). "
           "Rebuild: `python scripts/build_encoder.py --out model/encoder`.", ""]
    if abl:
        out += ["Does pretraining help? The event classifier fine-tuned from the pretrained encoder and from the same architecture with random weights "
                "(same data, seed and schedule; `python scripts/pretraining_ablation.py`):", "",
                "| init | dev macro-F1 | test macro-F1 | encoder alone, dev (at 0.5) | encoder alone, test (at 0.5) |", "|---|---|---|---|---|"]
        out += [f"| {name} | {m['dev_macro_f1']:.3f} | {m['test_macro_f1']:.3f} | {_fmt(m.get('encoder_only_dev_macro_f1'))} | {_fmt(m.get('encoder_only_test_macro_f1'))} |"
                for name, m in abl["runs"].items()]
        out.append("")
    return out


def _real_articles_limit(seeds: dict | None) -> str:
    """The limitation the real-article check supports, worded from its numbers rather than fixed text."""
    if not seeds:
        return "No real articles were checked: treat its event labels on real news as unproven."
    n, got = seeds["articles"], seeds["exact_match"]
    if got["warta"] < max(got.values()):
        others = {k: v for k, v in got.items() if k != "warta"}
        ahead = ", ".join(f"{k} ({v}/{n})" for k, v in others.items() if v > got["warta"])
        level = ", ".join(f"{k} ({v}/{n})" for k, v in others.items() if v == got["warta"])
        return (f"On the {n} real articles checked so far the event classifier gets {got['warta']}/{n} label sets right, behind {ahead}"
                + (f" and level with {level}" if level else "") + ": treat its event labels on real news as unproven.")
    return (f"On the {n} real articles checked so far it gets {got['warta']}/{n} label sets right; all are reports of held events, "
            "so its false-positive rate on real near-misses is not yet measured.")


def _seeds_section(seeds: dict) -> list[str]:
    n = seeds["articles"]
    return ["### Real articles", "",
            f"{n} real news articles from regional outlets (`../shared/seeds`, not in this repository; labels in `data/seed_labels.json`), "
            "exact label-set match per article (`python scripts/check_seeds.py --out reports/seeds.json`):", "",
            "| system | exact match |", "|---|---|", *[f"| {k} | {v}/{n} |" for k, v in seeds["exact_match"].items()], ""]


def _speed_section(bench: dict) -> list[str]:
    return ["## Speed", "",
            f"`python scripts/bench_predict.py` ({bench['articles']} test articles of {bench['mean_words']} words on average, "
            f"{bench['threads']} CPU threads, the systems taking turns over {bench.get('repeats', '?')} rounds, best round of each): "
            f"warta {bench['warta_articles_per_s']} articles/s "
            f"(float32: {bench.get('warta_fp32_articles_per_s', '?')}), a Hugging Face text-classification pipeline over an "
            f"IndoBERT-base-shaped model {bench['hf_indobert_base_pipeline_articles_per_s']} articles/s: **{bench['speedup']}×**"
            + (f" (round by round: {', '.join(f'{x}×' for x in bench['speedup_per_round'])})" if bench.get("speedup_per_round") else "")
            + ". "
            f"int8 linear layers shift event probabilities by at most {bench.get('int8_max_event_prob_shift', '?')} on those articles.", ""]


def _lexical_sentence(cfg: dict) -> str:
    w = float(cfg.get("lexical_weight", 0.0))
    if w <= 0:
        return ""
    return (f" Each event logit is the weighted mean of the encoder's logit ({1 - w:g}) and a word 1–2-gram TF-IDF logistic regression's logit ({w:g}), "
            "both fitted on the same train split (`model/lexical.py`): the small encoder alone missed plain real-world leads the n-grams catch.")


def render(model_dir: Path, ev: dict | None, pre: dict | None, abl: dict | None,
           seeds: dict | None = None, bench: dict | None = None) -> str:
    cfg = _load(Path(model_dir) / "warta_config.json") or {}
    lines = _metadata(ev) + ["# warta default model", "",
        "One compact encoder with three heads for Indonesian police and election-security news: a multi-label event classifier "
        "(`rakor`: security/operation coordination meeting; `apel_gelar_pasukan`: troop-readiness parade opening an operation; "
        "`simulasi_sispam_kota`: city-security-system drill; none of these when every score is below its threshold), "
        "a quote/cue/speaker token tagger combined with quote-mark pairing and speaker-linking rules, and an extractive sentence scorer. "
        "One encoder pass per window feeds all three.", "",
        "## Use", "", "```python", "from warta import Predictor", "p = Predictor.load()  # this model, offline", 'p.predict(["Polres ... menggelar rakor lintas sektoral ..."])', "```", "",
        "or `warta predict articles/ -o out.jsonl`. Long articles are read whole in overlapping "
        f"{cfg.get('max_len', '?')}-token windows (stride {cfg.get('stride', '?')}); "
        + ("every sentence is scored for events in its window's context and an article takes its best sentence's score."
           if cfg.get("event_pooling") == "sentences" else "an article's tokens are pooled by mean and max for the event scores.")
        + _lexical_sentence(cfg)
        + " Every head reads the article with its page furniture (related-headline lists, share and comment widgets) blanked, "
        "in training as in `warta predict` (`model/furniture.py`).", "",
        "## Training", "", f"Fine-tuned (all heads jointly) by `warta train` from `{Path(str(cfg.get('base_model', '?'))).name}` on the warta corpus v1 train split "
        "(articles written and annotated by the warta team, see `data/GUIDELINES.md`)"
        + ("" if cfg.get("train_args", {}).get("no_augment", True) else ", plus an event-name variant copy of each article naming an event (`training/augment.py`)")
        + "; early stopping, per-label thresholds, quote gates and summary length on dev. Thresholds: "
        + ", ".join(f"{k} {v}" for k, v in cfg.get("thresholds", {}).items()) + "; summary: "
        + ", ".join(f"{k} {v}" for k, v in cfg.get("summary", {}).items()) + ".", ""]
    if ev:
        from .evaluate import quote_table_lines, summary_table_lines

        lines += ["## Evaluation", "", *_events_section(ev)]
        if "quotes" in ev:
            lines += ["#" + ln if ln.startswith("## ") else ln for ln in quote_table_lines(ev["quotes"])]
        if "summaries" in ev:
            lines += ["#" + ln if ln.startswith("## ") else ln for ln in summary_table_lines(ev["summaries"])]
    if seeds:
        lines += _seeds_section(seeds)
    if bench:
        lines += _speed_section(bench)
    if pre:
        lines += _pretrain_section(pre, abl)
    lines += ["## Limitations", "",
              "- Trained on articles written by the warta team in the style of regional outlets; real streams hold noise and near-misses the corpus may not cover. "
              + _real_articles_limit(seeds),
              "- Labels are about events reported as held; announcements and passing mentions are meant to get no label, and are the most likely errors.",
              "- The encoder is small and pretrained on under a million words; a larger base (`--base-model indobenchmark/indobert-base-p1`) may do better where it can be downloaded.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=Path("model/default"))
    ap.add_argument("--eval", type=Path, default=Path("reports/test/metrics.json"))
    ap.add_argument("--pretrain", type=Path, default=Path("model/encoder/pretrain_metrics.json"))
    ap.add_argument("--ablation", type=Path, default=Path("reports/ablation.json"))
    ap.add_argument("--seeds", type=Path, default=Path("reports/seeds.json"))
    ap.add_argument("--bench", type=Path, default=Path("reports/bench.json"))
    ap.add_argument("--out", type=Path, default=Path("model_card.md"))
    args = ap.parse_args(argv)
    write_text_atomic(args.out, render(args.model, _load(args.eval), _load(args.pretrain), _load(args.ablation),
                                       _load(args.seeds), _load(args.bench)))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
