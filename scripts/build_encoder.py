"""Rebuild warta's base encoder from scratch: SentencePiece tokenizer + masked-LM pretraining.

    python scripts/build_encoder.py --out model/encoder

Seeded and deterministic on one machine; about 25 minutes on 2 CPU cores with the defaults.
Text: nlp-id's news sentences (read from the installed package, `train` extra) + data/train.jsonl (never dev/test).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import torch

from warta_training.corpus import load_split
from warta_training.pretrain import PretrainConfig, finish_record, pretrain
from warta_training.pretrain_corpus import article_paragraphs, nlp_id_sentences
from warta_training.tokenizer import build_tokenizer, fertility


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("model/encoder"))
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "warta", help="scratch folder for the tokenizer build")
    ap.add_argument("--vocab-size", type=int, default=8000)
    ap.add_argument("--uncased", action="store_true", help="lowercase (default: cased, names keep their capitals)")
    ap.add_argument("--epochs", type=float, default=PretrainConfig.epochs)
    ap.add_argument("--lr", type=float, default=PretrainConfig.lr)
    ap.add_argument("--layers", type=int, default=PretrainConfig.layers)
    ap.add_argument("--hidden", type=int, default=PretrainConfig.hidden)
    ap.add_argument("--seed", type=int, default=PretrainConfig.seed)
    args = ap.parse_args()
    torch.set_num_threads(max(1, torch.get_num_threads()))
    t0 = time.time()
    news = nlp_id_sentences()
    ours = article_paragraphs(load_split(args.data, "train"))
    lines = news + ours
    print(f"text: {len(news)} nlp-id sentences + {len(ours)} train-split lines, {sum(len(x.split()) for x in lines)} words", file=sys.stderr)
    tok_dir = args.cache / "tokenizer-build"
    tok = build_tokenizer(lines, tok_dir, args.vocab_size, args.uncased)
    dev_text = article_paragraphs(load_split(args.data, "dev"))
    print(f"tokenizer: {len(tok)} pieces, {fertility(tok, dev_text):.3f} tokens/word on dev", file=sys.stderr)
    cfg = PretrainConfig(epochs=args.epochs, layers=args.layers, hidden=args.hidden, heads=max(1, args.hidden // 64),
                         intermediate=4 * args.hidden, seed=args.seed, lr=args.lr)
    metrics = pretrain(tok, lines, args.out, cfg)
    metrics["dev_fertility"] = round(fertility(tok, dev_text), 4)
    metrics["words"] = sum(len(x.split()) for x in lines)
    finish_record(args.out, metrics, t0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
