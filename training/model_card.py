"""Write model_card.md (Hugging Face model-card format) from the metrics files; no hand-typed numbers.

    python -m warta_training.model_card --model model/default --eval reports/test/metrics.json \
        --ablation reports/ablation.json --seeds reports/seeds.json --bench reports/bench.json --out model_card.md
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from warta.atomic import write_text_atomic


def _load(path: Path | None) -> dict | None:
    return json.loads(Path(path).read_text(encoding="utf-8")) if path and Path(path).exists() else None


def _corpus(ev: dict | None, name: str) -> dict | None:
    """One corpus's results from an evaluate metrics file (older single-corpus files count as authored)."""
    if not ev:
        return None
    if "corpora" in ev:
        return ev["corpora"].get(name)
    return ev if name == "authored" else None


def _metadata(ev: dict | None) -> list[str]:
    # no pipeline_tag: no standard Hub pipeline returns warta's records (text-classification refuses a
    # warta folder by design); `import warta` registers the warta-news pipeline task
    lines = ["---", "language: id", "license: apache-2.0", "library_name: warta",
             "tags: [warta, transformers, indonesian, news, multi-label-classification, quote-extraction, extractive-summarization, police, election]",
             "datasets: [warta-corpus-v1, warta-real-pages, indosum]"]
    results = [(c, r) for c in ("real", "authored") if (r := _corpus(ev, c))]
    if results:
        lines += ["model-index:", "- name: warta-default", "  results:"]
        for corpus, r in results:
            w = r["systems"]["warta"]
            name = "warta real pages (annotations over real news page excerpts)" if corpus == "real" else "warta corpus v1 (authored)"
            lines += ["  - task: {type: text-classification, name: multi-label event classification}",
                      f"    dataset: {{name: {name}, type: warta-{corpus}, split: {ev['split']}}}", "    metrics:",
                      f"    - {{type: f1, name: macro-F1, value: {w['macro_f1']}}}", f"    - {{type: f1, name: micro-F1, value: {w['micro_f1']}}}"]
    return lines + ["---", ""]


def _events_section(r: dict, split: str, title: str) -> list[str]:
    from .evaluate import events_table_lines

    per = ["| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    per += [f"| {lab} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['support']} |" for lab, v in r["systems"]["warta"]["per_label"].items()]
    return [f"### {title} ({split} split, {r['n']} articles)", "", *events_table_lines(r), "", "warta per label:", "", *per, ""]


def _forms_section(r: dict) -> list[str]:
    if not r.get("forms"):
        return []
    rows = ["| form | mean words | macro-F1 | exact match | none-accuracy |", "|---|---|---|---|---|"]
    rows += [f"| {f} | {v['mean_words']} | {v['macro_f1']:.3f} | {v['exact_match']:.3f} | {v['none_accuracy']:.3f} |" for f, v in r["forms"].items()]
    return ["Forms real input takes (same real test pages, same gold labels): `excerpt` as given; `title_body`: the headline from the "
            "page address, then the excerpt; `long`: the excerpt continued by unrelated real headline news (IndoSum) to 1,500 words.", "", *rows, ""]


def _calibration_section(dev: dict | None) -> list[str]:
    r = _corpus(dev, "real")
    if not r or "calibration" not in r:
        return []
    c = r["calibration"]
    return [f"Calibration on real dev ({r['n']} pages): expected calibration error {c['ece_all']:.3f} over all (page, label) scores ("
            + ", ".join(f"{lab} {v:.3f}" for lab, v in c["ece_per_label"].items())
            + "); reliability diagram `reports/dev/real_reliability.png` (`warta evaluate --split dev`).", ""]


