"""Train the speaker linker and write it into a checkpoint folder.

    python -m warta_training.speaker_linker --model model/default [--data data] [--folds 5]

Rules propose, the model decides: every quote the rules find is paired with each candidate
person (warta.quotes.linker.candidates) and labelled by whether that candidate is the gold
speaker; a logistic regression (scikit-learn) learns the pair scores from rule features only.
Choices (C, the weight of real pairs against authored ones, whether authored train is used at
all) are made by cross-validation over real train articles, among the settings that keep
authored dev speaker accuracy at least the rules'; the chosen setting is fit on all of real
train (+ authored train), real dev speaker accuracy is printed for the rules and the linker, and the coefficients are written as plain JSON (`speaker_linker.json`) atomically into
the checkpoint folder. Real test is never read. Runs in about a minute on one CPU thread, so it
can be re-run after every new default model (it reads no weights: the features are rule-only).
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from warta.atomic import write_text_atomic
from warta.quotes import extract_quotes, speaker_view
from warta.quotes.linker import FEATURES, LINKER_FILE, SpeakerLinker, candidates

from .corpus import read_jsonl
from .quote_metrics import _norm, _overlap_ok, quote_metrics
from .real import has_quotes, real_split

REPO = Path(__file__).resolve().parent.parent
C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
REAL_WEIGHTS = (1.0, 3.0, 10.0, 30.0)


@dataclass
class Item:
    """One found quote matched to a gold quote: its candidates' features and which are right."""

    x: np.ndarray  # candidates × FEATURES
    right: np.ndarray  # bool per candidate; none true when the gold speaker is not a candidate
    article: int


def carry_linker(src: Path, dst: Path) -> None:
    """Copy a checkpoint's speaker linker into a refit of it (event or sentence half redone): the
    linker reads rule features only, so it holds for the new checkpoint unchanged."""
    if (Path(src) / LINKER_FILE).is_file():
        shutil.copy2(Path(src) / LINKER_FILE, Path(dst) / LINKER_FILE)


def real_records(data: Path, split: str, real_dir: Path | None = None) -> list[dict]:
    """Real records of a split whose quotes were annotated."""
    recs, note = real_split(data, split, real_dir)
    if note:
        raise SystemExit(f"speaker_linker: {note}")
    return [r for r in recs if has_quotes(r)]


def has_real_quotes(data: Path, real_dir: Path | None = None) -> bool:
    """Whether real train pages with quote annotations can be read (the linker learns from them)."""
    recs, note = real_split(data, "train", real_dir)
    return not note and any(has_quotes(r) for r in recs)


def items(records: list[dict]) -> list[Item]:
    """The rules' quotes with their candidates, for every record (matched to gold by overlap)."""
    out = []
    for k, rec in enumerate(records):
        text = rec["text"]
        quotes = extract_quotes(text, keep_acts=True)  # speech acts match no gold quote, but shape the chain
        rules = [(q["speaker"], q["speaker_role"]) for q in quotes]
        for q, cands in zip(quotes, candidates(speaker_view(text), quotes, rules)):
            gold = next((g for g in rec["quotes"] if g["type"] == q["type"] and _overlap_ok(q, g)), None)
            if gold is None:
                continue
            x = np.array([[c.features.get(f, 0.0) for f in FEATURES] for c in cands], dtype=float)
            out.append(Item(x, np.array([_norm(c.speaker) == _norm(gold["speaker"]) for c in cands]), k))
    return out


def fit(groups: list[tuple[list[Item], float]], c: float) -> SpeakerLinker:
    """Logistic regression on the pairs of quotes that have a right candidate and a choice to make."""
    from sklearn.linear_model import LogisticRegression

    use = [(it, w) for its, w in groups for it in its if it.right.any() and len(it.right) > 1]
    x = np.vstack([it.x for it, _ in use])
    y = np.concatenate([it.right for it, _ in use]).astype(int)
    sw = np.concatenate([np.full(len(it.right), w) for it, w in use])
    clf = LogisticRegression(C=c, max_iter=5000, random_state=13).fit(x, y, sample_weight=sw)
    return SpeakerLinker(FEATURES, tuple(float(v) for v in clf.coef_[0]), float(clf.intercept_[0]))


