"""Unlabeled Indonesian text for tokenizer training and masked-LM pretraining.

Sources, fetched at build time so no third-party text is committed:
- the `nlp-id` package (MIT) ships ~33k Indonesian news sentences in
  `nlp_id/data/dataset_postag.txt`, one `token<TAB>tag` per line, clitics split off;
  we download its sdist with `pip download --no-deps` (installing it would pin an old
  scikit-learn) and read that one file out of the archive;
- the text of our own `data/train.jsonl` (never dev or test: that would leak into evaluation).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
from pathlib import Path

NLP_ID = "nlp-id==0.1.15.0"
NLP_ID_MEMBER = "nlp_id/data/dataset_postag.txt"
# Enclitics the POS corpus splits off: glued back onto the previous word ("ada nya" -> "adanya").
ENCLITICS = {"nya", "lah", "kah", "mu"}
ENCLITIC_TAGS = {"PR", "DT", "RP"}
NO_SPACE_BEFORE = set(".,;:!?%)]}’”")
NO_SPACE_AFTER = set("([{‘“")


def detokenize(tokens: list[tuple[str, str]]) -> str:
    """Rebuild running text from (token, tag) pairs: clitics glued, punctuation spaced as in print."""
    out: list[str] = []
    glue_next = False
    in_quote = False
    for tok, tag in tokens:
        glue = glue_next or not out
        glue_next = False
        if tok in ENCLITICS and tag in ENCLITIC_TAGS and out:
            glue = True
        elif tok in NO_SPACE_BEFORE:
            glue = True
        elif tok == '"':
            # Straight quotes carry no direction in the corpus: alternate open/close.
            glue = in_quote or not out
            glue_next = not in_quote
            in_quote = not in_quote
        if tok in NO_SPACE_AFTER:
            glue_next = True
        out.append(tok if glue else " " + tok)
    return "".join(out).strip()


def parse_postag(raw: str) -> list[str]:
    """Sentences of the nlp-id POS file as plain text."""
    sentences = []
    for block in raw.strip().split("\n\n"):
        pairs = [tuple((ln.split("\t") + [""])[:2]) for ln in block.split("\n") if ln.strip()]
        if pairs:
            sentences.append(detokenize(pairs))
    return sentences


def fetch_nlp_id(cache_dir: Path) -> list[str]:
    """Download the nlp-id sdist (once, cached) and return its news sentences."""
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    archives = sorted(cache_dir.glob("nlp_id-*.tar.gz"))
    if not archives:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-d", str(cache_dir), NLP_ID]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        archives = sorted(cache_dir.glob("nlp_id-*.tar.gz"))
    with tarfile.open(archives[-1]) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(NLP_ID_MEMBER))
        raw = tar.extractfile(member).read().decode("utf-8")
    return parse_postag(raw)


def article_paragraphs(records: list[dict]) -> list[str]:
    """Title and non-empty paragraphs of labeled articles, one per line."""
    lines = []
    for r in records:
        lines.append(r.get("title", ""))
        lines += [p.strip() for p in re.split(r"\n+", r["text"]) if p.strip()]
    return [ln for ln in lines if ln]
