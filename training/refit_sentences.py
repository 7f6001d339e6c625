"""Refit a checkpoint's sentence head on frozen encoder states, with every IndoSum train article.

    python -m warta_training.refit_sentences --model runs/v2 --out runs/v2s

Why: `warta train` fine-tunes encoder and heads together, and on 2 CPU cores it can afford only a
sample of IndoSum each epoch (600 of 1,916 by default). With the encoder frozen, each article's
sentence features (sentence and article mean+max states, sentence features of batching.py) are
computed once, and the sentence head (same architecture) is refit on all of IndoSum train, the
real train pages with reference summaries and the authored train split in seconds an epoch. The
epoch and the summary length are chosen on real dev (IndoSum dev + real dev pages with a
reference summary, each source weighing equally); the encoder, the event half and every other
setting are kept as they were.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

import numpy as np
import torch
from tqdm.auto import tqdm

from warta.atomic import atomic_dir
from warta.batching import N_POS, encode, make_batch
from warta.modeling import load_checkpoint
from warta.sentences import split_sentences

from .corpus import load_split, without_furniture
from .speaker_linker import carry_linker
from .targets import oracle_indices
from .tuning import SUMMARY_DEFAULTS, real_summary_records, summary_grid, tune_summary

# Epochs are compared on the length grid without score cut-offs (a fifth of the full grid, so an
# epoch's check takes seconds, not minutes); the chosen head's length is then tuned on the full grid.
EPOCH_GRID = summary_grid(min_scores=(0.0,))


@torch.no_grad()
def frozen_inputs(model, tok, text: str, max_len: int, stride: int) -> tuple[torch.Tensor, torch.Tensor]:
    """One article's vector and its sentence head input rows, laid out as WartaModel.forward lays
    them, with every sentence feature this version computes (N_POS), whatever the model reads."""
    sents = split_sentences(text)
    doc = encode(tok, text, [(s.start, s.end) for s in sents])
    batch = make_batch([doc], tok.cls_token_id, tok.sep_token_id, tok.pad_token_id, max_len, stride)
    doc_vec, sent_vec = model.pooled(batch)
    if sent_vec is None:
        return doc_vec[0], torch.zeros(0, doc_vec.shape[1] * 2 + N_POS)
    return doc_vec[0], model.sentence_rows(doc_vec, sent_vec, batch.sent_pos, batch.sent_doc)


def sentence_inputs(model, tok, text: str, max_len: int, stride: int) -> torch.Tensor:
    """The sentence head's input rows for one article (see frozen_inputs)."""
    return frozen_inputs(model, tok, text, max_len, stride)[1]


def widen_head(model) -> None:
    """Give the sentence head every sentence feature this version computes (N_POS): a checkpoint
    trained with fewer keeps its weights for those, the new inputs start at zero weight."""
    old = model.sentence_head[1]
    extra = N_POS - model.n_pos
    if extra <= 0:
        return
    new = torch.nn.Linear(old.in_features + extra, old.out_features)
    with torch.no_grad():
        new.weight.zero_()
        new.weight[:, : old.in_features] = old.weight
        new.bias.copy_(old.bias)
    model.sentence_head[1] = new
    model.n_pos = N_POS
    model.config.sentence_features = N_POS


def cached_inputs(model, tok, recs: list[dict], max_len: int, stride: int, cache: Path | None, what: str) -> list[torch.Tensor]:
    """sentence_inputs of every record, read from / written to `cache` (our own tensors, loaded
    with weights_only) so that refits with other head settings skip the encoder pass."""
    have = torch.load(cache, weights_only=True) if cache and cache.is_file() else {}
    out = [have.get(r["id"]) for r in recs]
    todo = [i for i, x in enumerate(out) if x is None]
    for i in tqdm(todo, desc=what, mininterval=5):
        out[i] = have[recs[i]["id"]] = sentence_inputs(model, tok, recs[i]["text"], max_len, stride)
    if cache and todo:
        torch.save(have, cache)
    return out


def targets(record: dict) -> np.ndarray:
    sents = split_sentences(record["text"])
    y = np.zeros(len(sents), dtype=np.float32)
    y[oracle_indices(sents, record)] = 1.0
    return y


def records(data: Path, real_dir: Path | None, split: str, authored: bool) -> list[dict]:
    """Real news with reference summaries of the split, and the authored split when asked."""
    return real_summary_records(data, split, real_dir) + (without_furniture(load_split(data, split)) if authored else [])


def fit_head(model, train: list[tuple[torch.Tensor, torch.Tensor]], dev: list[dict], dev_x: list[torch.Tensor],
             epochs: int, lr: float, seed: int) -> list[dict]:
    """Train the sentence head from its current weights; keep the epoch with the best dev ROUGE-L.
    Returns the per-epoch dev history."""
    torch.manual_seed(seed)
    head = model.sentence_head
    opt = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=0.01)
    rng = np.random.default_rng(seed)
    best, best_state, history = -1.0, None, []
    for epoch in range(1, epochs + 1):
        head.train()
        for i in rng.permutation(len(train)):
            x, y = train[i]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(head(x).squeeze(-1), y)
            loss.backward()
            opt.step()
            opt.zero_grad(set_to_none=True)
        head.eval()
        with torch.no_grad():
            scores = np.concatenate([torch.sigmoid(head(x).squeeze(-1)).numpy() for x in dev_x])
        cfg = tune_summary(dev, scores, EPOCH_GRID)
        history.append({"epoch": epoch, "dev_rougeL": cfg["dev_rougeL"], "by_source": cfg["dev_rougeL_by_source"]})
        print(f"epoch {epoch}: dev ROUGE-L {cfg['dev_rougeL']} {cfg['dev_rougeL_by_source']}", file=sys.stderr)
        if cfg["dev_rougeL"] > best:
            best, best_state = cfg["dev_rougeL"], copy.deepcopy(head.state_dict())
    head.load_state_dict(best_state)
    return history


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--real-dir", type=Path, default=None)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, default=None, help="file keeping the frozen encoder's sentence inputs between refits")
    ap.add_argument("--no-authored", action="store_true", help="leave the authored train split out of the refit")
    args = ap.parse_args(argv)
    model, tok, config = load_checkpoint(args.model, lexical=True)
    max_len, stride = int(config.get("max_len", 128)), int(config.get("stride", 96))
    train_recs = records(args.data, args.real_dir, "train", not args.no_authored)
    dev = records(args.data, args.real_dir, "dev", authored=False)
    if not dev:
        raise SystemExit("refit_sentences: no real dev articles with summaries (is the pool at ../shared/real?)")
    widen_head(model)
    train_x = cached_inputs(model, tok, train_recs, max_len, stride, args.cache, "train states")
    train = [(x, torch.tensor(targets(r))) for x, r in zip(train_x, train_recs) if len(x)]
    dev_x = cached_inputs(model, tok, dev, max_len, stride, args.cache, "dev states")
    history = fit_head(model, train, dev, dev_x, args.epochs, args.lr, args.seed)
    with torch.no_grad():
        summary = tune_summary(dev, np.concatenate([torch.sigmoid(model.sentence_head(x).squeeze(-1)).numpy() for x in dev_x]))
    config["summary"] = {k: v for k, v in summary.items() if k in SUMMARY_DEFAULTS}
    config["sentence_refit"] = {"train_articles": len(train), "dev_articles": len(dev), "history": history, "chosen": summary,
                                "authored": not args.no_authored, "lr": args.lr}
    with atomic_dir(args.out) as tmp:
        model.save(tmp, tok, config)  # save_pretrained writes the lexical half too (model.lexical)
        carry_linker(args.model, tmp)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
