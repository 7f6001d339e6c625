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


def test_summary_tuning_stays_within_two_to_three_sentences_and_follows_dev():
    import numpy as np

    from warta_training.tuning import tune_summary

    text = "Polres Bone menggelar rakor. Rakor dihadiri KPU dan Bawaslu. Personel disiagakan di TPS. Cuaca cerah."
    three = [{"text": text, "summary": "Polres Bone menggelar rakor. Rakor dihadiri KPU dan Bawaslu. Personel disiagakan di TPS."}]
    two = [{"text": text, "summary": "Polres Bone menggelar rakor. Rakor dihadiri KPU dan Bawaslu."}]
    scores = np.array([0.9, 0.8, 0.7, 0.1])
    assert tune_summary(three, scores)["max_sentences"] == 3
    cfg = tune_summary(two, scores)
    assert cfg["max_sentences"] == 2 and cfg["min_sentences"] == 2
