"""The committed corpus: valid, consistent with its authored sources, and as large as promised."""

from collections import Counter
from pathlib import Path

from warta_training.corpus import SPLITS, build, load_split, split_of
from warta_training.validate import validate_dir

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


def test_split_is_stable_and_group_level():
    assert split_of("h1-g01") == split_of("h1-g01")
    assert Counter(split_of(f"g{i}") for i in range(10000))["train"] in range(6800, 7200)


def test_committed_jsonl_matches_authored_sources(tmp_path):
    build(DATA / "authored", tmp_path)
    for s in SPLITS:
        assert (tmp_path / f"{s}.jsonl").read_text(encoding="utf-8") == (DATA / f"{s}.jsonl").read_text(encoding="utf-8"), s


def test_validator_passes_on_data():
    problems, n = validate_dir(DATA)
    assert problems == [], "\n".join(map(str, problems[:20]))
    assert n >= 600


def test_corpus_counts_hold():
    recs = [r for s in SPLITS for r in load_split(DATA, s)]
    labels = Counter(lab for r in recs for lab in r["labels"])
    kinds = Counter(r["meta"]["kind"] for r in recs)
    quotes = Counter(q["type"] for r in recs for q in r["quotes"])
    assert all(labels[lab] >= 120 for lab in ("rakor", "apel_gelar_pasukan", "simulasi_sispam_kota")), labels
    assert sum(len(r["labels"]) >= 2 for r in recs) >= 30
    assert kinds["hard_negative"] + kinds["negative"] >= 240 and kinds["hard_negative"] >= 100, kinds
    assert quotes["direct"] >= 1500 and quotes["indirect"] >= 300, quotes
    assert all(q["speaker"] for r in recs for q in r["quotes"])


def test_stats_file_is_current():
    from warta_training.stats import corpus_stats

    assert (DATA / "STATS.md").read_text(encoding="utf-8") == corpus_stats(DATA) + "\n"
