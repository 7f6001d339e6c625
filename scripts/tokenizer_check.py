"""Would a tokenizer retrained on real news read it in fewer pieces? Fertility, old vs retrained.

    python scripts/tokenizer_check.py --out reports/tokenizer_check.json

Trains a SentencePiece unigram vocabulary of the same size on the text scripts/adapt_encoder.py
reads (IndoSum train part, real train pages, nlp-id sentences, authored train) and reports tokens
per word on held-out real text (our IndoSum test part, real dev pages) for the shipped tokenizer and
the retrained one. Fewer pieces per word means shorter sequences (a cheaper encoder pass) and more
text per 128-token window; a new vocabulary needs pretraining from scratch (scripts/build_encoder.py).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from transformers import AutoTokenizer

from warta.atomic import write_text_atomic
from warta_training.corpus import load_split
from warta_training.indosum import indosum_split
from warta_training.pretrain_corpus import article_paragraphs, nlp_id_sentences
from warta_training.real import real_split
from warta_training.tokenizer import build_tokenizer, fertility


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--encoder", type=Path, default=Path("model/encoder"))
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    old = AutoTokenizer.from_pretrained(str(args.encoder))
    lines = (article_paragraphs(indosum_split("train")[0]) + article_paragraphs(real_split(args.data, "train")[0])
             + nlp_id_sentences() + article_paragraphs(load_split(args.data, "train")))
    with tempfile.TemporaryDirectory() as tmp:
        new = build_tokenizer(lines, Path(tmp), len(old), lowercase=False)
    held = {"indosum_test": article_paragraphs(indosum_split("test")[0]), "real_dev_pages": article_paragraphs(real_split(args.data, "dev")[0])}
    res = {name: {"shipped": round(fertility(old, texts), 4), "retrained": round(fertility(new, texts), 4)} for name, texts in held.items()}
    res["vocab_size"] = len(old)
    text = json.dumps(res, indent=2)
    print(text)
    if args.out:
        write_text_atomic(args.out, text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
