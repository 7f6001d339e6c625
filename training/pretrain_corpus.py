"""Unlabeled Indonesian text for tokenizer training and masked-LM pretraining.

Sources, read at build time so no third-party text is committed:
- the `nlp-id` package (MIT; in the `train` extra) ships ~33k Indonesian news sentences in
  `nlp_id/data/dataset_postag.txt`, one `token<TAB>tag` per line, clitics split off; it is read
  from the installed package (the same file, byte for byte, from 0.1.15 to 0.1.23: its SHA-1 is
  checked, so a changed file cannot silently change a rebuilt encoder);
- the text of our own `data/train.jsonl` (never dev or test: that would leak into evaluation).
"""

from __future__ import annotations

import hashlib
import re
import warnings
from pathlib import Path

NLP_ID_FILE = ("data", "dataset_postag.txt")  # inside the nlp_id package
NLP_ID_SHA1 = "dbda64b74bf9949235572e7e78b3e4318db7c49b"  # the file model/encoder was built from
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


def nlp_id_sentences() -> list[str]:
    """nlp-id's news sentences as plain text, read from the installed package.

    The file is located without importing nlp_id (its import loads taggers and scikit-learn;
    none of its code needs to run to read a text file).
    """
    from importlib.util import find_spec

    spec = find_spec("nlp_id")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the nlp-id package is not installed: pip install -e '.[train]'")
    raw = Path(list(spec.submodule_search_locations)[0], *NLP_ID_FILE).read_bytes()
    if hashlib.sha1(raw).hexdigest() != NLP_ID_SHA1:
        warnings.warn(f"nlp-id's {'/'.join(NLP_ID_FILE)} differs from the one model/encoder was built from "
                      f"(SHA-1 {NLP_ID_SHA1[:12]}...): a rebuilt encoder will differ", RuntimeWarning, stacklevel=2)
    return parse_postag(raw.decode("utf-8"))


def article_paragraphs(records: list[dict]) -> list[str]:
    """Title and non-empty paragraphs of labeled articles, one per line."""
    lines = []
    for r in records:
        lines.append(r.get("title", ""))
        lines += [p.strip() for p in re.split(r"\n+", r["text"]) if p.strip()]
    return [ln for ln in lines if ln]
