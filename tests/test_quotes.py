"""Rule-based quote extraction (warta.quotes) and its metrics (warta_training.quote_metrics).

All test strings are written for these tests; none come from the seed articles.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta_training.baselines import baseline_quotes
from warta.quotes import (
    extract_quotes,
    find_cue,
    find_direct_quotes,
    find_indirect_quotes,
    is_statement,
    resolve_speakers,
)
from warta_training.quote_metrics import quote_metrics


def spans_text(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def by_text(quotes: list[dict], prefix: str) -> dict:
    return next(q for q in quotes if q["text"].startswith(prefix))


# --- quote-mark pairing ---------------------------------------------------------------------


def test_curly_quote_drops_attribution_comma():
    t = "“Kami siap mengamankan TPS,” ujarnya."
    assert spans_text(t, find_direct_quotes(t)) == ["Kami siap mengamankan TPS"]


def test_final_period_inside_marks_stays():
    t = "Kapolres berkata, “Semua personel sudah siap.”"
    assert spans_text(t, find_direct_quotes(t)) == ["Semua personel sudah siap."]


def test_straight_quotes_alternate():
    t = '"Patroli jalan terus," kata Budi. "Warga tenang saja," tambahnya.'
    assert spans_text(t, find_direct_quotes(t)) == ["Patroli jalan terus", "Warga tenang saja"]


def test_kompas_style_same_mark_both_sides():
    t = "Ia menegaskan hal itu. ”Tidak ada ruang untuk politik uang,” tegas Rudi."
    assert spans_text(t, find_direct_quotes(t)) == ["Tidak ada ruang untuk politik uang"]


def test_multi_sentence_quote_is_one_span():
    t = "“Jalan licin. Personel harus hati-hati. Jangan ngebut,” kata Kapolsek."
    assert spans_text(t, find_direct_quotes(t)) == ["Jalan licin. Personel harus hati-hati. Jangan ngebut"]


def test_multi_paragraph_reopened_quote_is_one_span():
    t = "“Pos kami dirikan di tiga titik. Semua dijaga.\n\n“Kalau hujan, personel tetap siaga,” ujar Joni."
    spans = find_direct_quotes(t)
    assert len(spans) == 1
    s, e = spans[0]
    assert t[s:e] == "Pos kami dirikan di tiga titik. Semua dijaga.\n\n“Kalau hujan, personel tetap siaga"


def test_closed_paragraph_then_new_quote_are_two_spans():
    t = "“Pos sudah siap.”\n\n“Personel juga siap,” ujarnya."
    assert spans_text(t, find_direct_quotes(t)) == ["Pos sudah siap.", "Personel juga siap"]


def test_nested_single_quote_reported_with_outer():
    t = "“Pesan Kapolda jelas, ‘jangan ada anggota yang berpolitik’. Itu kami jalankan,” kata Iwan."
    got = spans_text(t, find_direct_quotes(t))
    assert "jangan ada anggota yang berpolitik" in got
    assert any(g.startswith("Pesan Kapolda jelas") and g.endswith("Itu kami jalankan") for g in got)
    # the system keeps a relayed message as its own quote, a local saying is dropped
    assert {q["text"] for q in extract_quotes(t)} == set(got)


def test_unclosed_mark_does_not_swallow_article():
    t = "“Kami sudah siap semua personel di lapangan\n\nRakor ditutup siang hari.\n\n“Aman,” kata Budi."
    got = spans_text(t, find_direct_quotes(t))
    assert got == ["Aman"]


def test_apostrophe_inside_word_is_not_a_mark():
    t = "“Salat Jum’at tetap kami jaga,” ujar Andi."
    assert spans_text(t, find_direct_quotes(t)) == ["Salat Jum’at tetap kami jaga"]


# --- scare quotes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bawaslu mengawasi praktik “serangan fajar” menjelang pencoblosan.",
        "Warga melaporkan pembagian “amplop” di dusun itu.",
        "Polres menggelar kegiatan “Cooling System Pilkada Damai” di alun-alun.",
        "“Pilkada Damai Tanpa Hoaks” – begitu bunyi spanduk di depan kantor KPU.",
    ],
)
def test_scare_quotes_and_titles_are_not_statements(text):
    spans = find_direct_quotes(text)
    assert spans and not any(is_statement(text, sp) for sp in spans)
    assert extract_quotes(text) == []


def test_statement_with_cue_is_kept_even_if_short():
    t = "“Siap!” seru para personel."
    (sp,) = find_direct_quotes(t)
    assert is_statement(t, sp)


# --- cues and mentions ----------------------------------------------------------------------


def cue_and_mention(text: str, span: tuple[int, int]) -> tuple[str | None, str | None]:
    c, m = find_cue(text, span, "direct")
    return (text[c[0] : c[1]] if c else None, text[m[0] : m[1]] if m else None)


def test_cue_after_with_name():
    t = "“Semua TPS kami jaga,” kata Roland kepada wartawan."
    (sp,) = find_direct_quotes(t)
    assert cue_and_mention(t, sp) == ("kata", "Roland")


def test_cue_after_with_title_and_rank():
    t = "“Personel sudah siap,” tegas Kapolres Bone AKBP Malpa Malacoppo, S.I.K., M.H. saat apel."
    (sp,) = find_direct_quotes(t)
    assert cue_and_mention(t, sp) == ("tegas", "Kapolres Bone AKBP Malpa Malacoppo, S.I.K., M.H.")


def test_nya_cue_mention_is_the_clitic():
    t = "“Kami minta warga tenang,” ungkapnya."
    (sp,) = find_direct_quotes(t)
    c, m = find_cue(t, sp, "direct")
    assert t[c[0] : c[1]] == "ungkapnya"
    assert t[m[0] : m[1]] == "nya" and m[1] == c[1]


def test_cue_before_the_quote():
    t = "Kapolres AKBP Malpa Malacoppo mengatakan, “Pengamanan dimulai besok.”"
    (sp,) = find_direct_quotes(t)
    assert cue_and_mention(t, sp) == ("mengatakan", "Kapolres AKBP Malpa Malacoppo")


def test_pronoun_cue_before_the_quote():
    t = "Ia menegaskan, “Tidak boleh ada yang memihak.”"
    (sp,) = find_direct_quotes(t)
    assert cue_and_mention(t, sp) == ("menegaskan", "Ia")


def test_menurut_before_the_quote():
    t = "Menurut Dandim, “Babinsa mendampingi setiap TPS.”"
    (sp,) = find_direct_quotes(t)
    assert cue_and_mention(t, sp) == ("Menurut", "Dandim")


def test_split_quote_shares_cue_and_speaker():
    t = "Kapolres Sleman AKBP Yayat Sudrajat memimpin apel.\n\n“Kami siap,” lanjut Yayat, “semua personel sudah dicek.”"
    qs = extract_quotes(t)
    first, second = by_text(qs, "Kami siap"), by_text(qs, "semua personel")
    assert first["cue"] == second["cue"] and first["cue"]["text"] == "lanjut"
    assert first["speaker"] == second["speaker"] == "AKBP Yayat Sudrajat"


def test_quote_without_cue_has_null_cue():
    t = "“Jalur mudik aman,” kata Roland.\n\n“Pos juga sudah berdiri.”"
    q = by_text(extract_quotes(t), "Pos juga")
    assert q["cue"] is None and q["speaker_mention"] is None


# --- speaker resolution ---------------------------------------------------------------------

ARTICLE = (
    "Rakor dipimpin Kapolres Palopo AKBP Roland Sitorus, S.I.K., M.H. di aula Mapolres.\n\n"
    "“Kita petakan titik rawan,” kata Roland.\n\n"
    "“Bhabinkamtibmas turun ke desa,” ujar Kapolres.\n\n"
    "Ia menambahkan, personel akan bergeser sejak subuh.\n\n"
    "“Jangan ada yang terlambat,” tegasnya.\n\n"
    "Ketua KPU Palopo, Hj. Nurul Hidayah, memaparkan jadwal logistik. “Kotak suara tiba Senin,” katanya.\n\n"
    "“Gudang dijaga 24 jam.”"
)


@pytest.fixture(scope="module")
def article_quotes() -> list[dict]:
    return extract_quotes(ARTICLE)


def test_short_name_resolves_to_fullest_form(article_quotes):
    q = by_text(article_quotes, "Kita petakan")
    assert q["speaker"] == "AKBP Roland Sitorus, S.I.K., M.H."
    assert q["speaker_role"] == "Kapolres Palopo"


def test_title_only_mention_resolves_to_role_holder(article_quotes):
    assert by_text(article_quotes, "Bhabinkamtibmas")["speaker"] == "AKBP Roland Sitorus, S.I.K., M.H."


def test_pronoun_and_nya_follow_previous_speaker(article_quotes):
    ind = by_text(article_quotes, "personel akan bergeser")
    assert ind["type"] == "indirect" and ind["speaker_mention"]["text"] == "Ia"
    assert ind["speaker"] == "AKBP Roland Sitorus, S.I.K., M.H."
    assert by_text(article_quotes, "Jangan ada")["speaker"] == "AKBP Roland Sitorus, S.I.K., M.H."


def test_nya_after_new_person_in_paragraph(article_quotes):
    q = by_text(article_quotes, "Kotak suara")
    assert q["speaker"] == "Hj. Nurul Hidayah" and q["speaker_role"] == "Ketua KPU Palopo"


def test_uncued_continuation_keeps_previous_speaker(article_quotes):
    assert by_text(article_quotes, "Gudang dijaga")["speaker"] == "Hj. Nurul Hidayah"


def test_unnamed_speaker_gets_fullest_description():
    t = "Pj Bupati Luwu Utara hadir dalam apel.\n\n“Saya minta semua netral,” kata Pj Bupati."
    (q,) = extract_quotes(t)
    assert q["speaker"] == "Pj Bupati Luwu Utara"


def test_resolve_speakers_accepts_plain_dicts():
    t = "Dandim 1407/Bone Letkol Inf Bayu Setiawan hadir.\n\n“Babinsa siap,” ujar Dandim."
    (sp,) = find_direct_quotes(t)
    c, m = find_cue(t, sp, "direct")
    q = {"start": sp[0], "end": sp[1], "speaker_mention": {"start": m[0], "end": m[1], "text": t[m[0] : m[1]]}}
    assert resolve_speakers(t, [q]) == [("Letkol Inf Bayu Setiawan", "Dandim 1407/Bone")]


# --- indirect quotes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "cue", "mention"),
    [
        ("Kapolres Bone mengatakan, personel gabungan sudah disiagakan di 27 kecamatan.",
         "personel gabungan sudah disiagakan di 27 kecamatan", "mengatakan", "Kapolres Bone"),
        ("Ketua KPU menyampaikan bahwa logistik tiba sebelum hari pencoblosan.",
         "logistik tiba sebelum hari pencoblosan", "menyampaikan", "Ketua KPU"),
        ("Menurut Roland, jalur alternatif sudah disiapkan sejak pekan lalu.",
         "jalur alternatif sudah disiapkan sejak pekan lalu", "Menurut", "Roland"),
        ("Ia menjelaskan, ada 41 TPS yang masuk kategori rawan.",
         "ada 41 TPS yang masuk kategori rawan", "menjelaskan", "Ia"),
        ("Dandim menegaskan agar prajurit tetap netral selama tahapan Pilkada.",
         "prajurit tetap netral selama tahapan Pilkada", "menegaskan", "Dandim"),
        # a cue set off by commas inside the reported sentence; a di- verb opening it
        ("Untuk pengamanan, lanjut Kapolres, pihaknya menyiapkan 157 personel gabungan.",
         "pihaknya menyiapkan 157 personel gabungan", "lanjut", "Kapolres"),
        ("Lanjutnya, potensi rawan paling utama ada di wilayah pesisir.",
         "potensi rawan paling utama ada di wilayah pesisir", "Lanjutnya", "nya"),
        ("Dijelaskan Adnan, sejak 2005 pemilihan di daerah itu selalu aman.",
         "sejak 2005 pemilihan di daerah itu selalu aman", "Dijelaskan", "Adnan"),
        # where and when between the speaker and the verb; an epithet with a demonstrative
        ("Kapolda NTB Irjen Pol Umar Faroq di Mataram, Jumat, mengatakan apel ini meliputi pengecekan seluruh personel.",
         "apel ini meliputi pengecekan seluruh personel", "mengatakan", "Kapolda NTB Irjen Pol Umar Faroq"),
        ("Kapolres Donggala AKBP Sururi saat dihubungi mengatakan, puluhan orang itu terpaksa ditangkap.",
         "puluhan orang itu terpaksa ditangkap", "mengatakan", "Kapolres Donggala AKBP Sururi"),
        ("Mantan Kapolsek Percut Seituan ini menambahkan, pengamanan gereja akan ditingkatkan.",
         "pengamanan gereja akan ditingkatkan", "menambahkan", "Mantan Kapolsek Percut Seituan"),
        # an addressee before what is asked; a say verb's bare object
        ("Kapolres juga mengimbau kepada seluruh lapisan masyarakat untuk menjaga suasana tetap kondusif.",
         "menjaga suasana tetap kondusif", "mengimbau", "Kapolres"),
        ("Kapolres Sorong mengatakan untuk pengamanan Pemilu pihaknya dibantu satu kompi Brimob.",
         "untuk pengamanan Pemilu pihaknya dibantu satu kompi Brimob", "mengatakan", "Kapolres Sorong"),
        ("Kapolres Sorong mengatakan kepada wartawan, pengamanan Pemilu dibantu satu kompi Brimob.",
         "pengamanan Pemilu dibantu satu kompi Brimob", "mengatakan", "Kapolres Sorong"),
        ("Namun lanjut Kasat, di lokasi tak satupun ditemukan pekerja tambang.",
         "di lokasi tak satupun ditemukan pekerja tambang", "lanjut", "Kasat"),
        ("Ditambahkannya, warga harus menciptakan situasi yang aman.",
         "warga harus menciptakan situasi yang aman", "Ditambahkannya", "nya"),
        ("Ivan berharap kepada orang tua agar mengawasi anaknya pada malam hari.",
         "mengawasi anaknya pada malam hari", "berharap", "Ivan"),
        ("Kapolres Demak menyebutkan ada tiga level kerawanan di wilayahnya.",
         "ada tiga level kerawanan di wilayahnya", "menyebutkan", "Kapolres Demak"),
        ("Jenderal bintang dua itu menambahkan, kegiatan ini berlangsung selama sepekan.",
         "kegiatan ini berlangsung selama sepekan", "menambahkan", "Jenderal bintang dua"),
        ("Kapolda Jambi, Brigjen Mukhlis Santoso, dikonfirmasi wartawan di Sungaipenuh, Minggu (25/2) mengatakan, pengamanan ditambah.",
         "pengamanan ditambah", "mengatakan", "Brigjen Mukhlis Santoso"),
        ("Karena lanjut dia, pemilu ini memiliki kerawanan yang kompleks.",
         "pemilu ini memiliki kerawanan yang kompleks", "lanjut", "dia"),
        ("Dia berharap dengan adanya pola pengamanan itu seluruh tahapan akan berjalan aman.",
         "dengan adanya pola pengamanan itu seluruh tahapan akan berjalan aman", "berharap", "Dia"),
        ("Kapolres Demak menginstruksikan jajarannya untuk menindak tegas siapa pun yang membuat onar.",
         "menindak tegas siapa pun yang membuat onar", "menginstruksikan", "Kapolres Demak"),
        ("Mellaz menyebut untuk rapat pleno ini paparan suara akan dimulai dari Papua.",
         "untuk rapat pleno ini paparan suara akan dimulai dari Papua", "menyebut", "Mellaz"),
        ("Seperti disampaikan Karo Ops Polda Jatim Kombes Pol Puji Santoso, Jawa Timur termasuk wilayah rawan.",
         "Jawa Timur termasuk wilayah rawan", "disampaikan", "Karo Ops Polda Jatim Kombes Pol Puji Santoso"),
        # a statement without quote marks, its cue after it
        ("Termasuk tambahan satu kompi dari Batalyon Brimob Sorong, ujar AKBP Ndaru melalui keterangan pers.",
         "Termasuk tambahan satu kompi dari Batalyon Brimob Sorong", "ujar", "AKBP Ndaru"),
        ("Yang diperlukan adalah koordinasi antarkesatuan TNI-Polri, tambahnya.",
         "Yang diperlukan adalah koordinasi antarkesatuan TNI-Polri", "tambahnya", "nya"),
        # "menurut" with no comma after the speaker; a title written lower-case
        ("Menurut Kapolres tentu hal tersebut perlu dukungan semua pihak.",
         "tentu hal tersebut perlu dukungan semua pihak", "Menurut", "Kapolres"),
        ("Menurutnya untuk simulasi memang menghadirkan petugas KPPS.",
         "untuk simulasi memang menghadirkan petugas KPPS", "Menurutnya", "nya"),
        ("Dengan begitu, menurut dia maka pencoblosan tidak terlalu lama, karena pemilih sudah tahu.",
         "maka pencoblosan tidak terlalu lama, karena pemilih sudah tahu", "menurut", "dia"),
        ("Menurut kapolres, TPS rawan itu terbagi menjadi dua kategori.",
         "TPS rawan itu terbagi menjadi dua kategori", "Menurut", "kapolres"),
        # the cue and its speaker after the sentence's first words
        ("Kita semua lanjut dia, berkewajiban untuk siap siaga dalam situasi apapun.",
         "berkewajiban untuk siap siaga dalam situasi apapun", "lanjut", "dia"),
        ("Peran Bawaslu kata Ruhermansyah, adalah bersinergi dengan pihak keamanan.",
         "adalah bersinergi dengan pihak keamanan", "kata", "Ruhermansyah"),
        # a complementizer after the comma; an addressee before what is asked
        ("Kapolres Cilegon menjelaskan bahwa, personel gabungan akan berjaga di pelabuhan.",
         "personel gabungan akan berjaga di pelabuhan", "menjelaskan", "Kapolres Cilegon"),
        ("Kapolres mengatakan, agar para Kapolsek mendata gereja yang menggelar misa.",
         "para Kapolsek mendata gereja yang menggelar misa", "mengatakan", "Kapolres"),
        ("Dia pun minta masyarakat tidak takut melaporkan kekerasan kepada polisi.",
         "tidak takut melaporkan kekerasan kepada polisi", "minta", "Dia"),
        ("Kapolres mengingatkan seluruh jajarannya menjaga kondusivitas selama Pemilu.",
         "menjaga kondusivitas selama Pemilu", "mengingatkan", "Kapolres"),
        ("Gubernur meminta segenap masyarakat, tokoh agama serta alim ulama untuk mendukung aparat keamanan.",
         "mendukung aparat keamanan", "meminta", "Gubernur"),
        ("Kapolres mengingatkan seluruh personel yang terlibat pengamanan Pemilu agar selalu waspada.",
         "selalu waspada", "mengingatkan", "Kapolres"),
        ("Kapolda mengingatkan kepada TNI, Polri dan ASN untuk tetap menjaga netralitas.",
         "tetap menjaga netralitas", "mengingatkan", "Kapolda"),
        # a speaker after a word ending in "-di" ("terjadi"); a group speaking
        ("Karena curanmor masih kerap terjadi, pihaknya meminta supaya pemilik kendaraan lebih waspada.",
         "pemilik kendaraan lebih waspada", "meminta", "pihaknya"),
        ("Kesbangpol Agam Bambang Warsito menilai rakor pengamanan tahapan Pilkada ini sangat penting.",
         "rakor pengamanan tahapan Pilkada ini sangat penting", "menilai", "Kesbangpol Agam Bambang Warsito"),
        ("Kapolri mengatakan kepada peserta vicon agar insiden di Garut jangan sampai terulang lagi.",
         "insiden di Garut jangan sampai terulang lagi", "mengatakan", "Kapolri"),
        ("Namun diakuinya, kondisi emosional pemilu kali ini berbeda dari pemilu sebelumnya.",
         "kondisi emosional pemilu kali ini berbeda dari pemilu sebelumnya", "diakuinya", "nya"),
        ("Nanang menjelaskan dalam pengamanan Nataru 2026 pihaknya juga akan menggelar Operasi Lilin.",
         "dalam pengamanan Nataru 2026 pihaknya juga akan menggelar Operasi Lilin", "menjelaskan", "Nanang"),
        ("Selain itu, ia juga mengajak untuk melaksanakan tugas dengan penuh dedikasi.",
         "melaksanakan tugas dengan penuh dedikasi", "mengajak", "ia"),
        ("Kemudian disebutkannya, pihaknya juga akan memaksimalkan aplikasi pemantauan.",
         "pihaknya juga akan memaksimalkan aplikasi pemantauan", "disebutkannya", "nya"),
        ("Seperti yang dikatakan Dandim 0818 Letkol Inf Yusub Sandra, apel ini menandai kesiapan pasukan.",
         "apel ini menandai kesiapan pasukan", "dikatakan", "Dandim 0818 Letkol Inf Yusub Sandra"),
        ("Ditegaskan olehnya, berbagai potensi kerawanan sudah dipetakan.",
         "berbagai potensi kerawanan sudah dipetakan", "Ditegaskan", "nya"),
        ("Massa menuntut agar KPUD menggelar Pilkada ulang.", "KPUD menggelar Pilkada ulang", "menuntut", "Massa"),
        ("Ia melanjutkan, keamanan Natal juga dibantu oleh TNI dan ormas.",
         "keamanan Natal juga dibantu oleh TNI dan ormas", "melanjutkan", "Ia"),
        ("Dalam amanat Kapolri yang dibacakan pimpinan apel, disampaikan bahwa operasi ini untuk meningkatkan disiplin.",
         "operasi ini untuk meningkatkan disiplin", "disampaikan", None),
        ("Disebutkannya pada rapat itu terdapat tujuh fraksi yang memberikan pandangan.",
         "pada rapat itu terdapat tujuh fraksi yang memberikan pandangan", "Disebutkannya", "nya"),
        ("Kapolres menjelaskan bahwa personel dibantu Pemda Kab. Tangerang.Dimana personel menempati delapan pos.",
         "personel dibantu Pemda Kab. Tangerang", "menjelaskan", "Kapolres"),
        ("Sejumlah warga mengaku terharu karena bisa berbicara langsung dengan Kapolres.",
         "terharu karena bisa berbicara langsung dengan Kapolres", "mengaku", "Sejumlah warga"),
        ("Dalam amanatnya, Tito menceritakan bahwa operasi tahun ini berbeda dengan tahun lalu.",
         "operasi tahun ini berbeda dengan tahun lalu", "menceritakan", "Tito"),
        ("Kapolri juga menginformasikan bahwa ancaman teror harus diantisipasi.",
         "ancaman teror harus diantisipasi", "menginformasikan", "Kapolri"),
        ("Ia terus mendesak agar pemilu diulang.", "pemilu diulang", "mendesak", "Ia"),
    ],
)
def test_indirect_patterns(text, span, cue, mention):
    ((s, e), (cs, ce), m) = find_indirect_quotes(text)[0]
    assert text[s:e] == span and text[cs:ce] == cue and (text[m[0] : m[1]] if m else None) == mention


def test_speech_act_without_statement_is_no_quote_but_its_speaker_speaks_next():
    t = ("Kapolsek Cibatu AKP Feri Kurniawan membuka acara.\n"
         "Seorang warga yang hadir dalam peluncuran program itu, Hendra, menyampaikan apresiasinya terhadap langkah Polri ini. "
         "\"Saya merasa senang,\" ujarnya.\n")
    quotes = extract_quotes(t)
    assert [(q["type"], q["speaker"]) for q in quotes] == [("direct", "Hendra")]
    assert [q["type"] for q in extract_quotes(t, keep_acts=True)] == ["speech_act", "direct"]
    assert find_indirect_quotes("Bupati Rudy menyampaikan apresiasi tinggi kepada seluruh petugas pengamanan.") == []


def test_cue_inside_a_statement_is_not_a_cue_after_one():
    t = "Pada pengamanan Operasi Lilin itu, kata Kapolri, Polri akan melibatkan beberapa instansi."
    assert [t[s:e] for (s, e), _, _ in find_indirect_quotes(t)] == ["Polri akan melibatkan beberapa instansi"]
    t = "Orang yang hendak masuk gedung, kata dia harus menjalani pemeriksaan terlebih dahulu."
    assert find_indirect_quotes(t) == []
    assert find_indirect_quotes("Menurut UU Pemilu pasal lima setiap warga berhak memilih.") == []
    assert len(find_indirect_quotes("Namun lanjut Kasat, di lokasi tak satupun ditemukan pekerja tambang.")) == 1


def test_asked_clause_keeps_its_own_subject():
    t = "Ia mengingatkan latihan ini jangan hanya dijadikan formalitas semata."
    assert [t[s:e] for (s, e), _, _ in find_indirect_quotes(t)] == ["latihan ini jangan hanya dijadikan formalitas semata"]
    t = "Kakorlantas meminta koordinasi tiga polda ditingkatkan agar tak terjadi kemacetan."
    assert [t[s:e] for (s, e), _, _ in find_indirect_quotes(t)] == ["koordinasi tiga polda ditingkatkan agar tak terjadi kemacetan"]
    t = "Dia menekankan, jika rawan bencana, pihaknya sudah berkoordinasi dengan BPBD."
    assert [t[s:e] for (s, e), _, _ in find_indirect_quotes(t)] == ["jika rawan bencana, pihaknya sudah berkoordinasi dengan BPBD"]


def test_escaped_quote_marks_are_no_part_of_the_span():
    t = '\\"Kita mencegah gangguan keamanan selama Pemilu. Terutama di KPU dan gangguan lainnya,\\" kata Kapolda Bengkulu.\n'
    assert [q["text"] for q in extract_quotes(t)] == ["Kita mencegah gangguan keamanan selama Pemilu. Terutama di KPU dan gangguan lainnya"]


def test_a_name_or_agenda_in_quote_marks_is_no_statement():
    t = "Rapat digelar dengan agenda ”Membahas Kesiapan Pengamanan Natal dan Tahun Baru di wilayah hukum Polda Lampung”, Selasa."
    assert [q for q in extract_quotes(t)] == []


def test_object_that_lists_what_it_names_is_no_statement():
    assert find_indirect_quotes("Wiranto juga menyebutkan bahaya hoaks dan politik identitas, termasuk dalam kerawanan Pemilu.") == []
    assert find_indirect_quotes("Puadi menyebutkan satu bentuk pelanggaran lainnya yaitu soal kepala desa yang harus diawasi.") == []
    t = ("AKBP Doni Satria mengimbau seluruh elemen masyarakat dan komunitas khususnya yang ada di 15 desa di tujuh "
         "kecamatan yang menggelar pilkades untuk menjaga keamanan lingkungan.")
    assert [t[s:e] for (s, e), _, _ in find_indirect_quotes(t)] == ["menjaga keamanan lingkungan"]


def test_a_name_after_an_inserted_cue_is_no_speech():
    t = "“Kami bagikan masker karena cuaca hujan”, ucap Kapolsek Tegalsari, Kompol A.R Dwi Nugroho, SH, SIK\nDalam dua jam 487 dos dibagikan."
    assert [q["type"] for q in extract_quotes(t)] == ["direct"]


def test_inserted_cue_needs_speech_after_it():
    t = "“Kami siap,” kata Kapolres, Senin (3/4).\nPersonel disiagakan, kata dia, Senin."
    assert find_indirect_quotes(t) == []


def test_indirect_skips_text_inside_direct_quotes():
    t = "“Kapolres mengatakan, semua personel siaga,” ujar Budi."
    assert find_indirect_quotes(t) == []


def test_speech_summary_without_content_is_not_indirect():
    t = "Kapolres juga memaparkan kesiapan pengamanan di seluruh kecamatan."
    assert find_indirect_quotes(t) == []


def test_indirect_stops_before_a_direct_quote_but_keeps_scare_quotes():
    t = "Ia menyebut praktik “amplop” masih terjadi di desa. “Kami awasi,” katanya."
    ((s, e), _, _) = find_indirect_quotes(t)[0]
    assert t[s:e] == "praktik “amplop” masih terjadi di desa"


# --- output schema and offsets --------------------------------------------------------------


def test_extract_quotes_schema(article_quotes):
    keys = {"text", "start", "end", "type", "cue", "speaker_mention", "speaker", "speaker_role"}
    starts = [q["start"] for q in article_quotes]
    assert starts == sorted(starts)
    for q in article_quotes:
        assert set(q) == keys
        assert ARTICLE[q["start"] : q["end"]] == q["text"]
        for k in ("cue", "speaker_mention"):
            if q[k] is not None:
                assert ARTICLE[q[k]["start"] : q[k]["end"]] == q[k]["text"]


def test_baseline_is_naive():
    t = "Kapolres AKBP Budi Santoso memimpin apel. “Semua siap,” ujarnya. Warga menyebut “amplop” beredar."
    got = baseline_quotes(t)
    assert [q["text"] for q in got] == ["Semua siap", "amplop"]  # no scare-quote filter on purpose
    assert got[0]["speaker"] == "AKBP Budi Santoso"
    assert all(q["type"] == "direct" for q in got)


ALPHABET = st.sampled_from(
    list("ab ,.“”\"‘’'\nKkI") + [" ujar", " kata", "nya", " AKBP ", " Budi", " mengatakan, ", "Menurut ", "Kapolres ", ", S.I.K.", " bahwa "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_offsets_always_valid(text):
    for fn in (extract_quotes, baseline_quotes):
        for q in fn(text):
            assert 0 <= q["start"] <= q["end"] <= len(text)
            assert text[q["start"] : q["end"]] == q["text"]
            for k in ("cue", "speaker_mention"):
                if q[k] is not None:
                    assert text[q[k]["start"] : q[k]["end"]] == q[k]["text"]
    for s, e in find_direct_quotes(text):
        assert 0 <= s < e <= len(text)


# --- metrics --------------------------------------------------------------------------------


def _q(s: int, e: int, typ: str = "direct", speaker: str = "A", cue: tuple[int, int] | None = None) -> dict:
    c = {"start": cue[0], "end": cue[1], "text": ""} if cue else None
    return {"start": s, "end": e, "type": typ, "speaker": speaker, "cue": c}


def test_quote_metrics_toy_example():
    gold = [
        {"quotes": [_q(0, 10, speaker="AKBP X, S.I.K.", cue=(12, 16)), _q(20, 30), _q(40, 60, "indirect", "B")]},
    ]
    pred = [[
        _q(0, 10, speaker="AKBP X", cue=(12, 16)),  # exact, speaker wrong strictly, right leniently
        _q(21, 30, speaker="A"),                    # overlap 9/10 -> matched, not exact
        _q(70, 80, "indirect", "B"),                # no overlap -> false positive
    ]]
    m = quote_metrics(gold, pred)
    d, i, a = m["direct"], m["indirect"], m["all"]
    assert d["exact_p"] == pytest.approx(0.5) and d["exact_r"] == pytest.approx(0.5)
    assert d["overlap_f1"] == pytest.approx(1.0)
    assert d["speaker_acc"] == pytest.approx(0.5) and d["speaker_acc_lenient"] == pytest.approx(1.0)
    assert d["cue_acc"] == pytest.approx(1.0)
    assert i["exact_f1"] == 0.0 and i["overlap_f1"] == 0.0 and i["n_gold"] == 1
    assert a["exact_p"] == pytest.approx(1 / 3) and a["exact_r"] == pytest.approx(1 / 3)
    assert a["overlap_f1"] == pytest.approx(2 / 3)


def test_quote_metrics_type_must_match():
    gold = [{"quotes": [_q(0, 10, "direct")]}]
    m = quote_metrics(gold, [[_q(0, 10, "indirect")]])
    assert m["direct"]["overlap_r"] == 0.0 and m["all"]["overlap_f1"] == 0.0


# --- quote-mark habits of real pages (issue 18) ----------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # the page was cut mid-quote: the last quote runs to the end of the text
        ("Kapolres memimpin apel pagi.\n“Kami akan terus menjaga keamanan wilay", ["Kami akan terus menjaga keamanan wilay"]),
        # closing mark after a space
        ("“Kami siap mengamankan TPS, ” ujar Kapolres.", ["Kami siap mengamankan TPS"]),
        # opening mark followed by a space
        ("Apel digelar.\n“ Kami siap bertugas,” kata Iptu Budi.", ["Kami siap bertugas"]),
        # closing mark at the start of the next line
        ("“Personel sudah disiagakan di semua pos,\n” ujar Kapolsek.", ["Personel sudah disiagakan di semua pos"]),
        # “ used to close, between spaces
        ("“Kami siap bertugas sampai malam. “ ujar Camat Budi.", ["Kami siap bertugas sampai malam."]),
        # mangled marks: † for a closing ”, "œ for an opening “
        ("“Kami siap mengawal pemilu,†tutur Kapolda.", ["Kami siap mengawal pemilu"]),
        ("Kapolda meninjau TPS.\n\"œKami siap mengawal pemilu,\" ujarnya.", ["Kami siap mengawal pemilu"]),
        # closing mark glued to the cue, with a double-marked title nested inside
        ("“Tema kali ini “Mudik Aman” begitu pula arus balik”tutupnya.", ["Tema kali ini “Mudik Aman” begitu pula arus balik", "Mudik Aman"]),
        # no opening mark: the quote starts the paragraph and ends at a mark followed by a cue
        ("Kapolres meninjau pos.\nPersonel kami sudah siaga sejak pagi,” jelas Kapolres.", ["Personel kami sudah siaga sejak pagi"]),
        # hard-wrapped lines inside one quote
        ("“Kami siap\nmengamankan seluruh TPS\ndi wilayah ini,” kata Kapolres.", ["Kami siap\nmengamankan seluruh TPS\ndi wilayah ini"]),
        # curly marks inside a straight quote nest; a straight quote may close with ”
        ("\"Operasi “Ketupat Jaya” digelar dua pekan,\" kata Kapolda.", ["Operasi “Ketupat Jaya” digelar dua pekan", "Ketupat Jaya"]),
        ("\"Kami siap bertugas,” ujar Kapolsek.", ["Kami siap bertugas"]),
        # doubled single marks and a straight single opening a paragraph act as a double mark
        ("Apel selesai. ‘’Kami siap bertugas,” ujarnya.", ["Kami siap bertugas"]),
        ("Kapolres memimpin apel.\n'Kami siap bertugas,\" ujarnya.", ["Kami siap bertugas"]),
    ],
)
def test_real_page_mark_habits(text, expected):
    assert spans_text(text, find_direct_quotes(text)) == expected


def test_unclosed_quote_before_the_last_line_is_still_dropped():
    t = "“Kalimat tanpa penutup di sini\nParagraf lain tanpa tanda kutip.\nPenutup artikel."
    assert find_direct_quotes(t) == []


def test_page_cut_quote_is_a_statement_even_when_short():
    t = "Kapolres memimpin apel pagi.\n“Prem"
    q = extract_quotes(t)
    assert [x["text"] for x in q if x["type"] == "direct"] == ["Prem"]


def test_demikian_is_a_cue_after_a_quote():
    t = "\"Mari kita jaga pilkada yang damai,\" demikian Kapolres Bone AKBP Budi Santoso."
    q = extract_quotes(t)[0]
    assert q["cue"]["text"] == "demikian" and q["speaker"] == "AKBP Budi Santoso"


# --- people: ranks, degrees and places as real pages write them (issue 18) -------------------


@pytest.mark.parametrize(
    "text, speaker",
    [
        # spelled-out rank, and a province between the title and the name
        ("Kapolda Sulsel Inspektur Jenderal Polisi Andi Wiranto hadir. “Kami siap mengamankan pilkada,” ujar Andi.",
         "Inspektur Jenderal Polisi Andi Wiranto"),
        # a dotted rank abbreviation does not end the name
        ("Kabid Humas Kombes. Pol. Budi Hartono memimpin apel. “Semua personel siap,” kata Budi.", "Kombes. Pol. Budi Hartono"),
        # degrees written without dots belong to the fullest name
        ("Kapolres Bone AKBP Rudi Santoso, SIK, MH memimpin apel. “Personel siap,” ujar Rudi.", "AKBP Rudi Santoso, SIK, MH"),
        # a province name is not the start of a person's name
        ("Ketua KPU DKI Jakarta Wahyu Pratama membuka rapat. “Logistik sudah siap,” kata Wahyu.", "Wahyu Pratama"),
        # a minister's short title is a role head
        ("Mendagri Tito Santoso meninjau TPS. “Pemilu harus damai,” kata Tito.", "Tito Santoso"),
        # a trailing initialism is a nickname, not part of the fullest name
        ("Gubernur Sulut Yulius Selvanus Komaling (YSK) meninjau TPS. “Pemilu harus damai,” kata Yulius.",
         "Yulius Selvanus Komaling"),
        # a capitalised cue verb opening a sentence does not start a name
        ("Kasat Narkoba AKP Heri Nurcahyo memimpin razia di Subang.\nIdealnya, Kata Heri, warga ikut mengawasi peredaran narkoba.\n"
         "“Polisi tidak bisa sendirian mengatasi narkoba di wilayah ini.”", "AKP Heri Nurcahyo"),
        # ... and the article may then name the speaker by it
        ("Gubernur Sulut Yulius Selvanus Komaling (YSK) meninjau TPS. “Pemilu harus damai,” kata YSK.", "Yulius Selvanus Komaling"),
        # a rank glued to its "Pol." stays one rank and does not end the name
        ("Kapolresta Solo Kombes.Pol. Ade Santoso memimpin apel. “Mudik harus aman,” kata Kombes.Pol. Ade.", "Kombes.Pol. Ade Santoso"),
        # degrees glued to the name by commas: the same person as the short form later
        ("Kabagops Ajun Komisaris Polisi (AKP) Erol Santoso,S.Sos.,M.Si memimpin apel.\nAKP Erol Santoso juga hadir.\n"
         "“Personel sudah siap,” kata AKP Erol Santoso.", "Ajun Komisaris Polisi (AKP) Erol Santoso,S.Sos.,M.Si"),
        # a Title Case headline line is not a person
        ("Kapolres Bone AKBP Budi Santoso memimpin apel pagi.\nBaca Juga: Kapolda Minta Personel Jaga Netralitas Saat Pilkada\n"
         "“Personel harus netral,” ujarnya.", "AKBP Budi Santoso"),
        # a place in apposition after a title is not a person
        ("Wakapolres Barito Selatan, Kalimantan Tengah, Kompol Agung Wirata memimpin apel.\nApel diikuti 200 personel.\n"
         "“Personel siap,” ujarnya.", "Kompol Agung Wirata"),
        # a title after a ranked name is not part of the name
        ("Penyidik memeriksa saksi.\n“Pelaku sudah kami tahan,” kata AKP Bima Sakti Kasatreskrim Polres Pasuruan Kota.", "AKP Bima Sakti"),
        # a capitalised sentence opener before the subject is not part of it
        ("Polisi berjaga sejak pagi.\nSebelumnya Polrestabes Medan menyebut situasi aman terkendali.", "Polrestabes Medan"),
        # "Direktur Jenderal" is a title, not the rank Jenderal
        ("Direktur Jenderal Pemasyarakatan Budi Rahardjo hadir. “Lapas aman,” kata Budi.", "Budi Rahardjo"),
        # a rank misspelt as pages misspell it is still a rank
        ("Wakapolda Metro Jaya, Brigader Jenderal Polisi Hendra Susanto, meninjau pos. “Pos siap,” kata Hendra.",
         "Brigader Jenderal Polisi Hendra Susanto"),
        # a retired officer's rank keeps its "(Purn.)"
        ("Mendagri Jenderal Polisi (Purn.) Prof. Drs. H. Rudi Hartanto meninjau TPS. “Pemilu harus damai,” kata Rudi.",
         "Jenderal Polisi (Purn.) Prof. Drs. H. Rudi Hartanto"),
        # a degree glued to the name, then more degrees
        ("Kapolresta Solo Kombes Pol Ade Santoso,SIK. MSi memimpin apel. “Mudik harus aman,” kata Ade.", "Kombes Pol Ade Santoso,SIK. MSi"),
        ("Kapolres Bone AKBP Yusuf Affandi.Sik. MM memimpin apel. “Personel siap,” kata Yusuf.", "AKBP Yusuf Affandi.Sik. MM"),
        # a dotted degree written with a space
        ("Kapolres Arfak Kompol Isak Hosio, S. IK. memimpin apel. “Personel siap,” kata Isak.", "Kompol Isak Hosio, S. IK."),
        # a title that lists several fields, then the holder's name
        ("Menteri Politik dan Keamanan Hendra Wijaya meninjau Medan. “Pilkada harus aman,” kata Hendra Wijaya.", "Hendra Wijaya"),
        ("Kepala Seksi Bina Ideologi, Wawasan Kebangsaan, dan Karakter Bangsa Kesbangpol Dedi Santoso hadir.\n"
         "“Bendera sudah dibagikan,” kata Dedi.", "Dedi Santoso"),
        ("Deputi Bidang Operasi Pencarian dan Pertolongan dan Kesiapsiagaan Laksda TNI Budi Santoso meninjau lokasi.\n"
         "Tim gabungan dikerahkan.\n“Pencarian terus berjalan,” kata Deputi Bidang Operasi Pencarian.", "Laksda TNI Budi Santoso"),
        # the word after "Kabupaten" is a place, not the start of the name
        ("Ketua KPU Kabupaten Sleman Andi Saputra membuka rapat. “Rekapitulasi selesai,” kata Andi Saputra.", "Andi Saputra"),
        # "AKBP." is no fuller a form than "AKBP": the first one stays
        ("Kapolres Bone AKBP Dr Wira Santoso membuka rapat.\nKapolres Bone AKBP. Dr Wira Santoso menegaskan, personel siap.\n"
         "“Kami siap,” ujar Kapolres.", "AKBP Dr Wira Santoso"),
        # a spelled-out title and its short form later name the same holder
        ("Kepala Kepolisian Daerah Kalimantan Utara Inspektur Jenderal Polisi Dani Saputra, S.H. hadir.\nApel diikuti 300 personel.\n"
         "“Personel harus netral,” ujar Kapolda Kaltara.", "Inspektur Jenderal Polisi Dani Saputra, S.H."),
        # the title a named officer holds "selaku" another duty
        ("Kasat Samapta Polres Sanggau selaku Padal Pengamanan Iptu Sukardi memimpin sterilisasi.\nGereja disterilkan sejak pagi.\n"
         "“Gereja sudah aman,” kata Kasat Samapta Polres Sanggau.", "Iptu Sukardi"),
        # a place in apposition between the title and the name: the title is still his
        ("Wakapolres Barito Selatan, Kalimantan Tengah, Kompol Agung Wirata memimpin apel.\nApel diikuti 200 personel.\n"
         "“Personel siap,” kata Wakapolres Barito Selatan.", "Kompol Agung Wirata"),
        # the title with the holder's surname
        ("Kapolda NTT Irjen Pol Raja Santosa memimpin rapat.\nRapat membahas pengamanan.\n“Situasi aman,” kata Kapolda Santosa.",
         "Irjen Pol Raja Santosa"),
        # a one-word name after a title whose place the article also names
        ("Pemkab Sleman menggelar simulasi di Kabupaten Sleman.\nBupati Sleman Danang meninjau lokasi.\n“Warga harus siap,” ujarnya.",
         "Danang"),
        ("Simulasi digelar di Sleman.\nKepala Satpol PP Kabupaten Sleman Kholid menambahkan, petugas sudah siap.", "Kholid"),
        # a title carrying its short form in brackets, then a unit, then the holder in apposition
        ("Kepala Biro Operasi (Karo Ops) Polda Sulut, Kombes Pol Hendra Santoso, membuka rakor.\nRakor diikuti 50 peserta.\n"
         "“Personel siap,” kata Karo Ops.", "Kombes Pol Hendra Santoso"),
        ("Menteri Koordinator Bidang Politik Hukum dan Keamanan (Menko Polhukam) Budi Santoso meninjau Makassar.\n"
         "“Pilkada harus aman,” ujarnya.", "Budi Santoso"),
        # a title written in capitals as the article's kicker
        ("MENTERI Perhubungan Budi Santoso meninjau terminal.\nArus mudik lancar.\n“Terminal siap,” kata Menhub.", "Budi Santoso"),
        # a misspelt army rank
        ("Pangdam V Brawijaya Mayjend TNI R. Budi Santoso meninjau apel. “Prajurit siap,” ujarnya.", "Mayjend TNI R. Budi Santoso"),
        # a place after "adalah" is no person for "-nya" to point at
        ("Kapolda NTT Irjen Pol Johan Santoso memimpin rapat.\nPara pekerja dikirim ke Malaysia lewat Batam.\n"
         "Negara tujuan pelaku adalah Malaysia. “Paling banyak lewat laut,” ujarnya.", "Irjen Pol Johan Santoso"),
        # a title's place named before a rank elsewhere on the page, then a one-word name with degrees
        ("Kapolres Sekadau AKBP Marupa Sagala memimpin apel.\nWakil Bupati Sekadau Aloysius, SH, M.Si dalam arahannya menyampaikan, "
         "warga harus menjaga kerukunan.", "Aloysius, SH, M.Si"),
        # a one-word name after "Kabupaten X", then a comma, on a page that writes the place alone
        ("Rapat digelar di Polres Malang.\nKetua KPU Kabupaten Malang Santoko, Rabu (1/5), mengatakan, rekapitulasi sudah selesai.",
         "Santoko"),
        # a list of institutions is no title with a holder's name
        ("Ketua MPR Bambang Santoso memimpin rapat.\n"
         "Rapat dihadiri Menteri Luar Negeri (Menlu), Kementerian Sekretariat Negara (Mensesneg), dan Komisi Pemilihan Umum (KPU).\n"
         "“Semua siap,” ujarnya.", "Bambang Santoso"),
        # spelled-out army titles, deputy mayors and unit names
        ("Apel dipimpin Komandan Kodim 0424/Tanggamus, Letkol Inf Vicky Santoso.\nDandim mengatakan, personel siap.", "Letkol Inf Vicky Santoso"),
        ("Wawako Zohirin Santoso membuka rapat. “Semua siap,” kata Wawako Zohirin Santoso.", "Zohirin Santoso"),
        ("Hal itu disampaikan Kanit PPA Satreskrim Polrestabes Medan, AKP Madianta Santoso.\n"
         "Selaku Kanit Perlindungan Perempuan dan Anak, dirinya mengimbau orang tua untuk mengawasi anak.", "AKP Madianta Santoso"),
        # "KH." is an honorific whose dot does not end the name
        ("Apel dipimpin Bupati Bondowoso KH. Salwa Santoso.\n“Warga harus tertib,” kata Bupati Salwa.", "KH. Salwa Santoso"),
        # the sentence's period after an undotted degree is not the degree's, unless another degree follows
        ("Apel dipimpin Kapolres Bima AKBP Bagus Santoso SIK. Apel diikuti 100 personel.\n“Semua siap,” ujarnya.",
         "AKBP Bagus Santoso SIK"),
        ("Apel dipimpin Kapolres Muba Akbp. Imam Santoso Sik. Msi, didampingi Wakapolres.\n“Semua siap,” ujarnya.",
         "Akbp. Imam Santoso Sik. Msi"),
        # a bare "Kepala" before a lower-case noun is no office holder for "-nya"
        ("Kapolda Jateng Irjen Pol Condro Santoso membuka apel.\nKepala desa atau lurah bersama babinsa hadir.\n"
         "“Tiga pilar harus kompak,” ujarnya.", "Irjen Pol Condro Santoso"),
        # rank abbreviations and slips pages write: "KBP", "AKPB", "Konbes", a dotted army rank and corps
        ("Kapolresta Barelang KBP Yos Santoso, SH, SIK, MH, mengatakan, personel siap.", "KBP Yos Santoso, SH, SIK, MH"),
        ("Kapolres Lombok Tengah AKPB Iwan Santoso memimpin apel.\nIa mengatakan, personel siap.", "AKPB Iwan Santoso"),
        ("Hal ini disampaikan Kasdim 0619 Mayor. Inf. Tito Santoso.\nMenurutnya, latihan berjalan lancar.", "Mayor. Inf. Tito Santoso"),
        # a dotted degree written with spaces between all its letters
        ("Kabid Humas Polda Aceh Kombes Pol. Ery Santoso, S. I. K., M. Si., membuka acara.\nDikatakan Kabid Humas, personel pengamanan Natal sudah disiagakan di seluruh pos.",
         "Kombes Pol. Ery Santoso, S. I. K., M. Si."),
        # a long Title-Case-heavy line of attendees is no headline: its names are people
        ("Raker dibuka Bupati Langkat Terbit Rencana PA, melalui Wakil Bupati H. Syah Santoso dan dihadiri Kapolres Langkat "
         "AKBP Danu Pamungkas, Danramil 07 Stabat Kapten Arh Iroma Harahap mewakili Dandim 0203/Lkt, Kapolsek Sei Bingai AKP. "
         "Rismanto Purba mewakili Kapolres Binjai, Ketua FKUB Langkat Panjang Harahap,\n\n"
         "Dalam rakor ini, Wakil Bupati mengatakan, keberadaan tim terpadu sangat penting.", "H. Syah Santoso"),
        # title, comma, then a name with dotted rank and honorific at the cue
        ("“Semua harus netral,” tegas Kapolda Kepri, Irjen. Pol. Drs. Yan Fitri Santoso, M.H., yang turut hadir.",
         "Irjen. Pol. Drs. Yan Fitri Santoso, M.H."),
        # "Pj" before a name is an acting-office mark, not part of the name
        ("Simulasi dihadiri Penjabat Gubernur Kaltim, Akmal Santoso.\n“Pilkada harus aman,” ujar Pj Akmal Santoso.", "Akmal Santoso"),
        # "Wali Kota" is a title: the name after it is no place
        ("Pada bagian lain, Wakil Wali Kota Maigus Santoso mengatakan pemerintah kota siap membantu.", "Maigus Santoso"),
        # "Penjabat (Pj)" opens a title as "Pj" does
        ("Penjabat (Pj) Bupati TTS Drs. Yohanes Santoso, M.Si. membuka rapat.\n“Semua harus siap,” ujar Yohanes.",
         "Drs. Yohanes Santoso, M.Si."),
        # "merincikan" is a speech verb
        ("Kapolres Poso AKBP Budi Santoso memimpin apel.\nKapolres merincikan, jumlah gereja yang dijaga sebanyak 488 unit.",
         "AKBP Budi Santoso"),
    ],
)
def test_real_page_name_forms(text, speaker):
    q = [x for x in extract_quotes(text) if x["type"] == "direct"] or extract_quotes(text)
    assert q[0]["speaker"] == speaker


def test_person_named_only_in_a_related_headline_never_speaks():
    text = ("\"Sispamkota digelar untuk memantapkan persiapan,\" kata Kepala Polda Sumatera Barat, Inspektur Jenderal Polisi "
            "Suharyono, usai membuka kegiatan.\n\nBaca juga: Bupati Pinrang hadiri rakor Operasi Mantap Brata Pengamanan Pemilu\n\n"
            "Ia mengatakan polisi harus terus mengasah kemampuan lewat pelatihan.")
    assert [(q["type"], q["speaker"]) for q in extract_quotes(text)] == [
        ("direct", "Inspektur Jenderal Polisi Suharyono"), ("indirect", "Inspektur Jenderal Polisi Suharyono")]


def test_conjunction_opening_a_sentence_is_no_speaker():
    text = ("Brigjen Pol Rikwanto hadir di Polda.\n\nMeskipun berharap untuk tidak ada aksi, mantan Kabid Humas Polda Metro Jaya "
            "ini mempersilahkan para buruh untuk demo. Akan tetapi, ia menghimbau agar demo berlangsung tertib.")
    assert "Meskipun" not in {q["speaker"] for q in extract_quotes(text)}


def test_capitalised_speech_verb_is_no_person():
    from warta.quotes.people import people_table

    text = "Menurut Kapolda Jateng Irjen Pol Ahmad Santoso, Mengatakan, Rakor Lintas Sektoral digelar pagi."
    assert [p.full for p in people_table(text)] == ["Irjen Pol Ahmad Santoso"]


def test_deployable_package_never_imports_training_code():
    import re
    from pathlib import Path

    model = Path(__file__).resolve().parents[1] / "model"
    imports = re.compile(r"^\s*(?:from|import)\s+warta_training\b", re.M)
    offenders = [p.name for p in model.rglob("*.py") if imports.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