def _ablation_section(abl: dict | None) -> list[str]:
    if not abl:
        return []
    rows = ["| trained on | real test macro-F1 | real near-miss FP rate | authored test macro-F1 |", "|---|---|---|---|"]
    rows += [f"| {name} | {m['real']['macro_f1']:.3f} | {m['real']['near_miss_fp_rate']:.3f} | {m['authored']['macro_f1']:.3f} |" for name, m in abl["models"].items()]
    k = abl["keywords"]
    rows.append(f"| keyword rules (no training) | {k['real']['macro_f1']:.3f} | {k['real']['near_miss_fp_rate']:.3f} | {k['authored']['macro_f1']:.3f} |")
    return ["Which training data carries real-news performance (`python scripts/corpus_ablation.py`, each model's choices made on real dev):", "", *rows, ""]


def _stream_section(stream: dict | None) -> list[str]:
    if not stream:
        return []
    return [f"Ordinary news stream: on {stream['articles']} IndoSum headline-news articles (`{stream['category']}`, general news of 2017–2018 "
            f"not selected for these events), warta flags **{stream['warta_flagged']}** "
            f"({', '.join(f'{k} {v}' for k, v in stream['warta_per_label'].items())}), keyword rules {stream['keywords_flagged']} "
            "(`python scripts/check_stream.py --out reports/stream.json`; flagged ids and scores in the report).", ""]


def _views_cv_section(cv: dict | None) -> list[str]:
    if not cv:
        return []
    setups = cv["setups"]
    return [f"What the n-gram half reads, on {cv['pages']} real train + dev pages in {cv['folds']} folds grouped by event (out-of-fold macro-F1 at 0.5 / "
            "at thresholds tuned on the pooled folds): " + "; ".join(f"{name} {r['macro_f1_at_0.5']:.3f} / {r['macro_f1_tuned']:.3f}" for name, r in setups.items())
            + " (`whole`: the text alone; `focus`: text, lead and each event vocabulary's sentences, the shipped set-up; "
            "`python scripts/event_views_cv.py --out reports/event_views_cv.json`).", ""]


def _training_data(corpus: str) -> str:
    parts = {"authored": "the warta corpus v1 train split (articles written and annotated by the warta team, see `data/GUIDELINES.md`)",
             "real": "the train split of the real page layer (real news page excerpts labeled in two passes, `data/real/`)"}
    if corpus == "both":
        return parts["authored"] + " together with " + parts["real"]
    return parts.get(corpus, parts["authored"])


def _real_limit(real: dict) -> str:
    """The limitation the real test supports, worded from its numbers."""
    w, k = real["systems"]["warta"], real["systems"]["keywords"]
    worst = min(w["per_label"].items(), key=lambda kv: kv[1]["f1"])
    return (f"On real test pages warta reaches macro-F1 {w['macro_f1']:.3f} against {k['macro_f1']:.3f} for keyword rules; "
            f"its weakest label is {worst[0]} (F1 {worst[1]['f1']:.3f}), and it gives a label to {w['hard_negative_fp_rate']:.1%} of near-misses. "
            "The real pool is a few hundred pages per split, so a label's F1 moves by several points with a handful of pages.")


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def _pretrain_section(pre: dict, abl: dict | None) -> list[str]:
    c = pre["config"]
    out = ["## Base encoder", "", f"BERT, {c['layers']} layers, hidden {c['hidden']}, {c['heads']} heads, SentencePiece unigram vocabulary (cased)."]
    if pre.get("probe_perplexity") is not None:
        out += ["", f"Masked-LM pretrained from scratch on nlp-id news sentences and the authored train split "
                "(`scripts/build_encoder.py`), then pretrained further on real news (`scripts/adapt_encoder.py`): "
                f"{pre.get('real_words', 0):,} words of IndoSum's train part and the real page pool's train split beside the original "
                f"{pre.get('words', 0) - pre.get('real_words', 0):,}, {pre['steps']} steps of {c['batch_size']}×{c['max_len']} tokens. "
                f"Masked-LM perplexity on our IndoSum test part (held out): {pre['probe_perplexity_init']} before → **{pre['probe_perplexity']}** after.", ""]
    else:
        out += ["", f"Masked-LM pretrained from scratch on {pre.get('words', '?'):,} words (nlp-id news sentences + the corpus train split) "
                f"for {pre['steps']} steps of {c['batch_size']}×{c['max_len']} tokens. Held-out MLM loss {pre['heldout_mlm_loss_init']} → "
                f"**{pre['heldout_mlm_loss']}** (perplexity {pre['heldout_perplexity']}). Rebuild: `python scripts/build_encoder.py --out model/encoder`.", ""]
    if abl:
        out += ["Does pretraining help? The event classifier fine-tuned from the pretrained encoder and from the same architecture with random weights "
                "(same data, seed and schedule; `python scripts/pretraining_ablation.py`):", "",
                "| init | dev macro-F1 | test macro-F1 | encoder alone, dev (at 0.5) | encoder alone, test (at 0.5) |", "|---|---|---|---|---|"]
        out += [f"| {name} | {m['dev_macro_f1']:.3f} | {m['test_macro_f1']:.3f} | {_fmt(m.get('encoder_only_dev_macro_f1'))} | {_fmt(m.get('encoder_only_test_macro_f1'))} |"
                for name, m in abl["runs"].items()]
        out.append("")
    return out


