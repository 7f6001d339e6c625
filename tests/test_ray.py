"""Ray Data: 300 records, 2 of them bad, through warta.ray.Predict on a local 2-CPU Ray instance."""

import json
import threading

import pyarrow.parquet as pq
import pytest
import ray

import warta.ray
from conftest import synth_split
from warta import Predictor

N = 300
BAD = {17: "", 123: None}  # row -> text


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False,
             object_store_memory=200 * 2**20, ignore_reinit_error=True)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    yield
    ray.shutdown()


def test_every_record_comes_back_once_bad_ones_as_error_rows(local_ray, tiny_model, tmp_path):
    rows = [{"id": f"r{i:03d}", "text": BAD.get(i, r["text"]), "source": "feed"} for i, r in enumerate(synth_split(500, N))]
    archive = tmp_path / "archive"  # the README's example: JSONL in, Parquet out
    archive.mkdir()
    for k in range(3):
        (archive / f"part{k}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[k::3]), encoding="utf-8")
    ds = ray.data.read_json(str(archive))
    # two actors on half a CPU each leave a CPU for reading the files (actors holding every CPU starve the reads)
    kwargs = {"model": str(tiny_model), "quantize": False}  # float32: scores do not depend on batch-mates' int8 scales
    out = ds.map_batches(warta.ray.Predict, fn_constructor_kwargs=kwargs, concurrency=2, num_cpus=0.5, batch_size=32)
    # a watchdog rather than a hang should Ray ever starve a stage of CPUs (daemon: never blocks exit)
    done = threading.Thread(target=out.write_parquet, args=(str(tmp_path / "pred"),), daemon=True)
    done.start()
    done.join(timeout=300)
    assert not done.is_alive(), "Ray Data did not finish in 5 minutes"

    table = pq.read_table(str(tmp_path / "pred"))
    got = table.to_pylist()
    assert len(got) == N and sorted(r["id"] for r in got) == [r["id"] for r in rows]  # each once
    assert {"id", "text", "source", "labels", "scores", "quotes", "summary", "summary_sentences", "error"} == set(table.column_names)
    errors = {r["id"]: r["error"]["code"] for r in got if r["error"]}
    assert errors == {"r017": "empty_text", "r123": "missing_text"}
    assert all(r["labels"] is None and r["scores"] is None for r in got if r["error"])

    # the records Predictor gives, field by field (scores to rounding: Ray batched other articles with them)
    by_id = {r["id"]: r for r in got}
    sample = [rows[i] for i in (0, 1, 2, 3, 4, 250)]
    for row, want in zip(sample, Predictor.load(tiny_model, quantize=False).predict([r["text"] for r in sample])):
        have = by_id[row["id"]]
        assert have["labels"] == want["labels"] and have["scores"] == pytest.approx(want["scores"], abs=1e-3)
        assert have["summary"] == want["summary"] and have["summary_sentences"] == want["summary_sentences"]
        assert have["quotes"] == want["quotes"]
