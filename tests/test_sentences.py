"""Sentence splitting and boilerplate detection for the extractive summarizer.

All strings here are written for the tests (no corpus or seed sentences are copied).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.sentences import Sentence, is_boilerplate, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


# --- basic contract ---------------------------------------------------------------------------


def test_offsets_point_into_original_text():
    text = "  Apel digelar pagi.   Personel hadir lengkap.  \n\n  Judul tanpa titik  "
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Apel digelar pagi.", "Personel hadir lengkap.", "Judul tanpa titik"]
    for s in sents:
        assert isinstance(s, Sentence)
        assert text[s.start : s.end] == s.text


def test_empty_and_blank_text_give_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t ") == []


def test_sentence_is_frozen():
    s = split_sentences("Apel digelar.")[0]
    with pytest.raises(AttributeError):
        s.start = 3  # type: ignore[misc]


# --- paragraph rule ---------------------------------------------------------------------------


def test_newlines_always_end_a_sentence():
    text = "Polisi bersiaga di gudang logistik\nKotak suara dijaga\n\n\nWarga tetap tenang"
    assert texts(text) == ["Polisi bersiaga di gudang logistik", "Kotak suara dijaga", "Warga tetap tenang"]


def test_crlf_paragraphs():
    assert texts("Satu kalimat.\r\n\r\nDua kalimat.") == ["Satu kalimat.", "Dua kalimat."]


def test_headline_caption_and_baca_juga_lines_are_own_sentences():
    text = (
        "Polres Contoh Gelar Rakor Pengamanan Pilkada\n\n"
        "Baca juga: Warga Desa Contoh Gotong Royong Bersihkan Saluran\n\n"
        "Rakor digelar di aula. Semua unsur hadir."
    )
    assert texts(text) == [
        "Polres Contoh Gelar Rakor Pengamanan Pilkada",
        "Baca juga: Warga Desa Contoh Gotong Royong Bersihkan Saluran",
        "Rakor digelar di aula.",
        "Semua unsur hadir.",
    ]


# --- terminal punctuation ---------------------------------------------------------------------


def test_split_on_period_exclamation_question():
    text = "Apel selesai. Siapa yang memimpin? Kapolres sendiri! 120 personel ikut."
    assert texts(text) == ["Apel selesai.", "Siapa yang memimpin?", "Kapolres sendiri!", "120 personel ikut."]


def test_no_split_before_lower_case():
    assert texts("Apel selesai. lalu personel bubar.") == ["Apel selesai. lalu personel bubar."]


def test_closing_quote_or_bracket_after_stop_stays_with_sentence():
    text = "Ia menyebut kata “siap.” Kemudian ia pergi. (Petugas sudah siap.) Acara usai."
    assert texts(text) == ["Ia menyebut kata “siap.”", "Kemudian ia pergi.", "(Petugas sudah siap.)", "Acara usai."]


def test_split_before_opening_quote():
    text = "Kapolres memberi arahan. “Jaga netralitas,” katanya."
    assert texts(text) == ["Kapolres memberi arahan.", "“Jaga netralitas,” katanya."]


def test_ellipsis_ends_sentence():
    assert texts("Semoga aman... Polisi tetap berjaga.") == ["Semoga aman...", "Polisi tetap berjaga."]


# --- abbreviations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "abbr",
    "AKBP. AKP. Kompol. Kombes. Pol. Brigjen. Irjen. Iptu. Ipda. Aiptu. Bripka. Brigpol. Letkol. Kol. "
    "Mayjen. Dr. dr. Ir. H. Hj. Drs. Prof.".split(),
)
def test_no_split_after_rank_or_title(abbr):
    text = f"Acara dihadiri {abbr} Budi Santoso bersama jajaran."
    assert texts(text) == [text]


DEGREES = "S.I.K. S.H. M.H. M.Si. S.Sos. S.Pd. M.M. S.T. S.Kom. S.IP. M.Kn.".split()


@pytest.mark.parametrize("degree", DEGREES)
def test_no_split_inside_or_after_dotted_degree_mid_sentence(degree):
    text = f"Rakor dipimpin AKBP Rudi Hartono, {degree} dan dihadiri Dandim. Rakor lancar."
    assert texts(text) == [f"Rakor dipimpin AKBP Rudi Hartono, {degree} dan dihadiri Dandim.", "Rakor lancar."]


@pytest.mark.parametrize("degree", DEGREES)
def test_degree_closing_a_name_ends_sentence_before_capital(degree):
    # Deliberate deviation from "never split after degrees": in the authored corpus every
    # "<name>, <degree> <Capital>" is a sentence end ("..., S.I.K. Hadir pula Dandim ...").
    text = f"Rakor dipimpin AKBP Rudi Hartono, {degree} Hadir pula Dandim."
    assert texts(text) == [f"Rakor dipimpin AKBP Rudi Hartono, {degree}", "Hadir pula Dandim."]


def test_degree_followed_by_another_title_does_not_split():
    text = "Hadir Kompol Dewi, S.H. M.H. Beliau membuka rakor. Hadir pula Iptu Sari, S.Sos. Dr. Amir."
    assert texts(text) == [
        "Hadir Kompol Dewi, S.H. M.H.",
        "Beliau membuka rakor.",
        "Hadir pula Iptu Sari, S.Sos. Dr. Amir.",
    ]


def test_initials_that_look_like_degrees_inside_names():
    text = "Massa berkumpul di Jalan M.H. Thamrin sejak pagi. Ketua MUI K.H. Ahmad Dahlan hadir."
    assert texts(text) == ["Massa berkumpul di Jalan M.H. Thamrin sejak pagi.", "Ketua MUI K.H. Ahmad Dahlan hadir."]


def test_chain_of_degrees_and_ranks():
    text = "Hadir Kombes Pol. Dr. Arif Wibowo, S.I.K., M.H. dan Drs. H. Umar. Rakor berjalan lancar."
    assert texts(text) == [
        "Hadir Kombes Pol. Dr. Arif Wibowo, S.I.K., M.H. dan Drs. H. Umar.",
        "Rakor berjalan lancar.",
    ]


@pytest.mark.parametrize(
    "abbr",
    "Kab. Kec. Kel. Jl. Jln. No. Rp. dll. dsb. a.n. u.p. tgl. Tbk. PT. CV. St. Ds.".split(),
)
def test_no_split_after_other_abbreviations(abbr):
    text = f"Catatan itu menyebut {abbr} Sukamaju sebagai rujukan."
    assert texts(text) == [text]


def test_abbreviations_in_caps_address():
    text = "Posko berada di JL. Merdeka NO. 12 KEC. Baru. Posko buka 24 jam."
    assert texts(text) == ["Posko berada di JL. Merdeka NO. 12 KEC. Baru.", "Posko buka 24 jam."]


@pytest.mark.parametrize("name", ["M. Yusuf", "A. Rahman", "Andi B. Lolo", "Muh. Ilham", "Nurhayati Hi. Musa"])
def test_initials_and_name_abbreviations(name):
    text = f"Ketua panitia {name} membuka acara. Acara berjalan lancar."
    assert texts(text) == [f"Ketua panitia {name} membuka acara.", "Acara berjalan lancar."]


@pytest.mark.parametrize("label", ["hari H.", "kunci T.", "formulir C.", "tahun 1445 H."])
def test_capital_letter_used_as_label_ends_sentence(label):
    text = f"Semua disiapkan untuk {label} Personel sudah dibagi."
    assert texts(text) == [f"Semua disiapkan untuk {label}", "Personel sudah dibagi."]


def test_list_enumerators_are_not_sentences():
    text = "1. Apel pagi dimulai pukul tujuh.\n2. Rakor digelar siang hari."
    assert texts(text) == ["1. Apel pagi dimulai pukul tujuh.", "2. Rakor digelar siang hari."]


def test_period_inside_short_parenthesis_is_protected():
    text = "Kapolres memeriksa barisan (Foto: Dok. Humas Polres) sebelum apel. Apel dimulai."
    assert texts(text) == ["Kapolres memeriksa barisan (Foto: Dok. Humas Polres) sebelum apel.", "Apel dimulai."]


# --- dates and numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fragment",
    ["Senin (12/8/2024)", "tanggal 12.8.2024", "sebanyak 2.162 personel", "dana Rp1.500.000",
     "pukul 08.00 WITA", "naik 3,5 persen", "sebesar Rp. 2.000.000", "hingga 17.30 WIB"],
)
def test_dates_and_numbers_do_not_end_sentences(fragment):
    text = f"Kegiatan itu tercatat {fragment} menurut panitia. Berikutnya adalah laporan."
    assert texts(text) == [f"Kegiatan itu tercatat {fragment} menurut panitia.", "Berikutnya adalah laporan."]


def test_sentence_may_start_with_digit_after_year():
    text = "Pilkada digelar 2024. 1.127 TPS tersebar di 27 kecamatan."
    assert texts(text) == ["Pilkada digelar 2024.", "1.127 TPS tersebar di 27 kecamatan."]


# --- quotes -----------------------------------------------------------------------------------


def test_curly_multi_sentence_quote_with_attribution_is_one_unit():
    text = "“Kami siap. Semua personel sudah dicek,” ujar Kapolres. Apel lalu dibubarkan."
    assert texts(text) == ["“Kami siap. Semua personel sudah dicek,” ujar Kapolres.", "Apel lalu dibubarkan."]


def test_straight_multi_sentence_quote_with_attribution_is_one_unit():
    text = 'Ia menegaskan, "Jangan ragu. Lapor segera! Kami datang," kata Kapolsek. Warga mengangguk.'
    assert texts(text) == [
        'Ia menegaskan, "Jangan ragu. Lapor segera! Kami datang," kata Kapolsek.',
        "Warga mengangguk.",
    ]


def test_kompas_style_quote_marks_on_both_sides():
    text = "”Pasukan lengkap. Kendaraan siap,” kata Dandim. Latihan dimulai."
    assert texts(text) == ["”Pasukan lengkap. Kendaraan siap,” kata Dandim.", "Latihan dimulai."]


def test_split_quote_with_attribution_in_the_middle():
    text = "“Ini latihan,” ujar Kapolres, “tapi anggap sungguhan. Jangan main-main.” Personel bersiap."
    assert texts(text) == [
        "“Ini latihan,” ujar Kapolres, “tapi anggap sungguhan. Jangan main-main.”",
        "Personel bersiap.",
    ]


def test_quote_closing_with_stop_ends_sentence_after_mark():
    text = "“Semua aman. Tidak ada gangguan.” Kapolres lalu meninjau pos."
    assert texts(text) == ["“Semua aman. Tidak ada gangguan.”", "Kapolres lalu meninjau pos."]


def test_unclosed_quote_does_not_swallow_the_paragraph():
    text = "Ia berkata “Kami siap. Semua personel hadir. Apel dimulai pukul tujuh."
    assert texts(text) == ["Ia berkata “Kami siap.", "Semua personel hadir.", "Apel dimulai pukul tujuh."]


def test_unclosed_quote_does_not_pair_across_paragraphs():
    text = "“Kami siap. Semua hadir.\n“Kendaraan juga siap. Tinggal berangkat,” tutupnya."
    assert texts(text) == [
        "“Kami siap.",
        "Semua hadir.",
        "“Kendaraan juga siap. Tinggal berangkat,” tutupnya.",
    ]


def test_stray_opener_before_real_quote_is_abandoned():
    text = "Spanduk bertuliskan “Damai itu indah. Warga berkumpul. “Kami siap. Ayo jaga,” kata ketua RT."
    assert texts(text) == [
        "Spanduk bertuliskan “Damai itu indah.",
        "Warga berkumpul.",
        "“Kami siap. Ayo jaga,” kata ketua RT.",
    ]


# --- datelines and sign-offs --------------------------------------------------------------------


def test_dateline_stays_with_first_sentence():
    text = "KENDARI, SULTRAKINI.ID – Polresta Kendari menggelar apel. Apel diikuti 300 personel."
    assert texts(text) == [
        "KENDARI, SULTRAKINI.ID – Polresta Kendari menggelar apel.",
        "Apel diikuti 300 personel.",
    ]


def test_dateline_ending_in_period_stays_with_first_sentence():
    text = "Humas.contoh.go.id – Kota Contoh. Polres Kota Contoh menggelar rakor. Rakor lancar."
    assert texts(text) == [
        "Humas.contoh.go.id – Kota Contoh. Polres Kota Contoh menggelar rakor.",
        "Rakor lancar.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apel berakhir Senin (2/9/2024).--budi--", ["Apel berakhir Senin (2/9/2024).", "--budi--"]),
        ("Semua berjalan lancar.(AB/CD).", ["Semua berjalan lancar.", "(AB/CD)."]),
        ("Semua berjalan lancar. (rls/xyz)", ["Semua berjalan lancar.", "(rls/xyz)"]),
        ("Kegiatan ditutup doa. (Humas Polres Contoh)", ["Kegiatan ditutup doa.", "(Humas Polres Contoh)"]),
    ],
)
def test_sign_offs_become_their_own_units(text, expected):
    assert texts(text) == expected
    assert is_boilerplate(expected[-1])


# --- properties -------------------------------------------------------------------------------

ALPHABET = st.sampled_from(list(".“”\n Aa1\"!?()–"))


@settings(max_examples=500, deadline=None)
@given(st.text(ALPHABET, max_size=80))
def test_offsets_property(text):
    sents = split_sentences(text)
    prev_end = 0
    for s in sents:
        assert text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert "\n" not in s.text
        assert s.start >= prev_end
        prev_end = s.end
    # Every non-space character lands in exactly one sentence.
    covered = sum(len(s.text.replace(" ", "")) for s in sents)
    assert covered == len("".join(text.split()))


def test_whole_corpus_is_fast():
    article = (
        "KOTA CONTOH, HUMAS – Polres Contoh menggelar apel gelar pasukan, Senin (12/8/2024). "
        "Apel dipimpin Kapolres AKBP Budi Santoso, S.I.K., M.H. di lapangan Mapolres.\n\n"
        "“Kami siap. Semua personel sudah dicek,” ujar Budi. Sebanyak 2.162 personel dilibatkan.\n\n"
        "Baca juga: Judul Lain Tanpa Titik\n\n(rls/abc)\n"
    ) * 8
    start = time.perf_counter()
    for _ in range(700):
        split_sentences(article)
    assert time.perf_counter() - start < 2.0


# --- boilerplate ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: Polisi Amankan Tiga Remaja Balap Liar",
        "Baca Juga Warga Gelar Doa Bersama",
        "BACA JUGA  Harga Cabai Turun",
        "Berita Terkait",
        "ADVERTISEMENT",
        "Iklan",
        "iklan adsense",
        "Scroll untuk lanjut membaca",
        "Scroll untuk melanjutkan membaca",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Editor: Siti Aminah",
        "(Editor: Joko)",
        "Penulis: Rahmat",
        "Reporter: Dewi / Editor: Anto",
        "(rls/abc)",
        "(Humas Polres Contoh)",
        "Tag: pilkada, apel, polres",
        "Tags: rakor, KPU",
        "Komentar (3)",
        "Kirim",
        "Bagikan",
        "Share",
        "Ikuti kami di Google News",
        "Simak berita lainnya di kanal WhatsApp kami",
        "--risna--",
        "(Risna)",
        "Foto: Kapolres memeriksa pasukan di lapangan apel.",
        "FOTO: DOK. HUMAS",
        "Foto/Ist",
        "Kapolres menyematkan pita operasi kepada perwakilan personel (FOTO: DOK. HUMAS)",
        "© 2024 Contoh Media. All rights reserved.",
        "Copyright 2024 Contoh Media",
        "Tulis komentar...",
        "BERANDA / DAERAH / KOTA CONTOH",
        "ANTARA/HO-Humas Polres Contoh",
        "Ruas yang wajib ditandai *",
        "2315",
        "×",
        "",
    ],
)
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "Petugas memeriksa foto barang bukti.",
        "Iklan kampanye di luar jadwal akan diturunkan Bawaslu.",
        "Foto kegiatan itu kemudian dibagikan ke grup warga.",
        "Kapolres meminta warga tidak mudah percaya pada iklan lowongan palsu.",
        "Editor surat kabar lokal turut hadir dalam rakor.",
        "Penulis buku sejarah daerah menjadi narasumber.",
        "“Kami siap,” ujar Kapolres AKBP Budi Santoso (45).",
        "Kirim bantuan ke lokasi banjir segera, kata Bupati.",
        "Komentar warga di media sosial beragam.",
        "TNI/Polri siap mengamankan tahapan pilkada.",
        "Share informasi yang benar, bukan hoaks, pesan Kapolres.",
        "Rakor dihadiri 40 peserta (termasuk camat dan kepala desa se-kecamatan yang wilayahnya rawan banjir).",
    ],
)
def test_news_prose_is_not_boilerplate(sentence):
    assert not is_boilerplate(sentence)


def test_split_then_filter_removes_debris():
    text = (
        "Polres Contoh Siagakan Personel\n\nADVERTISEMENT\n\n"
        "Polres Contoh menyiagakan 200 personel. “Kami siap. Semua sudah dicek,” kata Kapolres. (rls/ab)\n\n"
        "Editor: Rina"
    )
    kept = [s.text for s in split_sentences(text) if not is_boilerplate(s.text)]
    assert kept == [
        "Polres Contoh Siagakan Personel",
        "Polres Contoh menyiagakan 200 personel.",
        "“Kami siap. Semua sudah dicek,” kata Kapolres.",
    ]
