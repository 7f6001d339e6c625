"""The n-gram half of the event classifier: same numbers as scikit-learn, saved without pickle, fused as documented."""

import json

import numpy as np
import pytest

from conftest import synth_split
from warta import Predictor
from warta.labels import EVENT_LABELS
from warta.lexical import LEXICAL_VOCAB, LEXICAL_WEIGHTS, LexicalScorer, fuse, ngrams
from warta_training.baselines import TfidfBaseline


def fitted_baseline(analyzer: str = "word") -> tuple[TfidfBaseline, list[str]]:
    train = synth_split(0, 30)
    y = np.array([[lab in r["labels"] for lab in EVENT_LABELS] for r in train], dtype=int)
    return TfidfBaseline(analyzer=analyzer).fit([r["text"] for r in train], y), [r["text"] for r in synth_split(300, 12)]


@pytest.mark.parametrize("analyzer", ["word", "char_wb"])
def test_scorer_reproduces_scikit_learn_decision_values(analyzer):
    base, texts = fitted_baseline(analyzer)
    texts += ["", "Polres menggelar RAKOR lintas sektoral, rakor rakor!", "kata-kata tanpa kosakata latih"]
    want = np.column_stack([est.decision_function(base.vec.transform(texts)) for est in base.clf.estimators_])
    assert np.allclose(base.to_scorer().logits(texts), want, atol=1e-9)


def test_ngrams_follow_scikit_learn_analyzer():
    base, _ = fitted_baseline()
    text = "Kapolres AKBP Malpa memimpin Rakor, di Aula-Mapolres (2024)."
    assert ngrams(text) == base.vec.build_analyzer()(text)


def test_char_ngrams_follow_scikit_learn_analyzer():
    from warta.lexical import char_wb_ngrams

    base, _ = fitted_baseline("char_wb")
    text = "Kapolres  AKBP Malpa\nmemimpin Rakor, di Aula-Mapolres (2024) a ke."
    assert char_wb_ngrams(text) == base.vec.build_analyzer()(text)


@pytest.mark.parametrize("analyzer", ["word", "char_wb"])
def test_scorer_round_trips_through_safetensors_and_json(tmp_path, analyzer):
    base, texts = fitted_baseline(analyzer)
    scorer = base.to_scorer()
    scorer.save(tmp_path)
    saved = json.loads((tmp_path / LEXICAL_VOCAB).read_text(encoding="utf-8"))
    assert (saved if analyzer == "word" else saved["vocab"]) == scorer.vocab
    loaded = LexicalScorer.load(tmp_path)
    assert loaded.analyzer == analyzer and np.array_equal(loaded.logits(texts), scorer.logits(texts))
    assert LexicalScorer.load(tmp_path / "nowhere") is None


def test_fuse_weights_are_the_lexical_share():
    deep, lex = np.array([[2.0, -1.0]]), np.array([[-2.0, 3.0]])
    assert np.allclose(fuse(deep, lex, 0.0), 1 / (1 + np.exp(-deep)))
    assert np.allclose(fuse(deep, lex, 1.0), 1 / (1 + np.exp(-lex)))
    assert np.allclose(fuse(deep, lex, 0.5), 1 / (1 + np.exp(-np.array([[0.0, 1.0]]))))
    assert np.allclose(fuse(deep, None, 0.5), 1 / (1 + np.exp(-deep)))


def test_checkpoint_carries_the_lexical_half_and_predictor_uses_it(tiny_model):
    assert (tiny_model / LEXICAL_WEIGHTS).is_file() and (tiny_model / LEXICAL_VOCAB).is_file()
    config = json.loads((tiny_model / "warta_config.json").read_text(encoding="utf-8"))
    w = config["lexical_weight"]
    assert 0.0 < w <= 1.0 and str(w) in config["dev_lexical_sweep"]  # chosen from the dev sweep, n-grams in use
    texts = [r["text"] for r in synth_split(400, 5)]
    fused = Predictor.load(tiny_model, quantize=False)
    deep = Predictor.load(tiny_model, quantize=False, lexical=False)
    lex = LexicalScorer.load(tiny_model).logits(texts)
    p_deep = deep.event_probs(texts).numpy()
    z_deep = np.log(p_deep / (1 - p_deep))
    assert np.allclose(fused.event_probs(texts).numpy(), fuse(z_deep, lex, w), atol=1e-5)
    assert np.allclose(fused.encoder_only().event_probs(texts).numpy(), p_deep, atol=1e-6)


def test_corrupt_lexical_file_is_a_load_error(tiny_model, tmp_path):
    import shutil

    from warta.modeling import ModelLoadError

    bad = tmp_path / "bad"
    shutil.copytree(tiny_model, bad)
    (bad / LEXICAL_WEIGHTS).write_bytes(b"not safetensors")
    with pytest.raises(ModelLoadError, match="lexical"):
        Predictor.load(bad)


