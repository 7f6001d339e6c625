"""Calibration of event scores: expected calibration error and a reliability diagram.

Users threshold warta's scores themselves, so a score of 0.8 should mean "right about 8 times
in 10". sklearn's `calibration_curve` gives the bins; ECE is its bin-weighted gap.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from warta.labels import EVENT_LABELS

N_BINS = 10


def ece(y: np.ndarray, p: np.ndarray, n_bins: int = N_BINS) -> float:
    """Expected calibration error over equal-width bins: sum over bins of (share of scores) x |accuracy - confidence|."""
    y, p = np.asarray(y, dtype=float).ravel(), np.asarray(p, dtype=float).ravel()
    if not len(p):
        return 0.0
    bins = np.minimum((p * n_bins).astype(int), n_bins - 1)
    gaps = [abs(y[bins == b].mean() - p[bins == b].mean()) * (bins == b).mean() for b in range(n_bins) if (bins == b).any()]
    return round(float(sum(gaps)), 4)


def calibration(y: np.ndarray, probs: np.ndarray) -> dict:
    """ECE per label and over all (article, label) scores pooled."""
    return {"ece_all": ece(y, probs), "ece_per_label": {lab: ece(y[:, i], probs[:, i]) for i, lab in enumerate(EVENT_LABELS)},
            "n_bins": N_BINS}


def reliability_diagram(y: np.ndarray, probs: np.ndarray, title: str, path: Path) -> None:
    """reliability.png: observed frequency against mean score per bin, one line per label and pooled."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.calibration import calibration_curve

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], ls="--", color="grey", label="perfectly calibrated")
    series = [(lab, y[:, i], probs[:, i]) for i, lab in enumerate(EVENT_LABELS)] + [("all labels", y.ravel(), probs.ravel())]
    for name, yy, pp in series:
        if yy.any() and not yy.all():
            frac, mean = calibration_curve(yy, pp, n_bins=N_BINS)
            ax.plot(mean, frac, marker="o", lw=2 if name == "all labels" else 1, label=f"{name} (ECE {ece(yy, pp):.3f})")
    ax.set_xlabel("warta score (bin mean)")
    ax.set_ylabel("share of articles carrying the label")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
