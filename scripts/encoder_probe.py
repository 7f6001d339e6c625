"""Downstream effect of an encoder, measured cheaply: linear probes on its frozen states.

    python scripts/encoder_probe.py model/encoder runs/encoder-real --out reports/encoder_probe.json

Why probes: fine-tuning warta on each candidate encoder costs an hour of 2-core CPU each; a
probe reads each encoder once and fits the same small models on top, so the encoders differ in
nothing but their weights. Events: logistic regression on an article's mean+max pooled token
states, trained on real train pages, macro-F1 on real dev (thresholds 0.5). Summaries: logistic
regression on [sentence mean+max, article mean+max, sentence features], trained on IndoSum train
gold sentences (a fixed sample), ROUGE-L of the top-3 sentences on the IndoSum dev part and on
real dev pages with a reference summary. Dev only: choices, never the final report.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from tqdm.auto import tqdm

from warta.atomic import write_text_atomic
from warta.labels import EVENT_LABELS
from warta.modeling import WartaModel, load_encoder
from warta.sentences import split_sentences
from warta_training.indosum import indosum_split
from warta_training.metrics import event_metrics
from warta_training.real import has_summary, real_split
from warta_training.rouge import scorer
from warta_training.refit_sentences import frozen_inputs
from warta_training.targets import oracle_indices


def features(model: WartaModel, tok, text: str) -> tuple[np.ndarray, np.ndarray]:
    """(article vector, one row per sentence) from the frozen encoder."""
    doc_vec, rows = frozen_inputs(model, tok, text, 128, 96)
    return doc_vec.numpy(), rows.numpy()


def probe(encoder: str, data: Path, n_summary_train: int, seed: int) -> dict:
    enc, tok = load_encoder(encoder)
    model = WartaModel(enc, len(EVENT_LABELS)).eval()
    pages_train, pages_dev = real_split(data, "train")[0], real_split(data, "dev")[0]
    ind_train = indosum_split("train")[0]
    ind_train = [ind_train[i] for i in np.random.default_rng(seed).choice(len(ind_train), min(n_summary_train, len(ind_train)), replace=False)]
    ind_dev = indosum_split("dev")[0]
    feats = {r["id"]: features(model, tok, r["text"]) for r in tqdm(pages_train + pages_dev + ind_train + ind_dev, desc=encoder, mininterval=5)}

    y = lambda recs: np.array([[lab in r["labels"] for lab in EVENT_LABELS] for r in recs], dtype=int)  # noqa: E731
    x = lambda recs: np.stack([feats[r["id"]][0] for r in recs])  # noqa: E731
    pred = np.stack([LogisticRegression(max_iter=2000, C=1.0).fit(x(pages_train), y(pages_train)[:, j]).predict(x(pages_dev))
                     for j in range(len(EVENT_LABELS))], axis=1)
    events = event_metrics(y(pages_dev), pred)["macro_f1"]

    rows, labels = [], []
    for r in ind_train:
        m = feats[r["id"]][1]
        t = np.zeros(len(m))
        t[oracle_indices(split_sentences(r["text"]), r)] = 1
        rows.append(m)
        labels.append(t)
    clf = LogisticRegression(max_iter=3000, C=1.0).fit(np.concatenate(rows), np.concatenate(labels))
    sc = scorer(("rougeL",))

    def rouge(recs: list[dict]) -> float:
        out = []
        for r in recs:
            sents = split_sentences(r["text"])
            top = sorted(np.argsort(-clf.decision_function(feats[r["id"]][1]))[:3].tolist())
            out.append(sc.score(r["summary"], " ".join(sents[i].text for i in top))["rougeL"].fmeasure)
        return round(100 * float(np.mean(out)), 2)

    return {"events_real_dev_macro_f1": round(float(events), 4), "summary_indosum_dev_rougeL_top3": rouge(ind_dev),
            "summary_real_dev_rougeL_top3": rouge([r for r in pages_dev if has_summary(r)])}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("encoders", nargs="+")
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--summary-train", type=int, default=600, help="IndoSum train articles for the sentence probe")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    res = {e: probe(e, args.data, args.summary_train, args.seed) for e in args.encoders}
    text = json.dumps(res, indent=2)
    print(text)
    if args.out:
        write_text_atomic(args.out, text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
