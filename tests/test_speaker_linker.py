"""The people table and the learned speaker linker (warta.quotes.people / warta.quotes.linker).

All texts are written for these tests; none come from the real page pool.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.quotes import LinkerError, SpeakerLinker, extract_quotes, load_linker
from warta.quotes.linker import FEATURES, LINKER_FILE, candidates, mention_kind
from warta.quotes.people import people_table

ARTICLE = (
    "Kapolres Bone AKBP Budi Santoso memimpin apel di Lapangan Merdeka.\n"
    "Kapolres mengatakan, seluruh personel siap mengamankan TPS.\n"
    "Ketua KPU Bone, Hj. Sri Wahyuni, juga hadir.\n"
    "“Logistik pemilu sudah kami distribusikan,” kata Sri.\n"
    "Kapolsek Tanete turut mendampingi.\n"
)

# A misspelt short name at the cue, one letter off: "Rocke" for "Royke".
MISSPELT = (
    "Kakorlantas Polri Irjen Royke Lumowa memimpin rapat di Jakarta.\n"
    "“Arus mudik tahun ini kami kawal bersama,” kata Rocke.\n"
)
# Two letters off: the rules cannot match "Roikee" to "Royke" and give "Roikee".
GARBLED = MISSPELT.replace("Rocke", "Roikee")


def _write(folder: Path, payload: object) -> Path:
    (folder / LINKER_FILE).write_text(payload if isinstance(payload, str) else json.dumps(payload), encoding="utf-8")
    return folder


def _linker(**weights: float) -> SpeakerLinker:
    return SpeakerLinker(FEATURES, tuple(weights.get(f, 0.0) for f in FEATURES), 0.0)


# --- people table ---------------------------------------------------------------------------


def test_people_table_lists_named_people_title_mentions_and_unnamed_holders():
    people = {p.full: p for p in people_table(ARTICLE)}
    budi = people["AKBP Budi Santoso"]
    assert budi.named and budi.role == "Kapolres Bone"
    kinds = [(ARTICLE[m.start : m.end], m.kind) for m in budi.mentions]
    assert kinds[0] == ("Budi Santoso", "name")
    assert ("Kapolres", "title") in kinds  # "Kapolres mengatakan" is a title-only mention of Budi
    sri = people["Hj. Sri Wahyuni"]
    assert [ARTICLE[m.start : m.end] for m in sri.mentions if m.kind == "name"] == ["Sri Wahyuni", "Sri"]
    tanete = people["Kapolsek Tanete"]
    assert not tanete.named and tanete.mentions[0].kind == "title"


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # the word after "Kabupaten" is a place, not the start of the name
        ("Ketua KPU Kabupaten Sleman Andi Saputra membuka rapat.\n“Rekapitulasi selesai,” ujarnya.\n", "Andi Saputra", "Sleman Andi Saputra"),
        # the title with the holder's surname is a title mention of him, not a person of its own
        ("Irjen Pol Raja Santosa memimpin rapat di Kupang.\nMenurut Kapolda Santosa, situasi aman.\n", "Irjen Pol Raja Santosa", "Kapolda Santosa"),
        # "Sekretaris Jenderal (Sekjen)" is a title, so the name is the officer after the comma
        ("Plt. Sekretaris Jenderal (Sekjen) Kemendagri, Komjen. Pol. Arif Setiawan, membuka rapat.\n“Harga harus stabil,” ujarnya.\n",
         "Komjen. Pol. Arif Setiawan", "Jenderal (Sekjen) Kemendagri"),
        # a field in a title listing several is not a person in apposition
        ("Koordinator Divisi Penanganan Pelanggaran, Data, dan Informasi Bawaslu Rudi Hartono hadir.\n“Laporan kami terima,” ujarnya.\n",
         "Rudi Hartono", "Data"),
        # a rank written in title case is still a rank
        ("Kapolsek Entikong Akp O.Sitompul mengatakan warga tenang.\n", "Akp O.Sitompul", "Entikong Akp"),
    ],
)
def test_people_table_reads_titles_as_real_pages_write_them(text, present, absent):
    fulls = [p.full for p in people_table(text)]
    assert present in fulls and absent not in fulls


def test_people_table_is_in_order_of_first_mention():
    starts = [p.mentions[0].start for p in people_table(ARTICLE)]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    "mention, kind",
    [(None, "none"), ("nya", "pronoun"), ("Ia", "pronoun"), ("Kapolres Bone", "title"), ("Bawaslu", "org"), ("Sri", "name")],
)
def test_mention_kind(mention, kind):
    m = None if mention is None else {"start": 0, "end": len(mention), "text": mention}
    assert mention_kind("", m) == kind


# --- candidates and decisions ----------------------------------------------------------------


def test_candidates_put_the_rules_answer_first_then_everyone_else():
    quotes = extract_quotes(ARTICLE)
    direct = next(i for i, q in enumerate(quotes) if q["type"] == "direct")
    cands = candidates(ARTICLE, quotes, [(q["speaker"], q["speaker_role"]) for q in quotes])[direct]
    assert cands[0].speaker == "Hj. Sri Wahyuni" and cands[0].features["rules_choice"] == 1.0
    assert cands[0].features["cue_mention"] == 1.0  # "kata Sri" is one of her mentions
    assert {c.speaker for c in cands[1:]} == {"AKBP Budi Santoso", "Kapolsek Tanete"}
    assert all(c.features["rules_choice"] == 0.0 for c in cands[1:])


def test_linker_that_trusts_the_rules_changes_nothing():
    assert extract_quotes(ARTICLE, linker=_linker(rules_choice=5.0)) == extract_quotes(ARTICLE)


def test_misspelt_name_resolves_to_the_named_person():
    # "Rocke" for Royke, one letter apart: the rules match it to the person table (people._match_entity)
    quotes = extract_quotes(MISSPELT)
    assert (quotes[0]["speaker"], quotes[0]["speaker_role"]) == ("Irjen Royke Lumowa", "Kakorlantas Polri")
    royke = candidates(MISSPELT, quotes, [(q["speaker"], q["speaker_role"]) for q in quotes])[0][0]
    assert royke.speaker == "Irjen Royke Lumowa" and royke.features["mention_overlap"] == 1.0
    assert royke.features["rules_choice"] == 1.0 and royke.features["has_rank"] == 1.0


def test_linker_fixes_a_garbled_name_the_rules_get_wrong():
    quotes = extract_quotes(GARBLED)
    assert quotes[0]["speaker"] == "Roikee"  # the rules' mistake
    rules, royke = candidates(GARBLED, quotes, [(q["speaker"], q["speaker_role"]) for q in quotes])[0]
    assert royke.speaker == "Irjen Royke Lumowa" and rules.features["not_in_table"] == 1.0
    q = extract_quotes(GARBLED, linker=_linker(rules_choice=1.0, **{"name*has_rank": 1.5}))[0]
    assert (q["speaker"], q["speaker_role"]) == ("Irjen Royke Lumowa", "Kakorlantas Polri")


def test_default_linker_loads_and_keeps_authored_style_attribution():
    linker = load_linker(Path(__file__).resolve().parents[1] / "model" / "default")
    assert linker is not None and set(linker.features) <= set(FEATURES)
    assert extract_quotes(ARTICLE, linker=linker)[-1]["speaker"] == "Hj. Sri Wahyuni"


# --- the JSON file ----------------------------------------------------------------------------


def test_missing_file_means_rules(tmp_path):
    assert load_linker(tmp_path) is None
    assert load_linker(None) is None


def test_round_trip_through_json(tmp_path):
    lk = _linker(rules_choice=1.5, cue_mention=0.25)
    assert load_linker(_write(tmp_path, lk.to_dict(C=1.0))) == lk


@pytest.mark.parametrize(
    "payload, message",
    [
        ("{not json", "unreadable"),
        ([1, 2], "JSON object"),
        ({"version": 99, "kind": "logistic", "features": ["rules_choice"], "coef": [1.0], "intercept": 0.0}, "version 99"),
        ({"version": 1, "kind": "logistic", "features": ["rules_choice"], "coef": [1.0, 2.0], "intercept": 0.0}, "same non-zero length"),
        ({"version": 1, "kind": "logistic", "features": ["shoe_size"], "coef": [1.0], "intercept": 0.0}, "unknown features"),
        ({"version": 1, "kind": "logistic", "features": ["rules_choice"], "coef": ["1"], "intercept": 0.0}, "finite numbers"),
        ({"version": 1, "kind": "logistic", "features": ["rules_choice"], "coef": [1.0], "intercept": float("nan")}, "finite numbers"),
    ],
)
def test_bad_file_is_a_clear_error(tmp_path, payload, message):
    _write(tmp_path, payload)
    with pytest.raises(LinkerError, match=message) as err:
        load_linker(tmp_path)
    assert LINKER_FILE in str(err.value)


# --- evaluation -----------------------------------------------------------------------------


def test_evaluation_reports_rules_plus_linker_beside_rules_and_baseline():
    from warta_training.evaluate import evaluate_quotes, evaluate_speaker_errors, speaker_error_lines

    gold = extract_quotes(GARBLED)
    gold[0]["speaker"] = "Irjen Royke Lumowa"
    rec = {"id": "t1", "text": GARBLED, "quotes": gold, "meta": {}}
    preds = [{"quotes": extract_quotes(GARBLED)}]
    linker = _linker(rules_choice=1.0, **{"name*has_rank": 1.5})
    res = evaluate_quotes([rec], preds, linker)
    assert list(res) == ["warta", "rules+linker", "rules", "baseline"]
    assert res["rules"]["direct"]["speaker_acc"] == 0.0 and res["rules+linker"]["direct"]["speaker_acc"] == 1.0
    errors = evaluate_speaker_errors([rec], preds, linker)
    assert errors["rules"] == {"name": {"n": 1, "wrong": 1}} and errors["rules+linker"] == {"name": {"n": 1, "wrong": 0}}
    assert "| rules+linker | 0/1 |" in speaker_error_lines(errors)


# --- inference ------------------------------------------------------------------------------


def test_predictor_uses_the_checkpoints_linker_and_refuses_a_broken_one(tiny_model, tmp_path):
    import shutil

    from warta.modeling import ModelLoadError
    from warta.predictor import Predictor

    folder = tmp_path / "m"
    shutil.copytree(tiny_model, folder)
    assert Predictor.load(folder).speaker_linker is None  # no file: the rules decide
    shutil.copy(Path(__file__).resolve().parents[1] / "model" / "default" / LINKER_FILE, folder / LINKER_FILE)
    p = Predictor.load(folder)
    assert p.speaker_linker is not None and p.encoder_only().speaker_linker is p.speaker_linker
    assert p.predict([ARTICLE])[0]["quotes"] == extract_quotes(ARTICLE, linker=load_linker(folder))
    (folder / LINKER_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelLoadError, match="speaker linker"):
        Predictor.load(folder)


def test_training_without_real_quotes_says_the_rules_decide(tiny_model, tiny_data, tmp_path, capsys):
    from warta_training.speaker_linker import has_real_quotes
    from warta_training.train import TrainArgs, fit_speaker_linker

    assert not has_real_quotes(tiny_data, tmp_path / "no-pool")
    args = TrainArgs(data=str(tiny_data), out=str(tiny_model), real_dir=str(tmp_path / "no-pool"))
    fit_speaker_linker(args)
    assert "quote rules choose speakers" in capsys.readouterr().err
    assert not (tiny_model / LINKER_FILE).exists()


# --- the people table on real-news habits (sentences written for these tests) ----------------


def _speakers(text: str) -> list[str]:
    return [q["speaker"] for q in extract_quotes(text)]


def test_contested_office_is_no_speaker():
    text = (
        "Kapolres Barito AKBP Agung Santoso memimpin apel kebangsaan, Sabtu.\n"
        "“Apel ini memupuk persatuan,” kata Kapolres Barito, AKBP Agung Santoso.\n"
        "Saat ini daerah itu menghadapi Pilkada Gubernur dan Wakil Gubernur Kalimantan Tengah.\n"
        "“Kami turunkan 280 personel,” ucapnya.\n"
    )
    assert {p.full for p in people_table(text)} == {"AKBP Agung Santoso"}  # the linker's candidates


def test_one_word_in_a_list_of_places_is_no_person():
    text = (
        "Kabag Ops Polres Jayapura AKP Robert Hitam memaparkan daerah rawan.\n"
        "Ada lima daerah rawan, yakni Airu, Lereh, Nimbokrang dan Nimboran.\n"
        "“Daerah rawan kami petakan dari indeks kriminal,” ujarnya.\n"
    )
    assert {p.full for p in people_table(text)} == {"AKP Robert Hitam"}
    assert _speakers(text) == ["AKP Robert Hitam"]


def test_name_with_title_after_a_speech_verb_is_a_person():
    text = (
        "Rapat kerja itu, kata Ruhermansyah Ketua Bawaslu Kalbar, membahas kerawanan.\n"
        "Rakor dihadiri Pangdam dan Danrem.\n"
        "“Kalbar masuk urutan ketiga,” paparnya.\n"
    )
    assert any(p.full == "Ruhermansyah" and p.role == "Ketua Bawaslu Kalbar" for p in people_table(text))


def test_unit_inside_a_title_is_no_person():
    text = (
        "Apel dipimpin Kanit Laka Lantas Polres Sinjai, Iptu Mukramin.\n"
        "Kanit Laka Lantas ini berharap warga tertib.\n"
        "“Semua harus patuh,” ujarnya.\n"
    )
    assert "Laka Lantas" not in {p.full for p in people_table(text)}
    assert _speakers(text) == ["Iptu Mukramin", "Iptu Mukramin"]  # "Kanit … ini berharap …" is his indirect speech


def test_speech_read_out_by_a_deputy_is_the_authors():
    text = (
        "Kapolda Sulut Irjen Pol Sigit Hardjanto dalam sambutan yang dibacakan Wakapolda Brigjen Pol Karyo mengatakan "
        "masalah mudik berulang setiap tahun.\n"
    )
    assert _speakers(text) == ["Irjen Pol Sigit Hardjanto"]
    deputy = "Dandim 1408 Letkol Inf Budi Raharjo yang diwakili Pasi Ops Kapten Inf Ahmad Yani mengatakan personel siap.\n"
    assert _speakers(deputy) == ["Kapten Inf Ahmad Yani"]


def test_last_named_speaker_is_a_feature_of_later_pronoun_quotes():
    text = (
        "“Pengamanan siap,” kata Kapolres Bone AKBP Budi Santoso.\n"
        "Apel dihadiri Ketua KPU Bone, Hj. Sri Wahyuni, dan Dandim.\n"
        "“Personel kami tambah,” ujarnya.\n"
    )
    quotes = extract_quotes(text)
    cands = candidates(text, quotes, [(q["speaker"], q["speaker_role"]) for q in quotes])[1]
    feats = {c.speaker: c.features for c in cands}
    assert feats["AKBP Budi Santoso"]["last_cued"] == 1.0 and feats["Hj. Sri Wahyuni"]["last_cued"] == 0.0


def test_name_keeps_its_degrees_before_a_trailing_title():
    text = "Kombes Pol Budi Hartono, SIK., MH, Kabid Humas Polda Jambi, menjelaskan bahwa patroli malam ditambah.\n"
    assert _speakers(text) == ["Kombes Pol Budi Hartono, SIK., MH"]


def test_glued_degree_does_not_end_the_sentence_before_the_cue():
    text = "Kapolresta Solo Kombes.Pol. Andi Sinaga,SIK. MSi mengatakan bahwa operasi berjalan lancar.\n"
    assert _speakers(text) == ["Kombes.Pol. Andi Sinaga,SIK. MSi"]


def test_degree_then_a_function_word_starts_a_new_sentence():
    text = (
        "Acara diawali dengan Apel Jumat Curhat yang dipimpin oleh Kapolres Batu, AKBP Oskar Rahman, S.I.K., M.T. "
        "Dalam sambutannya, Kapolres Batu menyampaikan bahwa warga boleh menyampaikan keluhan.\n"
    )
    assert _speakers(text) == ["AKBP Oskar Rahman, S.I.K., M.T."]


@pytest.mark.parametrize("epithet", ["Jenderal Bintang Dua tersebut", "jenderal bintang dua itu"])
def test_an_epithet_with_a_demonstrative_points_back_to_the_person(epithet):
    text = (
        "Kapolda Kaltim Irjen Pol Priyo Santoso meninjau pos pengamanan.\n\n"
        f"“Polri harus melaksanakan pengamanan secara maksimal,” ucap {epithet}.\n"
    )
    assert {p.full for p in people_table(text)} == {"Irjen Pol Priyo Santoso"}
    assert _speakers(text) == ["Irjen Pol Priyo Santoso"]


def test_hard_wrapped_page_reads_a_title_across_the_line_break():
    text = ("Apel digelar di halaman markas dan diikuti\npersonel gabungan dari berbagai\nsatuan yang akan bertugas\n"
            "selama tahapan pemilu di seluruh\nwilayah hukum kabupaten\nitu.\n"
            "“Kami siap mengamankan seluruh tahapan,” kata Kapolres\nBlora AKBP Budi Susanto.\n")
    quotes = extract_quotes(text)
    assert [(q["speaker"], q["speaker_role"]) for q in quotes] == [("AKBP Budi Susanto", "Kapolres Blora")]
    assert "\n" in quotes[0]["speaker_mention"]["text"]  # strings are the page's own, offsets unchanged
    unwrapped = text.replace("\npersonel", " personel").replace("\nsatuan", " satuan").replace("\nselama", " selama").replace("\nitu", " itu")
    assert extract_quotes(unwrapped)[0]["speaker"] != "AKBP Budi Susanto"  # one break: could be a heading, kept


def test_acting_title_abbreviation_does_not_end_the_mention():
    text = ("Rapat dipimpin Sekretaris Jenderal (Sekjen) Kemendagri, Komjen. Pol. Arif Setiawan.\n"
            "“Harga harus stabil,” terang Plt. Sekretaris Jenderal (Sekjen) Kemendagri, Komjen. Pol. Arif Setiawan.\n")
    assert _speakers(text) == ["Komjen. Pol. Arif Setiawan"]


def test_menurut_mention_stops_at_the_name_phrase():
    text = "Kapolri Jenderal Polisi Timur Santoso membuka rapat.\nMenurut Kapolri dari sisi keamanan, situasi sudah kondusif.\n"
    quotes = extract_quotes(text)
    assert [q["speaker_mention"]["text"] for q in quotes] == ["Kapolri"]
    assert _speakers(text) == ["Jenderal Polisi Timur Santoso"]


def test_unit_words_belong_to_the_title_not_to_a_name():
    text = ("Kasat Reserse Kriminal, Polres Sintang AKP Dedi Santoso mengatakan, tim sudah turun ke lokasi.\n"
            "Namun lanjut Kasat, di lokasi tidak ditemukan pekerja tambang.\n")
    assert "Reserse Kriminal" not in {p.full for p in people_table(text)}
    assert _speakers(text) == ["AKP Dedi Santoso", "AKP Dedi Santoso"]


def test_title_listing_fields_at_the_cue_reaches_the_name():
    text = ("“Upacara diikuti peserta terbatas,” ujar Kepala Seksi Bina Ideologi, Wawasan Kebangsaan, dan Karakter "
            "Bangsa Kesbangpol Anto Wibowo saat dikonfirmasi.\n“Kami batasi undangan,” kata Anto.\n")
    assert _speakers(text) == ["Anto Wibowo", "Anto Wibowo"]


def test_spelled_out_title_with_its_short_form_links_the_short_title():
    text = ("Kepala Kepolisian Republik Indonesia (Kapolri) Jenderal Pol Budi Hartono memimpin apel di Monas.\n"
            "Kapolri menuturkan bahwa apel ini untuk mengecek kesiapan personel.\n")
    assert _speakers(text) == ["Jenderal Pol Budi Hartono"]
    text = text.replace(" (Kapolri)", "")
    assert _speakers(text) == ["Jenderal Pol Budi Hartono"]


def test_ranked_nickname_is_the_person_named_in_full_before():
    text = ("Kapolres Sorong AKBP Bonifasius Cahyandaru memimpin apel pengamanan.\n"
            "“Personel siap di setiap TPS,” kata AKBP Ndaru.\n")
    assert [p.full for p in people_table(text)] == ["AKBP Bonifasius Cahyandaru"]
    assert _speakers(text) == ["AKBP Bonifasius Cahyandaru"]


def test_inserted_cue_mention_stops_at_the_name():
    text = ("Kabid Humas Polda Papua Kombes Ahmad Sudarmo memantau jalan.\n"
            "Dua warga terluka, kata Kombes Sudarmo seraya mengatakan, situasi kawasan itu kembali normal.\n")
    quotes = extract_quotes(text)
    assert [q["speaker_mention"]["text"] for q in quotes] == ["Kombes Sudarmo"]
    assert _speakers(text) == ["Kombes Ahmad Sudarmo"]


def test_former_title_with_a_demonstrative_points_back_to_the_person():
    text = ("Kapolda Sulsel Irjen Pol Andi Wirawan meninjau pos pengamanan di bandara.\n"
            "“Ini untuk rasa aman warga,” papar mantan Direktur Reskrimum Polda Jambi ini.\n"
            "Mantan Direktur Resnarkoba Polda Riau ini juga mengharapkan personel tetap waspada selama bertugas.\n")
    assert {p.full for p in people_table(text)} == {"Irjen Pol Andi Wirawan"}
    assert _speakers(text) == ["Irjen Pol Andi Wirawan", "Irjen Pol Andi Wirawan"]


def test_acting_as_title_at_the_cue_reaches_the_name():
    text = ("Sterilisasi gereja dimulai pukul enam pagi.\n“Lokasi gereja kami sterilkan menyeluruh,” kata Kasubagwatpers "
            "Polres Sanggau selaku Padal Pengamanan Iptu Sukardi.\n")
    assert _speakers(text) == ["Iptu Sukardi"]


def test_addressee_is_not_the_next_speaker():
    text = ("Camat Kerinci, Faisal S.STP, membuka rapat.\n"
            "Kepada Lurah dan Kades mantan Kabag Protokoler ini mengajak, agar warga menjaga wilayahnya masing-masing.\n")
    assert _speakers(text) == ["Faisal S.STP"]


def test_title_written_lower_case_is_the_title_holder():
    text = ("Kapolres Sampang AKBP Budi Wardana meninjau TPS.\n"
            "Menurut kapolres, TPS rawan itu terbagi menjadi dua kategori.\n")
    assert _speakers(text) == ["AKBP Budi Wardana"]


def test_name_with_its_title_after_an_inserted_cue_is_the_name():
    text = ("Rapat dibuka oleh Ketua Bawaslu Kalbar Ruhermansyah.\n"
            "Peran Bawaslu kata Ruhermansyah Ketua Bawaslu Kalbar, adalah bersinergi dengan pihak keamanan.\n")
    assert _speakers(text) == ["Ruhermansyah"]


def test_addressee_between_the_cue_and_the_request_is_not_the_speaker():
    text = ("Kapolsek Pangkalan Kompol Mahendra Lubis mengucapkan terima kasih atas kehadiran para undangan.\n"
            "Ia mengajak, para Lurah Kades agar memetakan kerawanan di daerahnya masing-masing.\n")
    assert _speakers(text) == ["Kompol Mahendra Lubis"]


@pytest.mark.parametrize(("text", "speaker"), [
    # a spelled-out rank without "Polisi"
    ("Kapolres Depok Ajun Komisaris Besar Didik Sugiarto memimpin razia.\n“Kami amankan 40 orang,” kata Didik.\n",
     "Ajun Komisaris Besar Didik Sugiarto"),
    # deputy titles
    ("Apel dibuka oleh Wadirlantas Polda Sultra AKBP Alan Gerrit Abast.\nWadirlantas mengatakan operasi berlangsung dua pekan.\n",
     "AKBP Alan Gerrit Abast"),
    # a sentence end that lost its space after the name
    ("Dirlantas Polda Metro Jaya Kombes Budiyanto Santoso memimpin operasi.\n"
     "“Pelanggar kami tindak,” kata Budiyanto.Selama operasi, petugas berjaga di 20 titik.\n", "Kombes Budiyanto Santoso"),
    # the one standing in for someone speaks
    ("Waka Polda Sumut, Brigjen Agus Wirawan, mewakili Kapolda Sumut, Irjen Pol Rycko Dahniel mengatakan, "
     "pengamanan Natal sudah siap.\n", "Brigjen Agus Wirawan"),
    # "Y melalui X menjelaskan": X, next to the verb, speaks
    ("Kapolres Blora AKBP Antonius Kuswindarto, melalui Kasat Sabhara AKP Sutarjo menegaskan, simulasi ini penting.\n",
     "AKP Sutarjo"),
    # a title listing fields joined by "dan", with its holder's name
    ("Hujan deras melanda Kabupaten Bantul.\n“Kami siaga sampai Desember,” kata Kepala Bidang Kedaruratan dan Logistik BPBD "
     "Bantul Antoni Hutagaol.\n", "Antoni Hutagaol"),
    # a capitalised word with -nya opens the sentence
    ("Kapolri Jenderal Pol Budi Hartono memimpin apel.\nDalam Amanatnya Kapolri menyampaikan bahwa personel harus netral.\n",
     "Jenderal Pol Budi Hartono"),
    # a relative clause far before the subject is not the subject's
    ("Guna menjaga situasi Kamtibmas yang kondusif, baik sebelum maupun sesudah Pilkada, Kapolres Trenggalek AKBP Jean Simanjuntak, "
     "memastikan setiap tahapan dilakukan dengan aman.\n", "AKBP Jean Simanjuntak"),
    # a unit's number inside the title
    ("Seperti dikatakan Dandim 0818 Letkol Inf Yusub Sandra, apel ini menandai kesiapan.\n“Kami siap,” kata Dandim 0818.\n",
     "Letkol Inf Yusub Sandra"),
    # the agent of a passive is not who speaks next
    ("“Personel dikirim besok,” kata Kabid Humas Polda Malut AKBP Hendri Badar.\nApel akan dipimpin langsung oleh Kapolda "
     "Maluku Utara Brigjen Pol Suroto.\n\n“Semua sudah siap,” katanya.\n", "AKBP Hendri Badar"),
    # a title listing fields with "dan" before the verb
    ("Kepala Badan Kesatuan Bangsa dan Politik Provinsi Papua Musa Isir mengatakan, situasi aman terkendali.\n", "Musa Isir"),
    # a compound title matches its spaced form
    ("Kapolres Palopo melalui Kasat Lantas Polres Palopo AKP Abdul Rahman mengatakan, razia digelar sepekan.\n"
     "“Kami tindak,” ucap Kasatlantas.\n", "AKP Abdul Rahman"),
    # an acting office written out
    ("Penjabat Gubernur Aceh Safrizal menyatakan pengamanan Natal sudah siap.\n“Kami siap,” kata Safrizal.\n", "Safrizal"),
    # words read out for someone are the author's
    ("Kapolres Sumba Timur AKBP Victor Silalahi memimpin apel.\n“Operasi ini untuk keselamatan,” kata Kapolres saat membacakan "
     "amanat Kakorlantas Polri.\n", "Kakorlantas Polri"),
    # a short form with the initials of the rest of the name
    ("Ketua Bawaslu Kota Semarang, Kokok Heru Purwoko, meninjau TPS.\nKokok HP mengatakan, pengawasan dilakukan dengan patroli.\n",
     "Kokok Heru Purwoko"),
    # a church is no person
    ("Kapolres AKBP Nasrun Pasaribu meninjau Gereja Katolik Santo Cornelius dan Gereja Kristen Jawi Wetan.\n"
     "Menurutnya, pengamanan melibatkan Brimob.\n", "AKBP Nasrun Pasaribu"),
    # "Presiden" is a title, not part of the name
    ("Presiden Jokowi meminta agar protokol kesehatan dijalankan ketat.\n“Jangan ada klaster baru,” kata Jokowi.\n", "Jokowi"),
    # the name before "selaku" speaks, whatever the office after it
    ("Ketua PPS Muhammad Fatoni selaku Panitia Pemungut Suara Desa Tanjung Anom mengatakan, logistik sudah tiba.\n",
     "Muhammad Fatoni"),
    # a Title Case phrase after a name and its degrees is no person
    ("Kapolda Sulawesi Selatan Irjen Pol Andi Rian Djajadi, S.I.K., M.H., Pimpin Apel Gelar Pasukan Operasi Mantap Praja di "
     "Lapangan Karebosi.\nDalam arahannya, Kapolda Sulsel menegaskan agar personel bersikap humanis.\n", "Irjen Pol Andi Rian Djajadi, S.I.K., M.H."),
    # a nickname in brackets is no part of the full name
    ("Salah satu Pimpinan MPR RI, Zulkifli Hasan (Zulhas) mengatakan, semua pihak harus menahan diri.\n", "Zulkifli Hasan"),
    # a passive cue opening the sentence is no part of the name
    ("Pemateri dari Satpol PP Damkar, Aziz Muhammad, memandu latihan.\nDijelaskan Aziz, ada beberapa tahapan memadamkan api.\n",
     "Aziz Muhammad"),
    # "melalui konferensi pers" is how, not who
    ("Kabid Humas Polda Malut AKBP Hendri Badar melalui Konfrensi Pers menjelaskan, personel dikirim besok.\n", "AKBP Hendri Badar"),
    # an agency credit, a glued initial, a glued next word
    ("Kapolri Jenderal Tito Karnavian/RMOL meninjau pos.\n“Kita siap,” kata Jenderal Tito.\n", "Jenderal Tito Karnavian"),
    ("“Ada tiga tanda situasi,” kata Kapolres Lamsel AKBP. M.Syarhan,SIK,MH.untuk menghadapi situasi terburuk.\n"
     "“Kami siap,” kata Syarhan.\n", "AKBP. M.Syarhan,SIK,MH"),
    # a name with a glued degree before "selaku"
    ("AKBP Bagus Oktobrianto,S.IK selaku Kapolres Pariaman menyampaikan bahwa personel siap.\n", "AKBP Bagus Oktobrianto,S.IK"),
    # a short title of a minister links the spelled-out one
    ("Menteri Perhubungan Budi Karya Sumadi meninjau tol.\nMenhub mengatakan, arus mudik tahun ini lancar.\n", "Budi Karya Sumadi"),
    # an epithet at the cue with lower-case words before the demonstrative
    ("Kapolda Jatim Irjen Pol Machfud Arifin meninjau apel.\n“Kita siap,” ucap Jenderal bintang dua tersebut.\n",
     "Irjen Pol Machfud Arifin"),
])
def test_speakers_of_the_second_quote_batch(text, speaker):
    assert set(_speakers(text)) == {speaker}


def test_a_headline_is_no_speakers_full_name():
    text = ("Rapat Pleno KPU Diwarnai Massa Demo Minta Pilkada Ulang\n\n"
            "Ratusan pendukung paslon mendatangi kantor KPU.\nMassa menuntut agar KPU menggelar Pilkada ulang.\n")
    assert _speakers(text) == ["Massa"]
