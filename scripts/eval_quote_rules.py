"""Evaluate the rule-based quote extractor against the naive baseline on one split.

    python scripts/eval_quote_rules.py [--split dev] [--corpus authored|real] [--data data] [--model model/default] [--errors]

Authored: reads data/{split}.jsonl if it exists, else parses data/authored and keeps the records
whose group hashes to the split. Real: the real pages of the split whose quotes were annotated
(text joined from $WARTA_REAL_DIR); real test only for a final report. Prints a Markdown table (with the checkpoint's speaker linker as
`rules+linker` when the --model folder has one); --errors also prints span and speaker
mismatches of the rule system (use only on train/dev).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from warta.quotes import extract_quotes, load_linker
from warta_training.baselines import baseline_quotes
from warta_training.corpus import authored_records, read_jsonl, split_of
from warta_training.quote_metrics import quote_metrics
from warta_training.real import has_quotes, real_split

ROOT = Path(__file__).resolve().parents[1]


def load(split: str, data: Path, corpus: str = "authored") -> list[dict]:
    if corpus == "real":
        recs, note = real_split(data, split)
        if note:
            raise SystemExit(note)
        return [r for r in recs if has_quotes(r)]
    path = data / f"{split}.jsonl"
    if path.exists():
        return read_jsonl(path)
    return [r for r in authored_records(data / "authored") if split_of(r["meta"]["group"]) == split]


def table(results: dict[str, dict]) -> str:
    cols = ["exact_p", "exact_r", "exact_f1", "overlap_f1", "speaker_acc", "speaker_acc_lenient", "cue_acc", "n_gold", "n_pred"]
    lines = ["| system | type | " + " | ".join(cols) + " |", "|---|---|" + "---|" * len(cols)]
    for name, m in results.items():
        for t, row in m.items():
            cells = [f"{row[c]:.3f}" if isinstance(row[c], float) else str(row[c]) for c in cols]
            lines.append(f"| {name} | {t} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def print_errors(recs: list[dict], preds: list[list[dict]]) -> None:
    for rec, pred in zip(recs, preds):
        t = rec["text"]
        gold = {(q["start"], q["end"], q["type"]): q for q in rec["quotes"]}
        pk = {(q["start"], q["end"], q["type"]): q for q in pred}
        for k in sorted(set(gold) - set(pk)):
            print(f"MISS {rec['id']} {k[2]}: {t[max(k[0]-50,0):k[0]]!r} [[{t[k[0]:k[1]][:120]!r}]] {t[k[1]:k[1]+30]!r}")
        for k in sorted(set(pk) - set(gold)):
            print(f"FP   {rec['id']} {k[2]}: {t[max(k[0]-50,0):k[0]]!r} [[{t[k[0]:k[1]][:120]!r}]] {t[k[1]:k[1]+30]!r}")
        for k in sorted(set(pk) & set(gold)):
            g, p = gold[k], pk[k]
            if " ".join(g["speaker"].split()) != " ".join(p["speaker"].split()):
                print(f"SPK  {rec['id']} {k[2]}: gold={g['speaker']!r} pred={p['speaker']!r} gm={g['speaker_mention'] and g['speaker_mention']['text']!r} pm={p['speaker_mention'] and p['speaker_mention']['text']!r} :: {t[k[0]:k[0]+40]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--corpus", choices=["authored", "real"], default="authored")
    ap.add_argument("--data", type=Path, default=ROOT / "data")
    ap.add_argument("--model", type=Path, default=ROOT / "model" / "default", help="checkpoint whose speaker_linker.json to use")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    recs = load(args.split, args.data, args.corpus)
    rules = [extract_quotes(r["text"]) for r in recs]
    base = [baseline_quotes(r["text"]) for r in recs]
    print(f"## Quote extraction, {args.corpus} {args.split} ({len(recs)} articles)\n")
    results = {"extract_quotes": quote_metrics(recs, rules), "baseline_quotes": quote_metrics(recs, base)}
    linker = load_linker(args.model)
    if linker is not None:
        results = {"rules+linker": quote_metrics(recs, [extract_quotes(r["text"], linker=linker) for r in recs]), **results}
    print(table(results))
    if args.errors:
        print_errors(recs, rules)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
