"""Masked-language-model pretraining of warta's compact BERT encoder on CPU.

nanoGPT-style: one loop, plain values for configuration. The loss is computed on masked
positions only (the vocabulary projection over every token would cost ~40% of a CPU step).
"""

from __future__ import annotations

import json
import math
import random
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
from tqdm.auto import tqdm

from warta.atomic import atomic_dir, write_text_atomic


@dataclass
class PretrainConfig:
    hidden: int = 256
    layers: int = 4
    heads: int = 4
    intermediate: int = 1024
    max_len: int = 128
    batch_size: int = 32
    epochs: float = 8.0
    lr: float = 1e-3
    warmup_frac: float = 0.06
    weight_decay: float = 0.01
    mask_prob: float = 0.15
    heldout_frac: float = 0.02
    seed: int = 13
    max_position: int = 512


def pack_sequences(tok, lines: list[str], max_len: int) -> list[list[int]]:
    """Concatenate lines (with [SEP] between) and cut into [CLS] … [SEP] blocks, as run_mlm.py's group_texts."""
    ids: list[int] = []
    enc = tok(lines, add_special_tokens=False)["input_ids"]
    for piece in enc:
        ids.extend(piece + [tok.sep_token_id])
    body = max_len - 2
    return [[tok.cls_token_id, *ids[i : i + body], tok.sep_token_id] for i in range(0, len(ids) - body + 1, body)]


