"""`warta train`: fine-tune the event classifier from the embedded encoder or any HF checkpoint.

    warta train --out runs/event                        # from model/encoder (offline)
    warta train --base-model indobenchmark/indobert-base-p1 --out runs/indobert

A plain loop rather than transformers.Trainer: an article is a variable-size bag of windows
pooled into one vector, which Trainer's fixed-shape batches would need a custom collator,
model wrapper and compute_loss to express; the loop is shorter than that glue.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
from tqdm.auto import tqdm

from warta.atomic import atomic_dir
from warta.labels import EVENT_LABELS
from warta.modeling import WartaModel, load_encoder
from warta.windows import make_windows, pad_batch

from .corpus import load_split
from .metrics import event_metrics, tune_thresholds

DEFAULT_BASE = str(Path(__file__).resolve().parent.parent / "model" / "encoder")


@dataclass
class TrainArgs:
    base_model: str = DEFAULT_BASE
    data: str = "data"
    out: str = "runs/event"
    epochs: int = 12
    batch_size: int = 8  # articles per step
    lr: float = 1e-4
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    warmup_frac: float = 0.1
    patience: int = 3
    max_len: int = 128
    stride: int = 96
    seed: int = 13
    random_init: bool = False  # same architecture, random weights: the pretraining ablation
    threads: int = 0  # 0: torch's default


def parse_args(argv: list[str]) -> TrainArgs:
    ap = argparse.ArgumentParser(prog="warta train", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name, default in asdict(TrainArgs()).items():
        flag = "--" + name.replace("_", "-")
        if isinstance(default, bool):
            ap.add_argument(flag, action="store_true")
        else:
            ap.add_argument(flag, type=type(default), default=default)
    return TrainArgs(**vars(ap.parse_args(argv)))


def encode_split(tok, records: list[dict], args: TrainArgs) -> list[tuple[list, np.ndarray]]:
    """Pre-tokenize once: (windows, multi-hot labels) per article."""
    out = []
    for r in records:
        y = np.array([lab in r["labels"] for lab in EVENT_LABELS], dtype=np.float32)
        out.append((make_windows(tok, r["text"], 0, args.max_len, args.stride), y))
    return out


def forward_docs(model: WartaModel, docs: list[list], pad_id: int) -> torch.Tensor:
    wins = []
    for d, ws in enumerate(docs):
        for w in ws:
            w.doc = d
            wins.append(w)
    ids, mask = pad_batch(wins, pad_id)
    doc_index = torch.tensor([w.doc for w in wins])
    return model(ids, mask, doc_index, len(docs))["event_logits"]


@torch.no_grad()
def predict_probs(model: WartaModel, encoded: list, pad_id: int, batch: int = 16) -> np.ndarray:
    model.eval()
    probs = [torch.sigmoid(forward_docs(model, [ws for ws, _ in encoded[i : i + batch]], pad_id)) for i in range(0, len(encoded), batch)]
    model.train()
    return torch.cat(probs).numpy()


def build_model(args: TrainArgs):
    enc, tok = load_encoder(args.base_model)
    if args.random_init:
        from transformers import AutoModel

        enc = AutoModel.from_config(enc.config)
    return WartaModel(enc, len(EVENT_LABELS)), tok


def train(args: TrainArgs, progress: bool = True) -> dict:
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    if args.threads:
        torch.set_num_threads(args.threads)
    model, tok = build_model(args)
    train_set = encode_split(tok, load_split(Path(args.data), "train"), args)
    dev_set = encode_split(tok, load_split(Path(args.data), "dev"), args)
    dev_y = np.stack([y for _, y in dev_set])
    head = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    body = [p for n, p in model.named_parameters() if n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}], weight_decay=args.weight_decay)
    steps = args.epochs * ((len(train_set) + args.batch_size - 1) // args.batch_size)
    warm = max(1, int(steps * args.warmup_frac))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    best, best_state, bad, history = -1.0, None, 0, []
    t0 = time.time()
    for epoch in range(1, args.epochs + 1):
        order = np.random.permutation(len(train_set))
        bar = tqdm(range(0, len(order), args.batch_size), desc=f"epoch {epoch}", disable=not progress, mininterval=2)
        total = 0.0
        for i in bar:
            idx = order[i : i + args.batch_size]
            logits = forward_docs(model, [train_set[j][0] for j in idx], tok.pad_token_id)
            loss = loss_fn(logits, torch.tensor(np.stack([train_set[j][1] for j in idx])))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            total += loss.item() * len(idx)
            bar.set_postfix(loss=f"{loss.item():.3f}")
        dev_probs = predict_probs(model, dev_set, tok.pad_token_id)
        m = event_metrics(dev_y, dev_probs >= 0.5)
        history.append({"epoch": epoch, "train_loss": round(total / len(train_set), 4), "dev_macro_f1": m["macro_f1"]})
        print(f"epoch {epoch}: train loss {total / len(train_set):.4f}, dev macro-F1 {m['macro_f1']:.4f}", file=sys.stderr)
        if m["macro_f1"] > best:
            best, best_state, bad = m["macro_f1"], copy.deepcopy(model.state_dict()), 0
        else:
            bad += 1
            if bad >= args.patience:
                print(f"early stop after epoch {epoch}", file=sys.stderr)
                break
    model.load_state_dict(best_state)
    dev_probs = predict_probs(model, dev_set, tok.pad_token_id)
    thresholds = tune_thresholds(dev_y, dev_probs)
    th = np.array([thresholds[lab] for lab in EVENT_LABELS])
    result = {
        "dev_at_0.5": event_metrics(dev_y, dev_probs >= 0.5),
        "dev_tuned": event_metrics(dev_y, dev_probs >= th),
        "thresholds": thresholds,
        "history": history,
        "minutes": round((time.time() - t0) / 60, 2),
    }
    config = {
        "warta_version": "0.1.0",
        "task": "events",
        "labels": list(EVENT_LABELS),
        "thresholds": thresholds,
        "max_len": args.max_len,
        "stride": args.stride,
        "base_model": args.base_model if not args.random_init else f"{args.base_model} (random init)",
        "train_args": asdict(args),
        "dev_metrics": result["dev_tuned"],
    }
    with atomic_dir(Path(args.out)) as tmp:
        model.save(tmp, tok, config)
    return result


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    result = train(args, progress=sys.stderr.isatty())
    print(json.dumps({k: v for k, v in result.items() if k != "history"}, indent=2))
    return 0
