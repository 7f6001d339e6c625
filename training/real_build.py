"""`warta real build`: two annotation passes + adjudication -> data/real/annotations.jsonl and AGREEMENT.md.

    data/real/passes/a.jsonl, b.jsonl   two independent passes: {id, labels, kind, unit, date, doubt}
    data/real/adjudication.jsonl        the decision on every item the passes disagree on
                                        {id, labels, kind, doubt}
    data/real/summaries.jsonl           optional reference summaries {id, summary} (our own words)
    data/real/quotes.jsonl              optional quote annotations {id, quotes} (offsets into the pool text)

The final label set is the passes' where they agree and the adjudicator's where they do not;
where only `kind` differs (labels agree), `hard_negative` wins over `negative` (it only says
that the page shares the events' vocabulary, which either reader can see).

Splits (≈ 60/20/20) are drawn per group, and a group is every page linked by the same unit and
day of event (as either pass gave it) or by near-copied text (character 5-gram Jaccard ≥
COPY_JACCARD: copies of one press release), so one event never straddles train, dev and test.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np

from warta.atomic import write_text_atomic
from warta.labels import EVENT_LABELS

from .real import ANNOTATIONS, read_jsonl, sha1

PASSES = ("a", "b")
SPLIT_BOUNDS = (0.60, 0.80)  # cumulative: train < 0.60 <= dev < 0.80 <= test
COPY_JACCARD = 0.30  # near copies of one release (rewrites keep most 5-grams; unrelated news shares < 0.1)
DOUBT_CATEGORIES = ("planned", "lead_only", "other_agency", "national_video", "pergeseran", "pra_operasi",
                    "tfg", "page2", "cut", "passing", "topic", "other")


def _norm_unit(unit: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", unit.lower()).strip()


class _Groups:
    """Union-find over page ids: plain and short, so written here rather than pulled from a graph library."""

    def __init__(self, ids: list[str]):
        self.parent = {i: i for i in ids}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def event_groups(ids: list[str], texts: list[str], passes: list[dict[str, dict]]) -> dict[str, str]:
    """Group name per id: linked by (unit, full date) from any pass, or by near-copied text."""
    from .validate import _shingle_jaccard

    groups = _Groups(ids)
    first: dict[tuple[str, str], str] = {}
    for p in passes:
        for i in ids:
            unit, date = _norm_unit(p[i].get("unit", "")), p[i].get("date", "")
            if unit and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                groups.union(first.setdefault((unit, date), i), i)
    sim = _shingle_jaccard(texts)
    for a, b in zip(*np.nonzero(np.triu(sim >= COPY_JACCARD, k=1))):
        groups.union(ids[a], ids[b])
    return {i: f"real-{groups.find(i)}" for i in ids}


def split_of(group: str) -> str:
    """Stable split of a group: the first 8 bytes of its SHA-1 read as a fraction."""
    h = int.from_bytes(hashlib.sha1(group.encode("utf-8")).digest()[:8], "big") / 2**64
    return ("train", "dev", "test")[sum(h >= b for b in SPLIT_BOUNDS)]


def _doubt(a: dict, b: dict, adj: dict | None) -> str:
    if adj is not None:
        return adj.get("doubt", "")
    notes = [f"{name}: {p['doubt']}" for name, p in (("A", a), ("B", b)) if p.get("doubt")]
    return " | ".join(notes)


def decide(a: dict, b: dict, adj: dict | None) -> tuple[list[str], str]:
    """Final (labels, kind) of one page."""
    if set(a["labels"]) != set(b["labels"]):
        if adj is None:
            raise ValueError(f"{a['id']}: the passes disagree ({a['labels']} vs {b['labels']}) and no adjudication is recorded")
        return [lab for lab in EVENT_LABELS if lab in adj["labels"]], adj["kind"]
    labels = [lab for lab in EVENT_LABELS if lab in a["labels"]]
    if adj is not None:
        return [lab for lab in EVENT_LABELS if lab in adj["labels"]], adj["kind"]
    kind = a["kind"] if a["kind"] == b["kind"] else ("positive" if labels else "hard_negative")
    return labels, kind


def agreement(a: dict[str, dict], b: dict[str, dict], ids: list[str]) -> dict:
    """Cohen's kappa per label (and for 'any event'), raw agreement and disagreement counts, before adjudication."""
    from sklearn.metrics import cohen_kappa_score

    out = {}
    for lab in (*EVENT_LABELS, "any event"):
        ya = [int(lab in a[i]["labels"]) if lab != "any event" else int(bool(a[i]["labels"])) for i in ids]
        yb = [int(lab in b[i]["labels"]) if lab != "any event" else int(bool(b[i]["labels"])) for i in ids]
        out[lab] = {"kappa": round(float(cohen_kappa_score(ya, yb)), 4), "agree": round(float(np.mean(np.equal(ya, yb))), 4),
                    "disagree": int(np.sum(np.not_equal(ya, yb))), "positives_a": int(sum(ya)), "positives_b": int(sum(yb))}
    out["kind"] = {"kappa": round(float(cohen_kappa_score([a[i]["kind"] for i in ids], [b[i]["kind"] for i in ids])), 4)}
    return out


