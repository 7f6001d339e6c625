"""Continue the encoder's masked-LM pretraining on real news (domain-adaptive pretraining).

    python scripts/adapt_encoder.py --init model/encoder --out model/encoder

Why continue rather than rebuild: the rebuild (scripts/build_encoder.py) with a retrained
tokenizer costs hours on 2 CPU cores; continuing keeps the tokenizer and adds the real text
(IndoSum train part, the real page pool's train split) beside what the encoder learned from
(nlp-id news sentences, authored train articles). Held out and reported before/after: the masked-LM
perplexity on our IndoSum test part, which no step trains on. Dev and test pages are never read.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from transformers import AutoTokenizer

from warta_training.corpus import load_split
from warta_training.indosum import indosum_split
from warta_training.pretrain import PretrainConfig, finish_record, pretrain
from warta_training.pretrain_corpus import article_paragraphs, nlp_id_sentences
from warta_training.real import real_split
from warta_training.tokenizer import fertility


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--init", type=Path, default=Path("model/encoder"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--real-dir", type=Path, default=None)
    ap.add_argument("--epochs", type=float, default=1.5)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--seed", type=int, default=PretrainConfig.seed)
    args = ap.parse_args()
    t0 = time.time()
    tok = AutoTokenizer.from_pretrained(str(args.init))
    indosum_train, note1 = indosum_split("train", args.real_dir)
    pages_train, note2 = real_split(args.data, "train", args.real_dir)
    for note in (note1, note2):
        if note:
            print(f"warning: {note}", file=sys.stderr)
    real = article_paragraphs(indosum_train) + article_paragraphs(pages_train)
    old = nlp_id_sentences() + article_paragraphs(load_split(args.data, "train"))
    probe = article_paragraphs(indosum_split("test", args.real_dir)[0])
    print(f"text: {sum(len(x.split()) for x in real)} real-news words + {sum(len(x.split()) for x in old)} of the original mix; "
          f"probe (IndoSum test part): {sum(len(x.split()) for x in probe)} words", file=sys.stderr)
    cfg = PretrainConfig(epochs=args.epochs, lr=args.lr, seed=args.seed)
    metrics = pretrain(tok, real + old, args.out, cfg, init=args.init, probe_lines=probe)
    metrics["probe_fertility"] = round(fertility(tok, probe), 4)
    metrics["real_words"] = sum(len(x.split()) for x in real)
    metrics["words"] = metrics["real_words"] + sum(len(x.split()) for x in old)
    finish_record(args.out, metrics, t0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
