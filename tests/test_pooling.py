"""Event pooling: per-sentence scores maxed per article, and document pooling kept for older checkpoints."""

import json

import pytest
import torch

from warta.batching import encode, make_batch
from warta.modeling import CONFIG_FILE, NO_EVIDENCE, WartaModel, load_checkpoint, load_encoder, mean_max
from warta.sentences import split_sentences

TEXTS = [
    "Polres Bone menggelar rakor lintas sektoral di aula Mapolres. Kapolres memimpin rapat itu.",
    "Patroli malam berjalan aman. Warga diminta menjaga lingkungan. Tidak ada kejadian menonjol.",
    "Apel gelar pasukan Operasi Mantap Praja digelar di lapangan. Personel gabungan hadir.",
]


def _batch(tok, texts):
    docs = [encode(tok, t, [(s.start, s.end) for s in split_sentences(t)]) for t in texts]
    return make_batch(docs, tok.cls_token_id, tok.sep_token_id, tok.pad_token_id, 32, 24)


@pytest.fixture(scope="module")
def encoder(tiny_encoder):
    return load_encoder(str(tiny_encoder))


@pytest.mark.parametrize("pooling", ["sentences", "document"])
def test_an_articles_event_score_does_not_depend_on_its_batch_mates(encoder, pooling):
    enc, tok = encoder
    torch.manual_seed(0)
    model = WartaModel(enc, 3, event_pooling=pooling).eval()
    with torch.no_grad():
        together = model(_batch(tok, TEXTS))["event_logits"]
        alone = torch.cat([model(_batch(tok, [t]))["event_logits"] for t in TEXTS])
    assert together.shape == (3, 3)
    torch.testing.assert_close(together, alone, atol=1e-4, rtol=1e-4)


def test_sentence_pooling_takes_the_best_sentence(encoder):
    enc, tok = encoder
    torch.manual_seed(0)
    model = WartaModel(enc, 3, event_pooling="sentences").eval()
    batch = _batch(tok, TEXTS[:1])
    with torch.no_grad():
        out = model(batch)["event_logits"][0]
        # the same article's sentences scored one by one, each still read in the article's windows
        states = model.token_states(batch)
        sent = model.event_head(torch.cat([mean_max(states, batch.token_sent, batch.n_sents), batch.sent_pos[:, : model.n_pos]], -1))
    assert batch.n_sents == 2
    torch.testing.assert_close(out, sent.max(0).values)


def test_article_without_sentences_has_no_event_evidence(encoder):
    enc, tok = encoder
    model = WartaModel(enc, 3, event_pooling="sentences").eval()
    docs = [encode(tok, "", []), encode(tok, TEXTS[0], [(s.start, s.end) for s in split_sentences(TEXTS[0])])]
    with torch.no_grad():
        logits = model(make_batch(docs, tok.cls_token_id, tok.sep_token_id, tok.pad_token_id, 32, 24))["event_logits"]
    assert torch.all(logits[0] == NO_EVIDENCE)
    assert torch.all(logits[1] != NO_EVIDENCE)


def test_unknown_pooling_is_refused(encoder):
    with pytest.raises(ValueError, match="event_pooling"):
        WartaModel(encoder[0], 3, event_pooling="mean")


def test_checkpoint_without_pooling_key_loads_as_document_pooling(encoder, tmp_path):
    """Checkpoints written before sentence pooling existed carry no event_pooling key."""
    enc, tok = encoder
    WartaModel(enc, 3, event_pooling="document").save(tmp_path, tok, {"labels": ["a", "b", "c"]})
    assert "event_pooling" not in json.loads((tmp_path / CONFIG_FILE).read_text())
    model, _, _ = load_checkpoint(tmp_path)
    assert model.event_pooling == "document"
