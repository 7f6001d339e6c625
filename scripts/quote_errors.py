"""List quote span and speaker mismatches of the rules on real train/dev (never test).

    python scripts/quote_errors.py [--split train dev] [--kind span|speaker|all] [--source real|authored] [--linker model/default]

Prints to the terminal only: page id, offsets, the gold/predicted span or speaker and a short
context. The context is the pool's text, so it must never be redirected into the repository.
Each line carries a category guessed by `categorise` so counts can be tallied with
`| cut -f1 | sort | uniq -c`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from warta.quotes import extract_quotes, load_linker
from warta.quotes.cues import _subject_before
from warta.quotes.attributions import _INSERTED_RE, _MENURUT_RE, _PASSIVE_RE
from warta.quotes.indirect import _INDIRECT_RE
from warta.quotes.text import paragraph_of
from warta_training.corpus import authored_records, split_of
from warta_training.quote_metrics import _lenient, _norm, _overlap_ok, quote_metrics
from warta_training.real import has_quotes, real_split

ROOT = Path(__file__).resolve().parents[1]
_CONTEXT = 40


def load(source: str, split: str) -> list[dict]:
    """Records of one split whose quotes were annotated."""
    if split == "test":
        raise SystemExit("real/authored test is read only for the final report: use train or dev")
    if source == "real":
        recs, note = real_split(ROOT / "data", split)
        if note:
            print(note, file=sys.stderr)
        return [r for r in recs if has_quotes(r)]
    return [r for r in authored_records(ROOT / "data" / "authored") if split_of(r["meta"]["group"]) == split]


def _ctx(text: str, s: int, e: int) -> str:
    return f"{text[max(0, s - _CONTEXT):s]!r} [[{text[s:e][:100]!r}]] {text[e:e + _CONTEXT]!r}"


_MARK = "“”\"‘’'"


def direct_habit(text: str, s: int, e: int) -> str:
    """The quote-mark habit around a gold direct span the rules missed (see GUIDELINES §2)."""
    before, after = text[max(0, s - 3):s], text[e:e + 4]
    if not text[e:].strip():
        return "mark:cut-at-page-end"
    if "œ" in before or "†" in after:
        return "mark:mangled"
    if before.endswith(("‘’", "'")):
        return "mark:single-as-double"
    if not re.search(r"[“”\"]\s*$", before):
        return "mark:no-opening-mark"
    if re.search(r"[“”\"]\s+$", before):
        return "mark:open-then-space"
    if re.match(r"[,.!?]?[^\S\n]+[”\"]", after):
        return "mark:close-after-space"
    if re.match(r"[,.!?]?\s*\n\s*[”\"]", after):
        return "mark:close-next-line"
    if re.match(r"[,.!?]?\s*“", after):
        return "mark:open-used-to-close"
    if re.match(r"[,.!?]?[”\"][a-z]", after):
        return "mark:close-glued-to-cue"
    return "direct:other"


_CUE_WINDOW = 120  # characters before a missed indirect quote searched for its cue


def indirect_reason(text: str, s: int) -> str:
    """Why the rules missed a gold indirect quote: no cue pattern before it, a cue whose speaker
    mention was not found, or a cue verb followed by a bare object the rules refused."""
    lo, hi = max(0, s - _CUE_WINDOW), s + 5
    verbs = list(_INDIRECT_RE.finditer(text, lo, hi))
    if not verbs:
        other = any(rx.search(text, lo, hi) for rx in (_MENURUT_RE, _INSERTED_RE, _PASSIVE_RE))
        return "indirect:other-cue" if other else "indirect:no-cue-verb"
    m = verbs[-1]
    if _subject_before(text, m.start("verb"), paragraph_of(text, m.start("verb"))[0]) is None:
        return "indirect:no-mention"
    if not m.group("link").strip():
        return "indirect:bare-object"
    return "indirect:other"


def span_category(text: str, g: dict | None, p: dict | None) -> str:
    """A coarse reason for a span mismatch, from the characters around the boundaries."""
    if g and p:
        if g["start"] != p["start"] and g["end"] != p["end"]:
            return "span:both-ends"
        return "span:end" if g["end"] != p["end"] else "span:start"
    q = g or p
    if q["type"] == "direct" and g:
        return direct_habit(text, q["start"], q["end"])
    if q["type"] == "indirect" and g:
        return indirect_reason(text, q["start"])
    return q["type"] + ":" + ("miss" if g else "false-alarm")


def speaker_category(g: dict, p: dict) -> str:
    """A coarse reason for a speaker mismatch: how the gold quote is attributed at its cue."""
    if _lenient(g["speaker"]) == _lenient(p["speaker"]):
        return "spk:degree-only"
    gm = (g.get("speaker_mention") or {}).get("text") or ""
    pm = (p.get("speaker_mention") or {}).get("text") or ""
    if _norm(p["speaker"]) and _norm(p["speaker"]) in _norm(g["speaker"]):
        return "spk:short-form"
    if _norm(g["speaker"]) and _norm(g["speaker"]) in _norm(p["speaker"]):
        return "spk:over-long"
    if gm.lower() in ("nya", "ia", "dia", "beliau"):
        return "spk:pronoun"
    if not gm:
        return "spk:no-mention"
    if gm != pm:
        return "spk:mention-differs"
    words = gm.split()
    if words and not any(w in g["speaker"] for w in words[-1:]):
        return "spk:title-only"
    return "spk:named"


def report(recs: list[dict], preds: list[list[dict]], kind: str) -> Counter:
    counts: Counter = Counter()
    for rec, pred in zip(recs, preds):
        t = rec["text"]
        gold = {(q["start"], q["end"], q["type"]): q for q in rec["quotes"]}
        pk = {(q["start"], q["end"], q["type"]): q for q in pred}
        if kind in ("span", "all"):
            for k in sorted(set(gold) ^ set(pk)):
                g, p = gold.get(k), pk.get(k)
                other = next((o for o in (pred if g else rec["quotes"]) if o["type"] == k[2] and _overlap_ok(o, g or p)), None)
                if other is not None and g is None:
                    continue  # reported once, from the gold side
                cat = span_category(t, g, other) if g else span_category(t, None, p)
                counts[cat] += 1
                who = "MISS" if g else "FP"
                extra = f" pred={other['start']}-{other['end']}" if other is not None else ""
                print(f"{cat}\t{who} {rec['id']} {k[2]} {k[0]}-{k[1]}{extra}: {_ctx(t, k[0], k[1])}")
        if kind in ("speaker", "all"):
            for g in rec["quotes"]:
                p = next((o for o in pred if o["type"] == g["type"] and _overlap_ok(o, g)), None)
                if p is None or _norm(p.get("speaker")) == _norm(g["speaker"]):
                    continue
                cat = speaker_category(g, p)
                counts[f"{cat}:{g['type']}"] += 1
                gm = (g.get("speaker_mention") or {}).get("text")
                pm = (p.get("speaker_mention") or {}).get("text")
                print(f"{cat}\t{rec['id']} {g['type']} {g['start']}-{g['end']} gold={g['speaker']!r} pred={p['speaker']!r} "
                      f"gm={gm!r} pm={pm!r} :: {t[max(0, g['start'] - 60):g['start']][-60:]!r}")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", nargs="+", default=["train", "dev"])
    ap.add_argument("--kind", choices=["span", "speaker", "all"], default="all")
    ap.add_argument("--source", choices=["real", "authored"], default="real")
    ap.add_argument("--linker", type=Path, default=None, help="checkpoint folder: list the errors of rules + its speaker linker")
    args = ap.parse_args(argv)
    total: Counter = Counter()
    linker = load_linker(args.linker)
    for split in args.split:
        recs = load(args.source, split)
        preds = [extract_quotes(r["text"], linker=linker) for r in recs]
        m = quote_metrics(recs, preds)
        print(f"## {args.source} {split}: {len(recs)} pages; direct exact F1 {m['direct']['exact_f1']:.3f}, "
              f"speaker {m['direct']['speaker_acc']:.3f}; indirect exact F1 {m['indirect']['exact_f1']:.3f}")
        total += report(recs, preds, args.kind)
    print("\n## categories")
    for cat, n in total.most_common():
        print(f"{n:5d} {cat}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
