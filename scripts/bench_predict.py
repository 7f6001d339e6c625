"""Throughput of warta's default model against a Hugging Face text-classification pipeline over an
IndoBERT-base-shaped model (12 layers, hidden 768, vocab 50k; random weights: speed only), in one run.

    python scripts/bench_predict.py --articles 48

Both read the same test-split articles on the same threads, taking turns round by round; the
best round of each is reported (as timeit does), with the ratio of every round beside it. The pipeline truncates at 512 tokens
(as such a pipeline does by default); warta reads every article whole. Prints articles/second and
the ratios; also warta in float32 (`--fp32`) and how far int8 moves the event probabilities.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import torch

from warta import Predictor
from warta_training.corpus import load_split


def rates(systems: dict, texts: list[str], repeats: int) -> dict[str, list[float]]:
    """Articles/second of each system in each round; the systems take turns within a round, so a
    slow spell of the machine hits all of them rather than whichever happened to run then."""
    for fn in systems.values():
        fn(texts[:4])  # warm-up: allocator, thread pool
    out: dict[str, list[float]] = {name: [] for name in systems}
    for _ in range(repeats):
        for name, fn in systems.items():
            t0 = time.perf_counter()
            fn(texts)
            out[name].append(len(texts) / (time.perf_counter() - t0))
    return out


def hf_pipeline(tokenizer):
    from transformers import BertConfig, BertForSequenceClassification, pipeline

    cfg = BertConfig(vocab_size=50000, hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072,
                     num_labels=3, problem_type="multi_label_classification")
    torch.manual_seed(0)
    model = BertForSequenceClassification(cfg).eval()
    return pipeline("text-classification", model=model, tokenizer=tokenizer, device=-1, top_k=None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--articles", type=int, default=48)
    ap.add_argument("--repeats", type=int, default=4)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    texts = [r["text"] for r in load_split(args.data, "test")][: args.articles]
    warta = Predictor.load(args.model)  # int8 linear layers, as `warta predict` runs it
    fp32 = Predictor.load(args.model, quantize=False)
    pipe = hf_pipeline(warta.tok)
    r = rates({"warta": warta.predict, "fp32": fp32.predict,
               "hf": lambda t: pipe(t, batch_size=8, truncation=True, max_length=512)}, texts, args.repeats)
    w, w32, h = max(r["warta"]), max(r["fp32"]), max(r["hf"])  # best round of each, as timeit reports
    per_round = [a / b for a, b in zip(r["warta"], r["hf"])]
    words = sum(len(t.split()) for t in texts) / len(texts)
    drift = (warta.event_probs(texts) - fp32.event_probs(texts)).abs().max().item()
    print(json.dumps({"articles": len(texts), "mean_words": round(words), "threads": args.threads,
                      "warta_articles_per_s": round(w, 2), "warta_fp32_articles_per_s": round(w32, 2),
                      "hf_indobert_base_pipeline_articles_per_s": round(h, 2),
                      "speedup": round(w / h, 1), "speedup_per_round": [round(x, 1) for x in per_round],
                      "repeats": args.repeats, "int8_over_fp32": round(w / w32, 2),
                      "int8_max_event_prob_shift": round(drift, 4)}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