def _category(doubt: str) -> list[str]:
    return sorted({m for m in re.findall(r"\b([a-z_0-9]+):", doubt) if m in DOUBT_CATEGORIES})


def build_real(data_dir: Path, pool: dict[str, dict]) -> tuple[list[dict], str]:
    """Annotation lines for every pool page, and the AGREEMENT.md text."""
    real = Path(data_dir) / "real"
    a, b = ({r["id"]: r for r in read_jsonl(real / "passes" / f"{p}.jsonl")} for p in PASSES)
    adj = {r["id"]: r for r in read_jsonl(real / "adjudication.jsonl")} if (real / "adjudication.jsonl").is_file() else {}
    ids = sorted(pool)
    missing = [i for i in ids if i not in a or i not in b]
    if missing:
        raise ValueError(f"{len(missing)} pool pages lack a pass label, e.g. {missing[:5]}")
    groups = event_groups(ids, [pool[i]["text"] for i in ids], [a, b])
    extra = {name: {r["id"]: r[name] for r in read_jsonl(real / file)} if (real / file).is_file() else {}
             for name, file in (("summary", "summaries.jsonl"), ("quotes", "quotes.jsonl"))}
    lines = []
    for i in ids:
        labels, kind = decide(a[i], b[i], adj.get(i))
        line = {"id": i, "sha1": sha1(pool[i]["text"]), "labels": labels, "kind": kind,
                "doubt": _doubt(a[i], b[i], adj.get(i)), "group": groups[i], "split": split_of(groups[i])}
        line.update({name: by_id[i] for name, by_id in extra.items() if i in by_id})
        lines.append(line)
    md = agreement_markdown(a, b, ids, adj, lines)
    if (real / "quotes_second.jsonl").is_file():
        md += quote_agreement_markdown(extra["quotes"], {r["id"]: r["quotes"] for r in read_jsonl(real / "quotes_second.jsonl")}, pool)
    passes = [real / "quote_passes" / f"{p}.jsonl" for p in PASSES]
    if all(f.is_file() for f in passes):
        first, second = ({r["id"]: r["quotes"] for r in read_jsonl(f)} for f in passes)
        md += quote_agreement_markdown(first, second, pool, QUOTE_PASSES_NOTE, "two independent passes before adjudication")
    return lines, md


QUOTE_PASSES_NOTE = (
    "{n} real pages annotated in two independent passes (`quote_passes/a.jsonl`, `quote_passes/b.jsonl`; pass A read as gold), "
    "{same} of them identically; every difference was then adjudicated into `quotes.jsonl`. The annotators worked from one brief "
    "without warta's output; they are instances of one annotation model, so near-identical passes are expected and measure the "
    "brief's consistency, not the agreement of independent human readers.")
SECOND_NOTE = (
    "{n} real pages annotated twice (`quotes.jsonl` and `quotes_second.jsonl`); the first annotation is read as gold. "
    "{same} of the {n} pages carry identical annotations in both: the two annotators worked from one brief without "
    "access to each other's files, and agree this closely, so read these figures as the consistency of the guidelines' "
    "application (an upper bound), not as the spread between independent human readers.")