def _refit_sentence(cfg: dict) -> str:
    r = cfg.get("sentence_refit")
    if not r:
        return ""
    best = max(r["history"], key=lambda h: h["dev_rougeL"])
    return (f" The sentence head was then refit on the frozen encoder's states (`python -m warta_training.refit_sentences`) with "
            f"{r['train_articles']:,} train articles (all of IndoSum train, real train pages with reference summaries"
            + (", the authored train split" if r.get("authored") else "") + f"), keeping epoch {best['epoch']} of {len(r['history'])} "
            f"by real dev ROUGE-L; the summary length was then retuned on real dev as `warta predict` runs the model "
            "(`python -m warta_training.tuning`).")


def _indosum_training(cfg: dict) -> str:
    n = int(cfg.get("train_args", {}).get("indosum_per_epoch", 0) or 0)
    if n == 0:
        return ""
    return (f", plus {'all' if n < 0 else n} IndoSum train articles drawn anew each epoch for the sentence head only "
            "(their extractive gold sentences as targets, event loss masked)")


def _indosum_section(ev: dict) -> list[str]:
    from .evaluate import summary_table_lines

    r = ev["indosum"]
    return ([f"## Summaries on IndoSum ({r['n']} articles of our {ev['split']} part)", ""]
            + ["#" + ln if ln.startswith("## ") else ln for ln in summary_table_lines(r["summaries"])[2:]]
            + ["Against IndoSum's reference summaries. `oracle`: the IndoSum annotators' extractive gold sentences, the ceiling for "
               "sentence picking; Lead-2/Lead-3: the first sentences; TextRank: TF-IDF sentence graph.", ""])


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
    ta = cfg.get("train_args", {})
    grams = ("character 3–5-gram (within words)" if ta.get("lexical_analyzer", "word") == "char_wb" else "word 1–2-gram")
    window = int(ta.get("lexical_window", 0) or 0)
    views = ("; it reads the whole text, its lead and each event vocabulary's sentences as separate TF-IDF blocks, `model/lexical_views.py`"
             if ta.get("lexical_views") == "focus" else "")
    lex = (f"a {grams} TF-IDF logistic regression fitted on the same train articles (`model/lexical.py`{views}"
           + (f"; texts over {window} words are scored by half-overlapping {window}-word windows, each label taking its best" if window else "") + ")")
    sweep = cfg.get("dev_lexical_sweep") or {}
    if w >= 1.0:
        return (f" Event scores come from {lex} alone: the share of the n-gram half was chosen on real dev from 0 to 1, and the encoder's event "
                "logits did not add to it at any share" + (f" (dev macro-F1 by share: {', '.join(f'{k} {v}' for k, v in sweep.items())})" if sweep else "")
                + ", so the encoder serves the summary head.")
    return f" Each event logit is the weighted mean of the encoder's logit ({1 - w:g}) and the logit ({w:g}) of {lex}, the share chosen on real dev."


