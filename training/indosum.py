"""IndoSum articles (../shared/real/indosum.jsonl, CC BY-SA 4.0) as running text.

IndoSum ships word tokens (`Jakarta , Senin ( 27 / 3 )`); warta reads raw text, so the tokens are
joined back the way Indonesian news prints them. Hand-written because no detokenizer we can
install knows these conventions (Moses' rules are English-centred and mishandle `( 27 / 3 )`
dates and paired straight quotes).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from warta.atomic import write_text_atomic

from .real import default_real_dir, read_jsonl

# Our fixed train/dev/test division of the IndoSum articles in ../shared/real (by id, committed):
# the summary head learns on train, summary length and epochs are chosen on dev, test is reported.
SPLIT_FILE = Path(__file__).resolve().parent.parent / "data" / "indosum" / "split.json"
SPLIT_BOUNDS = (0.7, 0.85)  # hash fraction below 0.7: train, below 0.85: dev, else test

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
    return article_with_spans(rec)[0]


def article_with_spans(rec: dict) -> tuple[str, list[tuple[int, int]], list[bool]]:
    """The article text, the character span of every IndoSum sentence in it, and its gold flag
    (in the IndoSum annotators' extractive summary or not), in reading order."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    gold: list[bool] = []
    pos = 0
    for p, (para, flags) in enumerate(zip(rec["paragraphs"], rec.get("gold_labels") or [[]] * len(rec["paragraphs"]))):
        for k, tokens in enumerate(para):
            sep = ("\n" if p else "") if k == 0 else " "
            sentence = detokenize(tokens)
            pos += len(sep)
            spans.append((pos, pos + len(sentence)))
            gold.append(bool(flags[k]) if k < len(flags) else False)
            parts.append(sep + sentence)
            pos += len(sentence)
    return "".join(parts), spans, gold


def split_of_id(article_id: str) -> str:
    """train / dev / test from a hash of the id: stable whatever else the pool holds."""
    frac = int(hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8], 16) / 16**8
    return "train" if frac < SPLIT_BOUNDS[0] else "dev" if frac < SPLIT_BOUNDS[1] else "test"


def write_split(real_dir: Path | None = None, out: Path = SPLIT_FILE) -> dict[str, int]:
    """Write the id lists of our split (sorted, one JSON object); returns the sizes."""
    ids = sorted(r["id"] for r in read_jsonl(Path(real_dir or default_real_dir()) / "indosum.jsonl"))
    split = {name: [i for i in ids if split_of_id(i) == name] for name in ("train", "dev", "test")}
    out.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out, json.dumps(split, indent=0) + "\n")
    return {k: len(v) for k, v in split.items()}


def indosum_split(split: str, real_dir: Path | None = None) -> tuple[list[dict], str]:
    """Corpus-style records of one part of our IndoSum split, and a note of what was skipped.

    Each record: `text` (detokenized), `summary` (the reference, detokenized), `oracle_spans`
    (character spans of the IndoSum extractive gold sentences), no event labels or quotes
    (`meta.has_events` / `has_quotes` false, so training masks those losses).
    """
    path = Path(real_dir or default_real_dir()) / "indosum.jsonl"
    if not path.is_file():
        return [], f"IndoSum skipped: {path} not found"
    wanted = set(json.loads(SPLIT_FILE.read_text(encoding="utf-8"))[split])
    recs = [r for r in read_jsonl(path) if r["id"] in wanted]
    note = f"IndoSum {split}: {len(wanted) - len(recs)} listed ids not in {path}" if len(recs) < len(wanted) else ""
    return [to_summary_record(r, split) for r in recs], note


def to_summary_record(rec: dict, split: str) -> dict:
    text, spans, gold = article_with_spans(rec)
    return {
        "id": f"indosum:{rec['id']}", "text": text, "labels": [], "quotes": [],
        "summary": " ".join(detokenize(s) for s in rec["summary"]),
        "oracle_spans": [sp for sp, g in zip(spans, gold) if g],
        "meta": {"source": "indosum", "split": split, "category": rec.get("category", ""), "group": rec["id"],
                 "has_quotes": False, "has_summary": True, "has_events": False},
    }


def load_indosum(real_dir: Path | None = None, category: str | None = None) -> list[dict]:
    """IndoSum records (optionally of one category) with their detokenized `text` added."""
    path = Path(real_dir or default_real_dir()) / "indosum.jsonl"
    recs = read_jsonl(path)
    return [{**r, "text": article_text(r)} for r in recs if category is None or r["category"] == category]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m warta_training.indosum", description="(Re)write data/indosum/split.json, our fixed IndoSum train/dev/test ids.")
    ap.add_argument("--real-dir", type=Path, default=None)
    args = ap.parse_args(argv)
    print(json.dumps(write_split(args.real_dir)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