def mask_tokens(batch: torch.Tensor, tok, prob: float, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """BERT masking: of `prob` of the non-special tokens, 80% [MASK], 10% random, 10% kept."""
    labels = batch.clone()
    special = batch < len(tok.all_special_ids)  # specials are ids 0..4 by construction
    chosen = (torch.rand(batch.shape, generator=gen) < prob) & ~special
    labels[~chosen] = -100
    inputs = batch.clone()
    roll = torch.rand(batch.shape, generator=gen)
    inputs[chosen & (roll < 0.8)] = tok.mask_token_id
    rand_pos = chosen & (roll >= 0.8) & (roll < 0.9)
    inputs[rand_pos] = torch.randint(len(tok.all_special_ids), len(tok), batch.shape, generator=gen)[rand_pos]
    return inputs, labels


def mlm_loss(model, inputs: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    hidden = model.bert(input_ids=inputs).last_hidden_state
    sel = labels != -100
    logits = model.cls(hidden[sel])
    return torch.nn.functional.cross_entropy(logits, labels[sel])


@torch.no_grad()
def heldout_loss(model, seqs: list[list[int]], tok, cfg: PretrainConfig) -> float:
    """Mean masked-token loss on held-out blocks with a fixed masking seed (comparable across runs)."""
    model.eval()
    gen = torch.Generator().manual_seed(1234)
    total, n = 0.0, 0
    for i in range(0, len(seqs), cfg.batch_size):
        batch = torch.tensor(seqs[i : i + cfg.batch_size])
        inputs, labels = mask_tokens(batch, tok, cfg.mask_prob, gen)
        k = int((labels != -100).sum())
        total += float(mlm_loss(model, inputs, labels)) * k
        n += k
    model.train()
    return total / max(n, 1)


def new_model(tok, cfg: PretrainConfig):
    from transformers import BertConfig, BertForMaskedLM

    config = BertConfig(
        vocab_size=len(tok),
        hidden_size=cfg.hidden,
        num_hidden_layers=cfg.layers,
        num_attention_heads=cfg.heads,
        intermediate_size=cfg.intermediate,
        max_position_embeddings=cfg.max_position,
        pad_token_id=tok.pad_token_id,
    )
    return BertForMaskedLM(config)


def load_mlm(folder: str | Path):
    """A saved masked-LM checkpoint (model/encoder keeps its MLM head) to continue pretraining."""
    from transformers import BertForMaskedLM

    return BertForMaskedLM.from_pretrained(str(folder), dtype=torch.float32)


def pretrain(tok, lines: list[str], out_dir: Path | None, cfg: PretrainConfig, progress: bool = True,
             init: str | Path | None = None, probe_lines: list[str] | None = None) -> dict:
    """Pretrain from scratch, or continue from the MLM checkpoint `init` (same tokenizer); writes
    the model + tokenizer to out_dir (atomically) and returns metrics. `probe_lines`: text kept out
    of training whose masked-LM loss is reported before and after (e.g. held-out real news)."""
    random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    seqs = pack_sequences(tok, lines, cfg.max_len)
    random.Random(cfg.seed).shuffle(seqs)
    n_held = max(1, int(len(seqs) * cfg.heldout_frac))
    held, train = seqs[:n_held], seqs[n_held:]
    probe = pack_sequences(tok, probe_lines, cfg.max_len) if probe_lines else []
    model = new_model(tok, cfg) if init is None else load_mlm(init)
    probe_init = heldout_loss(model, probe, tok, cfg) if probe else None
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.ndim < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": cfg.weight_decay}, {"params": no_decay, "weight_decay": 0.0}], lr=cfg.lr)
    steps_per_epoch = max(1, len(train) // cfg.batch_size)
    total = max(1, int(steps_per_epoch * cfg.epochs))
    warm = max(1, int(total * cfg.warmup_frac))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    gen = torch.Generator().manual_seed(cfg.seed)
    start_loss = heldout_loss(model, held, tok, cfg)
    bar = tqdm(range(total), desc="mlm pretrain", disable=not progress, mininterval=2)
    order: list[int] = []
    for step in bar:
        if not order:
            order = torch.randperm(len(train), generator=gen).tolist()
        idx, order = order[: cfg.batch_size], order[cfg.batch_size :]
        inputs, labels = mask_tokens(torch.tensor([train[i] for i in idx]), tok, cfg.mask_prob, gen)
        loss = mlm_loss(model, inputs, labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        if step % 20 == 0:
            bar.set_postfix(loss=f"{loss.item():.3f}")
    end_loss = heldout_loss(model, held, tok, cfg)
    metrics = {
        "heldout_mlm_loss_init": round(start_loss, 4),
        "heldout_mlm_loss": round(end_loss, 4),
        "heldout_perplexity": round(math.exp(end_loss), 2),
        **({"probe_mlm_loss_init": round(probe_init, 4), "probe_perplexity_init": round(math.exp(probe_init), 2),
            "probe_perplexity": round(math.exp(heldout_loss(model, probe, tok, cfg)), 2), "probe_blocks": len(probe)} if probe else {}),
        "init": str(init) if init else "random",
        "train_blocks": len(train),
        "heldout_blocks": len(held),
        "steps": total,
        "config": asdict(cfg),
    }
    if out_dir is not None:
        save_encoder(model, tok, out_dir, metrics)
    return metrics


def save_encoder(model, tok, out_dir: Path, metrics: dict) -> None:
    """Save as a Hugging Face checkpoint in float32.

    transformers 5 loads with `dtype="auto"`, so an fp16 file would make a plain
    `AutoModel.from_pretrained` compute in half precision, which is slow and lossy on CPU;
    at our size float32 still fits the 25 MB budget.
    """
    with atomic_dir(Path(out_dir)) as tmp:
        model = model.float()
        model.save_pretrained(str(tmp), safe_serialization=True)
        tok.save_pretrained(str(tmp))
        (tmp / "pretrain_metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")


def finish_record(out_dir: Path, metrics: dict, started: float) -> None:
    """Complete an encoder build's record: the minutes since `started` (the whole build, corpus and
    tokenizer included), rewritten atomically over the pretrain_metrics.json that save_encoder
    wrote, and printed on stderr without the config."""
    metrics["minutes"] = round((time.time() - started) / 60, 1)
    write_text_atomic(Path(out_dir) / "pretrain_metrics.json", json.dumps(metrics, indent=2) + "\n")
    print(json.dumps({k: v for k, v in metrics.items() if k != "config"}), file=sys.stderr)
