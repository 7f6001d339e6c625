"""Scale-out on Ray Data: `warta.ray.Predict` for `ray.data.Dataset.map_batches`.

    import ray
    import warta.ray

    ds = ray.data.read_json("archive/*.jsonl")                 # a `text` column, optionally `id` and others
    out = ds.map_batches(warta.ray.Predict, fn_constructor_kwargs={"model": "model/default"},
                         concurrency=4, batch_size=64)
    out.write_parquet("predictions/")

Each actor loads the model once; each batch comes back with its columns as they were plus
warta's: `labels`, `scores`, `quotes`, `summary`, `summary_sentences` and `error`. A bad row (no
text, an empty or oversized text, one the model fails on) is an error row: `error` =
{code, message} and the prediction columns null; a good row has `error` null. Rows are neither
dropped nor duplicated. The output columns have one fixed Arrow schema (below), so blocks with and
without quotes or errors concatenate and write to Parquet alike; an input column with one of these
names is replaced. Needs the `ray` extra: `pip install "warta[ray]"`.

Torch threads: each actor uses as many as the CPUs Ray gave it (`num_cpus`, 1 by default), so
N actors on N cores do not oversubscribe them; pass `threads` to choose.

This module is `warta.ray`; it imports the `ray` package itself only where Ray is needed.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
QUOTE = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("type", pa.string()),
                   ("cue", SPAN), ("speaker_mention", SPAN), ("speaker", pa.string()), ("speaker_role", pa.string())])
ERROR = pa.struct([("code", pa.string()), ("message", pa.string())])


def output_schema(labels: list[str]) -> pa.Schema:
    """The Arrow types of the columns Predict adds (scores: one float per event label)."""
    return pa.schema([
        ("labels", pa.list_(pa.string())),
        ("scores", pa.struct([(lab, pa.float64()) for lab in labels])),
        ("quotes", pa.list_(QUOTE)),
        ("summary", pa.string()),
        ("summary_sentences", pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))),
        ("error", ERROR),
    ])


def _ray_cpus() -> int | None:
    """CPUs Ray assigned to this actor, or None outside Ray."""
    try:
        import ray

        if not ray.is_initialized():
            return None
        cpus = ray.get_runtime_context().get_assigned_resources().get("CPU")
    except Exception:  # noqa: BLE001 - not in a Ray worker
        return None
    return max(1, int(cpus)) if cpus else None


def _as_table(batch) -> pa.Table:
    if isinstance(batch, pa.Table):
        return batch
    if isinstance(batch, dict):
        return pa.table({k: (v.tolist() if isinstance(v, np.ndarray) and v.dtype == object else v) for k, v in batch.items()})
    import pandas as pd

    if isinstance(batch, pd.DataFrame):
        return pa.Table.from_pandas(batch, preserve_index=False)
    raise TypeError(f"warta.ray.Predict takes a pyarrow, pandas or numpy-dict batch, not {type(batch).__name__}")


class Predict:
    """A callable class for `Dataset.map_batches`: a batch with `text` in, the batch with warta's fields out."""

    def __init__(self, model: str | None = None, text_key: str = "text", quantize: bool = True,
                 threads: int | None = None, batch_size: int = 8):
        import torch

        from .predictor import Predictor

        threads = threads or _ray_cpus()
        if threads:
            torch.set_num_threads(threads)
        self.text_key = text_key
        self.predictor = Predictor.load(model, batch_size=batch_size, quantize=quantize)
        self.schema = output_schema(self.predictor.labels)

    def records(self, texts: list) -> list[dict]:
        """One warta record per text, an {"error"} record for a text that cannot be predicted."""
        out: list[dict | None] = [None] * len(texts)
        good = []
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                out[i] = {"error": {"code": "missing_text", "message": f"no text in column {self.text_key!r} ({type(t).__name__})"}}
            elif not t.strip():
                out[i] = {"error": {"code": "empty_text", "message": "text is empty"}}
            else:
                good.append(i)
        try:
            preds = self.predictor.predict([texts[i] for i in good])
        except Exception:  # noqa: BLE001 - one bad row costs only itself
            preds = [self._one(texts[i]) for i in good]
        for i, rec in zip(good, preds):
            out[i] = rec
        return out

    def _one(self, text: str) -> dict:
        try:
            return self.predictor.predict([text])[0]
        except Exception as e:  # noqa: BLE001
            return {"error": {"code": "model_error", "message": f"{type(e).__name__}: {e}"}}

    def __call__(self, batch):
        table = _as_table(batch)
        texts = table.column(self.text_key).to_pylist() if self.text_key in table.column_names else [None] * table.num_rows
        records = self.records(texts)
        for field in self.schema:
            values = [None if "error" in r and field.name != "error" else r.get(field.name) for r in records]
            column = pa.array(values, type=field.type)
            if field.name in table.column_names:
                table = table.set_column(table.column_names.index(field.name), field, column)
            else:
                table = table.append_column(field, column)
        return table
