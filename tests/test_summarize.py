"""Choosing summary sentences: count, word budget, boilerplate, datelines. Strings written for the tests."""

import pytest

from warta.sentences import split_sentences
from warta.summarize import select_sentences, trim_dateline


def _sents(*texts):
    return split_sentences(" ".join(texts))


def test_select_ranks_by_score_and_returns_document_order():
    ss = _sents("Polres menggelar apel gelar pasukan di alun-alun.", "Cuaca cerah sejak pagi.", "Sebanyak 300 personel dikerahkan untuk pengamanan.")
    assert select_sentences(ss, [0.9, 0.1, 0.8], max_sentences=2, min_sentences=1, word_budget=60) == [0, 2]


def test_select_respects_the_word_budget_once_min_sentences_are_in():
    long = "Rapat koordinasi lintas sektoral membahas " + " ".join(["pengamanan"] * 40) + "."
    ss = _sents("Polres menggelar rakor lintas sektoral.", long, "Rakor dipimpin Kapolres.")
    assert select_sentences(ss, [0.9, 0.8, 0.7], max_sentences=3, min_sentences=1, word_budget=20) == [0, 2]
    assert select_sentences(ss, [0.9, 0.8, 0.7], max_sentences=3, min_sentences=2, word_budget=20) == [0, 1]


def test_select_never_takes_boilerplate():
    ss = _sents("Baca juga: Polisi Siagakan Personel di TPS.", "Polres menggelar simulasi sispamkota.")
    assert select_sentences(ss, [0.99, 0.5], max_sentences=2, min_sentences=1, word_budget=60) == [1]


def test_select_skips_a_sentence_that_repeats_the_summary():
    ss = _sents("Polres Bone menggelar apel gelar pasukan Operasi Lilin di alun-alun.",
                "Apel gelar pasukan Operasi Lilin di alun-alun dipimpin Kapolres.", "Sebanyak 300 personel dikerahkan.")
    scores = [0.9, 0.8, 0.7]
    assert select_sentences(ss, scores, max_sentences=2, min_sentences=1, word_budget=60) == [0, 1]  # blocking off
    assert select_sentences(ss, scores, max_sentences=2, min_sentences=1, word_budget=60, max_overlap=0.5) == [0, 2]
    assert select_sentences(ss, scores, max_sentences=2, min_sentences=1, word_budget=60, max_overlap=0.9) == [0, 1]


@pytest.mark.parametrize("text, kept", [
    ("Tribratanews.polri.go.id – Gorontalo. Satgas Pangan menggelar rakor.", "Satgas Pangan menggelar rakor."),
    ("SAMARINDA, KALTIMRAYA.ID – Jalan Basuki Rahmat riuh pagi itu.", "Jalan Basuki Rahmat riuh pagi itu."),
    ("JAKARTA - Irjen Pol. Karyoto memimpin apel.", "Irjen Pol. Karyoto memimpin apel."),
    ("Tribratanews.polres-lutim – Personel Sat Samapta berpatroli.", "Personel Sat Samapta berpatroli."),
    ("KPU menggelar rapat pleno terbuka.", "KPU menggelar rapat pleno terbuka."),
    ("Kapolres AKBP Malpa - yang baru dilantik - memimpin rakor.", "Kapolres AKBP Malpa - yang baru dilantik - memimpin rakor."),
])
def test_trim_dateline_keeps_offsets_true(text, kept):
    s = trim_dateline(split_sentences(text)[0])
    assert s.text == kept and text[s.start : s.end] == kept


def test_summary_tuning_follows_dev():
    import numpy as np

    from warta_training.tuning import tune_summary

    text = "Polres Bone menggelar rakor. Rakor dihadiri KPU dan Bawaslu. Personel disiagakan di TPS. Cuaca cerah."
    three = [{"text": text, "summary": "Polres Bone menggelar rakor. Rakor dihadiri KPU dan Bawaslu. Personel disiagakan di TPS."}]
    two = [{"text": text, "summary": "Polres Bone menggelar rakor. Rakor dihadiri KPU dan Bawaslu."}]
    scores = np.array([0.9, 0.8, 0.7, 0.1])
    assert tune_summary(three, scores)["max_sentences"] == 3
    cfg = tune_summary(two, scores)
    assert cfg["max_sentences"] == 2  # the first grid point reaching the best dev ROUGE-L
    picked = [{"text": text, "summary": "Polres Bone menggelar rakor."}]
    assert tune_summary(picked, scores)["max_sentences"] == 1
    tried = cfg["dev_rougeL_by_overlap"]  # every blocking threshold is reported, no blocking (1.0) first
    assert list(tried)[0] == "1.0" and len(tried) > 1 and cfg["dev_rougeL"] == max(tried.values())


def test_summary_tuning_weighs_each_source_equally():
    import numpy as np
    import pytest

    from warta_training.tuning import tune_summary

    text = "Polres Bone menggelar rakor. Rakor dihadiri KPU dan Bawaslu. Personel disiagakan di TPS. Cuaca cerah."
    one = {"text": text, "summary": "Polres Bone menggelar rakor.", "meta": {"source": "real"}}
    three = {"text": text, "summary": "Polres Bone menggelar rakor. Rakor dihadiri KPU dan Bawaslu. Personel disiagakan di TPS.",
             "meta": {"source": "indosum"}}
    scores = np.tile([0.9, 0.8, 0.7, 0.1], 4)
    cfg = tune_summary([one, three, three, three], scores)  # three IndoSum articles do not outvote the one real page
    assert set(cfg["dev_rougeL_by_source"]) == {"real", "indosum"}
    by = cfg["dev_rougeL_by_source"]
    assert cfg["dev_rougeL"] == pytest.approx((by["real"] + by["indosum"]) / 2, abs=0.01)  # per source, not per article


def test_sentence_features_say_where_a_sentence_sits_and_how_long_it_is():
    from warta.batching import N_POS, sentence_features
    from warta.sentences import split_sentences

    text = "Polres Bone menggelar rakor pengamanan pilkada di aula Mapolres, Senin.\nFoto: Humas.\nKapolres memimpin rapat. Semua siap."
    spans = [(s.start, s.end) for s in split_sentences(text)]
    feats = sentence_features(text, spans)
    assert len(feats) == len(spans) == 4 and all(len(f) == N_POS for f in feats)
    assert [f[4] for f in feats] == [1.0, 0.5, 1 / 3, 1 / 3]  # paragraph 0, 1, 2, 2
    assert [f[5] for f in feats] == [1.0, 1.0, 1.0, 0.0]  # opens its paragraph
    assert [f[7] for f in feats] == [0.0, 1.0, 1.0, 1.0]  # under 8 words


def test_summary_sentences_option_sets_the_length(tiny_model):
    import pytest

    from warta.predictor import Predictor

    text = " ".join(f"Kalimat nomor {i} tentang pengamanan pilkada di wilayah Polres Bone berjalan lancar." for i in range(8))
    for n in (1, 4):
        rec = Predictor.load(tiny_model, summary_sentences=n).predict([text])[0]
        assert len(rec["summary_sentences"]) == n
    with pytest.raises(ValueError):
        Predictor.load(tiny_model, summary_sentences=0)
