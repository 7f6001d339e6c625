"""Event-classification metrics (scikit-learn underneath) and dev-set threshold tuning."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import f1_score, precision_recall_fscore_support

from warta.labels import EVENT_LABELS


def event_metrics(y_true: np.ndarray, y_pred: np.ndarray, labels=EVENT_LABELS) -> dict:
    """Per-label precision/recall/F1/support plus micro and macro F1, rounded for reports."""
    y_true = np.asarray(y_true).astype(int)
    y_pred = np.asarray(y_pred).astype(int)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, average=None, zero_division=0, labels=range(len(labels)))
    out = {
        "per_label": {lab: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4), "f1": round(float(f[i]), 4), "support": int(s[i])} for i, lab in enumerate(labels)},
        "micro_f1": round(float(f1_score(y_true, y_pred, average="micro", zero_division=0)), 4),
        "macro_f1": round(float(f1_score(y_true, y_pred, average="macro", zero_division=0)), 4),
        "exact_match": round(float((y_true == y_pred).all(axis=1).mean()), 4) if len(y_true) else 0.0,
        "n": int(len(y_true)),
    }
    return out


def tune_thresholds(y_true: np.ndarray, probs: np.ndarray, labels=EVENT_LABELS) -> dict[str, float]:
    """Per-label threshold maximising dev F1; ties go to the threshold closest to 0.5."""
    grid = np.round(np.arange(0.05, 0.96, 0.05), 2)
    out = {}
    for i, lab in enumerate(labels):
        scores = [(f1_score(y_true[:, i], probs[:, i] >= t, zero_division=0), -abs(t - 0.5), t) for t in grid]
        out[lab] = float(max(scores)[2])
    return out


def cooccurrence(y_true: np.ndarray, y_pred: np.ndarray, labels=EVENT_LABELS) -> tuple[list[str], np.ndarray]:
    """Matrix of gold label (rows, plus 'none') against predicted label (columns, plus 'none')."""
    names = [*labels, "none"]
    y_true, y_pred = np.asarray(y_true).astype(bool), np.asarray(y_pred).astype(bool)
    gold = np.concatenate([y_true, ~y_true.any(axis=1, keepdims=True)], axis=1)
    pred = np.concatenate([y_pred, ~y_pred.any(axis=1, keepdims=True)], axis=1)
    return names, gold.T.astype(int) @ pred.astype(int)
