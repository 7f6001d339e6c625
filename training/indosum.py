"""IndoSum articles (../shared/real/indosum.jsonl, CC BY-SA 4.0) as running text.

IndoSum ships word tokens (`Jakarta , Senin ( 27 / 3 )`); warta reads raw text, so the tokens are
joined back the way Indonesian news prints them. Hand-written because no detokenizer we can
install knows these conventions (Moses' rules are English-centred and mishandle `( 27 / 3 )`
dates and paired straight quotes).
"""

from __future__ import annotations

import re
from pathlib import Path

from .real import default_real_dir, read_jsonl

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "…", "”", "’"}
NO_SPACE_AFTER = {"(", "[", "{", "“", "‘", "#", "@"}
GLUE = {"/", "-", "–"}  # 27 / 3 -> 27/3, CNN Indonesia - - X -> kept with spaces (see _join)


def detokenize(tokens: list[str]) -> str:
    """Tokens of one sentence -> text: punctuation attached, straight quotes paired open/close."""
    out: list[str] = []
    open_quote = False
    no_space = True
    for i, tok in enumerate(tokens):
        if tok == '"':
            if open_quote:
                out.append('"')
                no_space = False
            else:
                out.append(("" if no_space else " ") + '"')
                no_space = True
            open_quote = not open_quote
            continue
        between_digits = tok in GLUE and 0 < i < len(tokens) - 1 and tokens[i - 1][-1:].isdigit() and tokens[i + 1][:1].isdigit()
        if tok in NO_SPACE_BEFORE or no_space or between_digits:
            out.append(tok)
        else:
            out.append(" " + tok)
        no_space = tok in NO_SPACE_AFTER or between_digits
    text = "".join(out)
    return re.sub(r" - - ", " -- ", text)


def article_text(rec: dict) -> str:
    """Paragraphs joined by newlines, sentences by spaces."""
    return "\n".join(" ".join(detokenize(s) for s in para) for para in rec["paragraphs"])


def load_indosum(real_dir: Path | None = None, category: str | None = None) -> list[dict]:
    """IndoSum records (optionally of one category) with their detokenized `text` added."""
    path = Path(real_dir or default_real_dir()) / "indosum.jsonl"
    recs = read_jsonl(path)
    return [{**r, "text": article_text(r)} for r in recs if category is None or r["category"] == category]