def render(model_dir: Path, ev: dict | None, pre: dict | None, abl: dict | None,
           seeds: dict | None = None, bench: dict | None = None, dev: dict | None = None,
           corpus_abl: dict | None = None, stream: dict | None = None, views_cv: dict | None = None) -> str:
    cfg = _load(Path(model_dir) / "warta_config.json") or {}
    lines = _metadata(ev) + ["# warta default model", "",
        "One compact encoder with three heads for Indonesian police and election-security news: a multi-label event classifier "
        "(`rakor`: security/operation coordination meeting; `apel_gelar_pasukan`: troop-readiness parade opening an operation; "
        "`simulasi_sispam_kota`: city-security-system drill; none of these when every score is below its threshold), "
        "an extractive sentence scorer reading each sentence's encoder states with its place in the article (position, paragraph, length, word overlap with the rest of the story), "
        "and quote rules (every quote-mark habit of real pages, cues, indirect speech, an article-level people table) whose candidate speakers "
        "a trained linker scores (`speaker_linker.json`, rule features, logistic regression stored as plain numbers). "
        "One encoder pass per window feeds the event and sentence heads.", "",
        "## Use", "", "```python", "from warta import Predictor", "p = Predictor.load()  # this model, offline", 'p.predict(["Polres ... menggelar rakor lintas sektoral ..."])', "",
        "import warta  # registers the warta-news pipeline task with transformers", "from transformers import pipeline",
        'pipeline("warta-news", model="model/default")("Polres ... menggelar rakor lintas sektoral ...")', "```", "",
        "or `warta predict articles/ -o out.jsonl`. Long articles are read whole in overlapping "
        f"{cfg.get('max_len', '?')}-token windows (stride {cfg.get('stride', '?')}); "
        + ("every sentence is scored for events in its window's context and an article takes its best sentence's score."
           if cfg.get("event_pooling") == "sentences" else "an article's tokens are pooled by mean and max for the event scores.")
        + _lexical_sentence(cfg)
        + " Every head reads the article with its page furniture (related-headline lists, share and comment widgets) blanked, "
        "in training as in `warta predict` (`model/furniture.py`).", "",
        "## Training", "", f"Fine-tuned (all heads jointly) by `warta train` from `{Path(str(cfg.get('base_model', '?'))).name}` on "
        + _training_data(cfg.get("train_args", {}).get("corpus", "authored"))
        + ("" if cfg.get("train_args", {}).get("no_augment", True) else ", plus an event-name variant copy of each article naming an event (`training/augment.py`)")
        + _indosum_training(cfg)
        + "; early stopping, per-label thresholds and the lexical weight on real dev, summary length on real dev (our police-page reference "
        "summaries and the IndoSum dev part, each weighing equally). Thresholds: "
        + ", ".join(f"{k} {v}" for k, v in cfg.get("thresholds", {}).items()) + "; summary: "
        + ", ".join(f"{k} {v}" for k, v in cfg.get("summary", {}).items()) + "." + _refit_sentence(cfg), ""]
    real, authored = _corpus(ev, "real"), _corpus(ev, "authored")
    if real:
        lines += ["## Evaluation on real news", "",
                  "Real news page excerpts (police and election news from national, regional and Humas Polri sites; a third report an event, "
                  "a third are near-misses sharing the vocabulary, a third ordinary news), each labeled in two independent passes with every "
                  "disagreement adjudicated (`data/real/AGREEMENT.md`). The text stays in `../shared/real`; the repository holds the annotations. "
                  f"Measured by `warta evaluate --model model/default --split {ev['split']}`.", "",
                  *_events_section(real, ev["split"], "Events on real pages"), *_forms_section(real), *_calibration_section(dev),
                  *_ablation_section(corpus_abl), *_stream_section(stream), *_views_cv_section(views_cv)]
        from .evaluate import quote_table_lines, summary_table_lines

        if real.get("quotes"):
            lines += ["#" + ln if ln.startswith("## ") else ln for ln in quote_table_lines(real["quotes"])]
            lines += ["Quotes on the real test pages annotated for them (`data/real/quotes.jsonl`).", ""]
        if real.get("summaries"):
            lines += ["#" + ln if ln.startswith("## ") else ln for ln in summary_table_lines(real["summaries"])]
            lines += ["Summaries on the real test pages reporting an event, against our own reference summaries (`data/real/summaries.jsonl`).", ""]
    if authored:
        from .evaluate import quote_table_lines, summary_table_lines

        lines += ["## Evaluation on authored articles", "", *_events_section(authored, ev["split"], "Events on authored articles")]
        if authored.get("quotes"):
            lines += ["#" + ln if ln.startswith("## ") else ln for ln in quote_table_lines(authored["quotes"])]
        if authored.get("summaries"):
            lines += ["#" + ln if ln.startswith("## ") else ln for ln in summary_table_lines(authored["summaries"])]
    if seeds:
        lines += _seeds_section(seeds)
    if bench:
        lines += _speed_section(bench)
    if ev and ev.get("indosum"):
        lines += _indosum_section(ev)
    if pre:
        lines += _pretrain_section(pre, abl)
    lines += ["## Data and attribution", "",
              "- warta corpus v1: articles written and annotated by the warta team (`data/`).",
              "- Real news page excerpts (`../shared/real/pages.jsonl`, public web pages, 2012–2026): the repository holds only our annotations "
              "over them (ids, SHA-1, labels, offsets, our own summaries), never their text.",
              "- IndoSum (Kurniawan & Louvan, 2018, \"IndoSum: A New Benchmark Dataset for Indonesian Text Summarization\"), licensed CC BY-SA 4.0: "
              "the sentence head learns from its train part's extractive gold, the encoder's continued pretraining reads its train part, "
              "its test part measures summaries (our split by id: `data/indosum/split.json`), and its headline-news articles serve as the ordinary "
              "news stream and as the continuation of the long-article form in evaluation.", "",
              "## Limitations", "",
              "- " + (_real_limit(real) if real else "Trained on articles written by the warta team; real streams hold noise and near-misses the corpus may not cover. "
                      + _real_articles_limit(seeds)),
              "- Quotes are measured on a few hundred real pages and summaries on a few dozen: small samples, a point or two either way is noise.",
              "- Labels are about events reported as held; announcements and passing mentions are meant to get no label, and are the most likely errors.",
              "- The encoder is small and pretrained on about 1.4 million words; a larger base (`--base-model indobenchmark/indobert-base-p1`) may do better where it can be downloaded.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=Path("model/default"))
    ap.add_argument("--eval", type=Path, default=Path("reports/test/metrics.json"))
    ap.add_argument("--dev-eval", type=Path, default=Path("reports/dev/metrics.json"), help="for calibration on real dev")
    ap.add_argument("--corpus-ablation", type=Path, default=Path("reports/corpus_ablation.json"))
    ap.add_argument("--stream", type=Path, default=Path("reports/stream.json"))
    ap.add_argument("--views-cv", type=Path, default=Path("reports/event_views_cv.json"))
    ap.add_argument("--pretrain", type=Path, default=Path("model/encoder/pretrain_metrics.json"))
    ap.add_argument("--ablation", type=Path, default=Path("reports/ablation.json"))
    ap.add_argument("--seeds", type=Path, default=Path("reports/seeds.json"))
    ap.add_argument("--bench", type=Path, default=Path("reports/bench.json"))
    ap.add_argument("--out", type=Path, default=Path("model_card.md"))
    args = ap.parse_args(argv)
    write_text_atomic(args.out, render(args.model, _load(args.eval), _load(args.pretrain), _load(args.ablation),
                                       _load(args.seeds), _load(args.bench), _load(args.dev_eval),
                                       _load(args.corpus_ablation), _load(args.stream), _load(args.views_cv)))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
