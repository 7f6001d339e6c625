"""Quote-extraction metrics: exact and overlap span P/R/F1, speaker and cue accuracy.

Why several numbers: exact-span F1 is what downstream offset consumers need, but one
boundary character (a comma, a clause end) makes an exact match fail while the quote is
found; overlap F1 tells those apart. Speaker accuracy is measured only on found quotes
(overlap-matched gold) so it isolates attribution from detection.
"""

from __future__ import annotations

import re
from collections.abc import Callable

TYPES = ("direct", "indirect", "all")
_DEGREE_RE = re.compile(r",\s*(?:[A-Za-z]{1,5}\.?\s*)+$")


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def _lenient(s: str | None) -> str:
    """Drop degree suffixes after a comma (", S.I.K., M.H.") — annotators include them inconsistently."""
    s = _norm(s)
    head, sep, tail = s.partition(",")
    return head.strip() if sep else s


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def _overlap_ok(a: dict, b: dict) -> bool:
    """Character overlap ≥ 50% of the union of the two spans (simple, tokenizer-free)."""
    inter = min(a["end"], b["end"]) - max(a["start"], b["start"])
    if inter <= 0:
        return False
    union = max(a["end"], b["end"]) - min(a["start"], b["start"])
    return inter / union >= 0.5


def _of_type(qs: list[dict], t: str) -> list[dict]:
    return [q for q in qs if t == "all" or q["type"] == t]


def _cue_key(q: dict) -> tuple[int, int] | None:
    c = q.get("cue")
    return (c["start"], c["end"]) if c else None


def quote_metrics(gold_records: list[dict], predicted_lists: list[list[dict]]) -> dict[str, dict[str, float]]:
    """Per type (direct, indirect, all): exact and overlap P/R/F1, speaker and cue accuracy.

    - exact: predicted (start, end, type) equals a gold one.
    - overlap: greedy one-to-one matching, a prediction matches a not-yet-matched gold quote
      of the same type whose character overlap is ≥ 50% of the union of the two spans.
    - speaker_acc: share of overlap-matched gold quotes whose predicted speaker equals the gold
      speaker after whitespace normalisation; speaker_acc_lenient ignores everything after
      the first comma (degree suffixes such as ", S.I.K., M.H.").
    - cue_acc: share of overlap-matched gold quotes whose cue span equals the gold one
      (both null counts as equal).
    """
    out: dict[str, dict[str, float]] = {}
    for t in TYPES:
        tp_exact = tp_ov = n_pred = n_gold = 0
        spk = spk_len = cue = 0
        for rec, pred in zip(gold_records, predicted_lists):
            gold = _of_type(rec["quotes"], t)
            pr = _of_type(pred, t)
            n_gold += len(gold)
            n_pred += len(pr)
            gkeys = {(q["start"], q["end"], q["type"]) for q in gold}
            tp_exact += len({(q["start"], q["end"], q["type"]) for q in pr} & gkeys)
            used: set[int] = set()
            for p in pr:
                for gi, g in enumerate(gold):
                    if gi in used or g["type"] != p["type"] or not _overlap_ok(p, g):
                        continue
                    used.add(gi)
                    tp_ov += 1
                    spk += _norm(p.get("speaker")) == _norm(g["speaker"])
                    spk_len += _lenient(p.get("speaker")) == _lenient(g["speaker"])
                    cue += _cue_key(p) == _cue_key(g)
                    break
        ex = _prf(tp_exact, n_pred, n_gold)
        ov = _prf(tp_ov, n_pred, n_gold)
        out[t] = {
            "exact_p": ex["p"], "exact_r": ex["r"], "exact_f1": ex["f1"],
            "overlap_p": ov["p"], "overlap_r": ov["r"], "overlap_f1": ov["f1"],
            "speaker_acc": spk / tp_ov if tp_ov else 0.0,
            "speaker_acc_lenient": spk_len / tp_ov if tp_ov else 0.0,
            "cue_acc": cue / tp_ov if tp_ov else 0.0,
            "n_gold": n_gold, "n_pred": n_pred, "n_matched": tp_ov,
        }
    return out


def speaker_errors(gold_records: list[dict], predicted_lists: list[list[dict]],
                   kind_of: Callable[[str, dict | None], str]) -> dict[str, dict[str, int]]:
    """Found gold quotes and wrong speakers among them, by the kind of the gold speaker mention.

    Same matching as `quote_metrics` (greedy, same type, ≥ 50% overlap), so `n` summed over kinds
    is the "all" row's n_matched and 1 - wrong/n summed is its speaker accuracy.
    """
    out: dict[str, dict[str, int]] = {}
    for rec, pred in zip(gold_records, predicted_lists):
        used: set[int] = set()
        for p in pred:
            for gi, g in enumerate(rec["quotes"]):
                if gi in used or g["type"] != p["type"] or not _overlap_ok(p, g):
                    continue
                used.add(gi)
                row = out.setdefault(kind_of(rec["text"], g.get("speaker_mention")), {"n": 0, "wrong": 0})
                row["n"] += 1
                row["wrong"] += _norm(p.get("speaker")) != _norm(g["speaker"])
                break
    return dict(sorted(out.items()))
