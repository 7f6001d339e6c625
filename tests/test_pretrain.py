from transformers import AutoModel, AutoTokenizer

from warta_training.pretrain_corpus import detokenize
from warta_training.tokenizer import make_tokenizer, train_sentencepiece

SAMPLE = "“Kami siap,” ujar AKBP Malpa Malacoppo, S.I.K., Senin (12/8/2024). Ada 2.162 personel ‘Mantap Praja’ di Kendari."


def test_detokenize_glues_clitics_and_punctuation():
    pairs = [("Kapolres", "NNP"), ("mengatakan", "VB"), ("ada", "VB"), ("nya", "DT"), ("(", "SYM"), ("TPS", "NNP"), (")", "SYM"),
             ('"', "SYM"), ("siap", "JJ"), ('"', "SYM"), (",", "SYM"), ("kata", "VB"), ("nya", "PR"), (".", "SYM")]
    assert detokenize(pairs) == 'Kapolres mengatakan adanya (TPS) "siap", katanya.'


def test_tokenizer_round_trip_quotes_dates_ranks():
    lines = [SAMPLE, "Rakor lintas sektoral digelar di Mapolres Tana Toraja.", "Kapolresta Kendari Kombes Pol Aris hadir."] * 50
    tok = make_tokenizer(train_sentencepiece(lines, 120, lowercase=False), lowercase=False)
    ids = tok(SAMPLE)["input_ids"]
    assert ids[0] == tok.cls_token_id and ids[-1] == tok.sep_token_id
    assert tok.decode(ids, skip_special_tokens=True) == SAMPLE
    enc = tok(SAMPLE, add_special_tokens=False, return_offsets_mapping=True)
    assert all(0 <= a <= b <= len(SAMPLE) for a, b in enc["offset_mapping"])


def test_pretrained_encoder_loads_offline_with_auto_classes(tiny_encoder):
    import json

    tok = AutoTokenizer.from_pretrained(str(tiny_encoder))
    enc = AutoModel.from_pretrained(str(tiny_encoder))
    out = enc(**tok([SAMPLE], return_tensors="pt"))
    assert out.last_hidden_state.shape[-1] == 32
    metrics = json.loads((tiny_encoder / "pretrain_metrics.json").read_text())
    assert metrics["heldout_mlm_loss"] < metrics["heldout_mlm_loss_init"]
