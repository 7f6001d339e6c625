"""Refitting the sentence head on frozen encoder states (training/refit_sentences.py)."""

from __future__ import annotations

import torch

from warta.batching import N_POS
from warta.labels import EVENT_LABELS
from warta.modeling import WartaModel, load_encoder

TEXT = "Polres Bone menggelar rakor pengamanan pilkada.\nRakor dihadiri KPU dan Bawaslu. Personel disiagakan di TPS.\nCuaca cerah."


def test_widened_head_reads_new_features_from_zero_weight(tiny_encoder):
    from warta_training.refit_sentences import sentence_inputs, widen_head

    enc, tok = load_encoder(str(tiny_encoder))
    model = WartaModel(enc, len(EVENT_LABELS), sentence_features=8).eval()
    rows = sentence_inputs(model, tok, TEXT, 64, 48)
    hidden4 = rows.shape[1] - N_POS
    with torch.no_grad():
        before = model.sentence_head(rows[:, : hidden4 + 8])
        widen_head(model)
        after = model.sentence_head(rows)
    assert model.n_pos == N_POS and model.config.sentence_features == N_POS
    assert model.sentence_head[1].in_features == rows.shape[1]
    assert torch.allclose(before, after, atol=1e-6)  # the new inputs start at zero weight


def test_cached_inputs_are_reused(tiny_encoder, tmp_path, monkeypatch):
    import warta_training.refit_sentences as rs

    enc, tok = load_encoder(str(tiny_encoder))
    model = WartaModel(enc, len(EVENT_LABELS)).eval()
    recs = [{"id": "a", "text": TEXT}]
    cache = tmp_path / "cache.pt"
    first = rs.cached_inputs(model, tok, recs, 64, 48, cache, "x")
    monkeypatch.setattr(rs, "sentence_inputs", lambda *a: (_ for _ in ()).throw(AssertionError("recomputed")))
    again = rs.cached_inputs(model, tok, recs, 64, 48, cache, "x")
    assert torch.equal(first[0], again[0]) and first[0].shape[0] == 4
