"""Training data through `datasets` (hub ids, Parquet/CSV folders) and nlp-id read from the installed package."""

import json
import sys

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from warta_training.corpus import SPLITS, load_split


def test_a_datasets_folder_gives_the_records_our_jsonl_gives(tiny_data, tmp_path):
    from warta_training.train import TrainArgs, load_corpus

    parquet, csv = tmp_path / "parquet", tmp_path / "csv"
    parquet.mkdir(), csv.mkdir()
    originals = {s: load_split(tiny_data, s) for s in SPLITS}
    originals["train"][0]["meta"]["has_quotes"] = False  # a key only some rows have (Arrow fills in nulls)
    for split, recs in originals.items():
        pq.write_table(pa.Table.from_pylist(recs), parquet / f"{split}.parquet")
        flat = [{k: json.dumps(v, ensure_ascii=False) if k in ("labels", "quotes", "meta") else v for k, v in r.items()} for r in recs]
        pacsv.write_csv(pa.Table.from_pylist(flat), csv / f"{split}.csv")
    for folder in (parquet, csv):
        for split in SPLITS:
            assert load_split(folder, split) == originals[split], (folder.name, split)
    # `warta train --data FOLDER` reads it the same way
    assert load_corpus(TrainArgs(data=str(parquet), corpus="authored"), "train") == originals["train"]


def test_a_hub_id_goes_to_datasets_with_dev_also_called_validation(monkeypatch, tiny_data):
    import datasets

    calls = []
    rows = load_split(tiny_data, "dev")

    def fake_load_dataset(name, split):
        calls.append((name, split))
        if split == "dev":
            raise ValueError('Unknown split "dev". Should be one of [\'train\', \'validation\', \'test\'].')
        return [dict(r, meta={**r["meta"], "has_quotes": None}) for r in rows]

    monkeypatch.setattr(datasets, "load_dataset", fake_load_dataset)
    assert load_split("someone/police-news", "dev") == rows
    assert calls == [("someone/police-news", "dev"), ("someone/police-news", "validation")]


def test_nlp_id_text_comes_from_the_installed_package_without_running_it():
    from warta_training.pretrain_corpus import nlp_id_sentences

    sentences = nlp_id_sentences()
    assert len(sentences) > 30000 and all(s.strip() for s in sentences[:100])
    assert "nlp_id" not in sys.modules  # located, read, never imported