def test_bad_lexical_weight_fails_before_any_training(tmp_path):
    from warta_training.train import TrainArgs, train

    with pytest.raises(ValueError, match="lexical-weight"):
        train(TrainArgs(base_model=str(tmp_path / "no-such-encoder"), out=str(tmp_path / "out"), lexical_weight=1.5), progress=False)


def test_cli_rejects_a_bad_lexical_weight_as_a_usage_error():
    from warta_training.train import parse_args

    with pytest.raises(SystemExit) as exc:
        parse_args(["--lexical-weight", "-0.1"])
    assert exc.value.code == 2


def test_windowed_scores_keep_a_lead_from_being_diluted(tmp_path):
    base, texts = fitted_baseline("char_wb")
    scorer = base.to_scorer()
    lead = texts[0]
    long_text = lead + "\n" + " ".join(["warga menanam padi di sawah desa"] * 200)
    whole = scorer.logits([lead, long_text])
    scorer.window_words = 320
    windowed = scorer.logits([lead, long_text])
    assert np.allclose(windowed[0], whole[0])  # a text within one window scores as before
    windows = scorer.windows(long_text)
    assert len(windows) > 2 and all(len(w.split()) <= 320 for w in windows)
    assert np.allclose(windowed[1], np.max([scorer.logits([w])[0] for w in windows], axis=0))
    assert (windowed[1] >= whole[1] - 1e-9).all()
    scorer.save(tmp_path)
    assert LexicalScorer.load(tmp_path).window_words == 320


def fitted_views_baseline() -> tuple[TfidfBaseline, list[str]]:
    from warta.lexical_views import default_views

    train = synth_split(0, 30)
    y = np.array([[lab in r["labels"] for lab in EVENT_LABELS] for r in train], dtype=int)
    base = TfidfBaseline(analyzer="char_wb", views=default_views()).fit([r["text"] for r in train], y)
    return base, [r["text"] for r in synth_split(300, 12)]


def test_scorer_with_views_reproduces_scikit_learn_decision_values(tmp_path):
    base, texts = fitted_views_baseline()
    texts += ["", "Cuaca cerah di pasar desa.", "Polres menggelar rakor.\nApel gelar pasukan digelar. Simulasi sispamkota!"]
    scorer = base.to_scorer()
    assert len(scorer.views) == 5 and sum(scorer.view_sizes) == len(scorer.vocab)
    assert np.allclose(scorer.logits(texts), base.decision_function(texts), atol=1e-9)
    scorer.save(tmp_path)
    loaded = LexicalScorer.load(tmp_path)
    assert loaded.views == scorer.views and np.array_equal(loaded.logits(texts), scorer.logits(texts))


def test_views_read_the_lead_and_each_events_sentences():
    from warta.lexical_views import check_view, view_text

    text = "Satu dua tiga empat.\nPolres menggelar rakor lintas sektoral. Cuaca cerah. Rapat koordinasi usai siang!"
    assert view_text(text, {"kind": "whole"}) == text
    assert view_text(text, {"kind": "lead", "words": 3}) == "Satu dua tiga"
    focus = {"kind": "focus", "name": "rakor", "pattern": r"rakor|rapat\s+koordinasi"}
    assert view_text(text, focus) == "Polres menggelar rakor lintas sektoral. Rapat koordinasi usai siang!"
    assert view_text("Tidak ada acara.", focus) == ""
    for bad in ({"kind": "title"}, {"kind": "lead", "words": 0}, {"kind": "focus"}):
        with pytest.raises(ValueError, match="unknown lexical view"):
            check_view(bad)


def test_a_view_no_training_text_uses_is_left_out_not_fatal(capsys):
    train = synth_split(0, 30)
    y = np.array([[lab in r["labels"] for lab in EVENT_LABELS] for r in train], dtype=int)
    views = [{"kind": "whole"}, {"kind": "focus", "name": "never", "pattern": "zzqxv"}]
    scorer = TfidfBaseline(analyzer="char_wb", views=views).fit([r["text"] for r in train], y).to_scorer()
    assert scorer.views == [{"kind": "whole"}] and "'never' left out" in capsys.readouterr().err


def test_views_that_disagree_with_the_vocabulary_are_refused():
    with pytest.raises(ValueError, match="views disagree"):
        LexicalScorer(["ab", "bc"], np.ones(2), np.zeros((3, 2)), np.zeros(3), "char_wb",
                      views=[{"kind": "whole"}, {"kind": "lead", "words": 5}], view_sizes=[1, 2])