def quote_agreement_markdown(first: dict[str, list], second: dict[str, list], pool: dict[str, dict], note: str = SECOND_NOTE,
                             title: str = "agreement of two independent annotations") -> str:
    """Agreement of two independent quote annotations of the same pages: the first read as gold
    (F1 is symmetric; precision and recall swap with the roles)."""
    from .quote_metrics import quote_metrics
    from .real import with_texts

    ids = sorted(i for i in second if i in first)
    gold = [{"text": pool[i]["text"], "quotes": with_texts(first[i], pool[i]["text"])} for i in ids]
    other = [with_texts(second[i], pool[i]["text"]) for i in ids]
    m = quote_metrics(gold, other)
    rows = [f"| {t} | {v['n_gold']} | {v['n_pred']} | {v['exact_f1']:.3f} | {v['overlap_f1']:.3f} | {v['speaker_acc']:.3f} | {v['cue_acc']:.3f} |"
            for t, v in m.items()]
    same = sum(json.dumps(first[i], sort_keys=True) == json.dumps(second[i], sort_keys=True) for i in ids)
    return "\n".join(["", f"## Quotes: {title}", "", note.format(n=len(ids), same=same), "",
                      "| type | quotes (first) | quotes (second) | exact-span F1 | overlap F1 | same speaker | same cue |", "|---|---|---|---|---|---|---|",
                      *rows, "", "Same speaker and same cue: shares of overlap-matched quotes whose resolved speaker (or cue span) is identical.", ""])


def agreement_markdown(a: dict, b: dict, ids: list[str], adj: dict, lines: list[dict]) -> str:
    ag = agreement(a, b, ids)
    disagree = [i for i in ids if set(a[i]["labels"]) != set(b[i]["labels"])]
    doubt_a = sum(bool(a[i].get("doubt")) for i in ids)
    doubt_b = sum(bool(b[i].get("doubt")) for i in ids)
    cats = Counter(c for ln in lines for c in _category(ln["doubt"]))
    splits = Counter(ln["split"] for ln in lines)
    md = ["# Agreement of the two annotation passes over the real page pool", "",
          "Generated by `warta real build` from `passes/a.jsonl`, `passes/b.jsonl` and `adjudication.jsonl`; do not edit.", "",
          f"{len(ids)} pages, each labeled by two independent passes (different annotators for every page), "
          f"then every label-set disagreement adjudicated ({len(disagree)} pages, {len(adj)} adjudication records). "
          "The annotators worked from one brief (the guidelines plus section 5's decisions) without access to each other's files; "
          "annotators of one training and one brief agree more than independent human readers would, so the kappas below are an upper "
          "bound on the task's human agreement.", "",
          "## Cohen's kappa before adjudication", "", "| label | kappa | raw agreement | disagreements | positives A | positives B |",
          "|---|---|---|---|---|---|"]
    md += [f"| {lab} | {v['kappa']:.3f} | {v['agree']:.3f} | {v['disagree']} | {v['positives_a']} | {v['positives_b']} |"
           for lab, v in ag.items() if lab != "kind"]
    md += ["", f"Kappa of `kind` (positive / hard_negative / negative): {ag['kind']['kappa']:.3f}.", "",
           "## Doubtful items", "", f"- flagged doubtful by pass A: {doubt_a}; by pass B: {doubt_b};",
           f"- doubtful after adjudication (non-empty `doubt`): {sum(bool(ln['doubt']) for ln in lines)}.", "",
           "| doubt category | pages |", "|---|---|"]
    md += [f"| {c} | {n} |" for c, n in sorted(cats.items(), key=lambda kv: -kv[1])]
    md += ["", "## Final labels and splits", "", "| split | pages | groups | rakor | apel_gelar_pasukan | simulasi_sispam_kota | none | hard negatives |",
           "|---|---|---|---|---|---|---|---|"]
    for s in ("train", "dev", "test"):
        part = [ln for ln in lines if ln["split"] == s]
        cnt = Counter(lab for ln in part for lab in ln["labels"])
        md.append(f"| {s} | {splits[s]} | {len({ln['group'] for ln in part})} | " + " | ".join(str(cnt[lab]) for lab in EVENT_LABELS)
                  + f" | {sum(not ln['labels'] for ln in part)} | {sum(ln['kind'] == 'hard_negative' for ln in part)} |")
    return "\n".join(md) + "\n"


def write_build(data_dir: Path, lines: list[dict], md: str) -> None:
    write_text_atomic(Path(data_dir) / ANNOTATIONS, "".join(json.dumps(ln, ensure_ascii=False) + "\n" for ln in lines))
    write_text_atomic(Path(data_dir) / "real" / "AGREEMENT.md", md)