def accuracy(its: list[Item], linker: SpeakerLinker | None) -> float:
    """Share of quotes whose chosen candidate is right; candidate 0 (the rules') without a linker or on ties."""
    if not its:
        return 0.0
    ok = 0
    for it in its:
        pick = 0 if linker is None else int(np.argmax(it.x @ np.array(linker.coef) + linker.intercept))
        ok += bool(it.right[pick])
    return ok / len(its)


def cross_validate(real: list[Item], authored: list[Item], folds: int) -> dict[tuple, float]:
    """Pooled held-out accuracy on real train articles for every (use authored, real weight, C)."""
    n_articles = max(it.article for it in real) + 1
    fold_of = np.random.default_rng(13).permutation(n_articles) % folds
    out = {}
    for use_auth, w, c in itertools.product((True, False), REAL_WEIGHTS, C_GRID):
        held = []
        for f in range(folds):
            train = [it for it in real if fold_of[it.article] != f]
            test = [it for it in real if fold_of[it.article] == f]
            linker = fit([(train, w)] + ([(authored, 1.0)] if use_auth else []), c)
            held += [(it, linker) for it in test]
        out[(use_auth, w, c)] = sum(accuracy([it], lk) for it, lk in held) / len(held)
    return out


def summary(m: dict) -> dict[str, float]:
    return {f"{t}_{k}": round(m[t][k], 4) for t in ("direct", "indirect", "all") for k in ("speaker_acc", "speaker_acc_lenient")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True, help="checkpoint folder to write speaker_linker.json into")
    ap.add_argument("--data", type=Path, default=REPO / "data")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--real-dir", type=Path, default=None, help="the real page pool (default: $WARTA_REAL_DIR or ../shared/real)")
    args = ap.parse_args(argv)
    if not args.model.is_dir():
        raise SystemExit(f"speaker_linker: {args.model} is not a folder")
    real_train = items(real_records(args.data, "train", args.real_dir))
    authored = items(read_jsonl(args.data / "train.jsonl")) if (args.data / "train.jsonl").is_file() else []
    authored_dev = items(read_jsonl(args.data / "dev.jsonl")) if (args.data / "dev.jsonl").is_file() else []
    cv = cross_validate(real_train, authored, args.folds)
    rules_cv, rules_auth = accuracy(real_train, None), accuracy(authored_dev, None)
    fitted = {key: fit([(real_train, key[1])] + ([(authored, 1.0)] if key[0] else []), key[2]) for key in cv}
    auth_acc = {key: accuracy(authored_dev, lk) for key, lk in fitted.items()}
    for (use_auth, w, c), acc in cv.items():
        print(f"  authored={use_auth!s:5} real weight {w:<3} C={c:<4} cv real train speaker acc {acc:.4f} (rules {rules_cv:.4f}), "
              f"authored dev {auth_acc[(use_auth, w, c)]:.4f} (rules {rules_auth:.4f})")
    # the best on real train folds among the settings that keep authored dev at least as good as the rules
    keep = {key: acc for key, acc in cv.items() if auth_acc[key] >= rules_auth} or cv
    (use_auth, w, c), acc = max(keep.items(), key=lambda kv: kv[1])
    linker = fitted[(use_auth, w, c)]
    dev = real_records(args.data, "dev", args.real_dir)
    rules = quote_metrics(dev, [extract_quotes(r["text"]) for r in dev])
    mine = quote_metrics(dev, [extract_quotes(r["text"], linker=linker) for r in dev])
    print(f"chosen: authored={use_auth} real weight {w} C={c} (cv real train speaker acc {acc:.4f}, rules {rules_cv:.4f})")
    for t in ("direct", "indirect", "all"):
        print(f"real dev {t:8s} speaker acc: rules {rules[t]['speaker_acc']:.4f}  linker {mine[t]['speaker_acc']:.4f}  "
              f"(lenient {rules[t]['speaker_acc_lenient']:.4f} / {mine[t]['speaker_acc_lenient']:.4f}, n={rules[t]['n_matched']})")
    meta = {"C": c, "real_weight": w, "trained_on": "real train" + (" + authored train" if use_auth else ""),
            "cv_real_train": {"rules": round(rules_cv, 4), "linker": round(acc, 4)},
            "authored_dev": {"rules": round(rules_auth, 4), "linker": round(auth_acc[(use_auth, w, c)], 4)},
            "real_dev_rules": summary(rules), "real_dev_linker": summary(mine)}
    write_text_atomic(args.model / LINKER_FILE, json.dumps(linker.to_dict(**meta), indent=1) + "\n")
    print(f"wrote {args.model / LINKER_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
