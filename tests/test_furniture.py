"""Page furniture is blanked without moving a character, and story text is never blanked."""

from warta.furniture import mask_furniture

STORY = ("KUPANG – Polda NTT menggelar rapat koordinasi lintas sektoral pengamanan Pilkada, Kamis (1/8/2024).\n"
         "“Forum ini untuk menyamakan langkah,” ujar Wakapolda.\n")


def blanked(text: str) -> list[str]:
    """The non-empty lines that mask_furniture removed."""
    return [a.strip() for a, b in zip(text.split("\n"), mask_furniture(text).split("\n")) if a.strip() and not b.strip()]


def test_related_headline_block_after_a_marker_is_blanked_and_offsets_kept():
    text = STORY + "Baca Juga:\n- Nelayan Sikka Diminta Hentikan Bom Ikan\n- Irwasda Sambangi SMA Negeri 1 Kupang\n" + STORY
    out = mask_furniture(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert blanked(text) == ["Baca Juga:", "- Nelayan Sikka Diminta Hentikan Bom Ikan", "- Irwasda Sambangi SMA Negeri 1 Kupang"]
    assert out.startswith(STORY) and out.endswith(STORY)


def test_marker_line_with_its_headline_and_plain_headlines_after_it():
    text = STORY + "BACA JUGA  Kasi Pers Korem Pimpin Pakta Integritas\n" + STORY
    assert blanked(text) == ["BACA JUGA  Kasi Pers Korem Pimpin Pakta Integritas"]
    text = STORY + "BERITA TERKAIT\nPolres Pinrang Gelar Rakor Lintas Sektoral\nPetani Pangsid Mulai Tanam Padi\n" + STORY
    assert blanked(text) == ["BERITA TERKAIT", "Polres Pinrang Gelar Rakor Lintas Sektoral", "Petani Pangsid Mulai Tanam Padi"]


def test_block_stops_at_the_first_sentence():
    text = "Baca juga:\nHarga Gabah Bertahan\nPersonel disiagakan di 40 pos pengamanan.\n"
    assert blanked(text) == ["Baca juga:", "Harga Gabah Bertahan"]


def test_trailing_headlines_and_widgets_are_blanked():
    text = STORY + "Tinggalkan Balasan\n\nPolda NTT Kawal Prosesi Laut di Larantuka\n\nTiga Kapal Polairud Siaga di Selat Flores\n"
    assert blanked(text) == ["Tinggalkan Balasan", "Polda NTT Kawal Prosesi Laut di Larantuka", "Tiga Kapal Polairud Siaga di Selat Flores"]


def test_story_text_is_left_alone():
    # one headline-shaped line at the end is a sign-off or a broken line, not a related-stories list
    text = STORY + "Rakor dipimpin langsung Kapolres Purwakarta AKBP Lilik\n"
    assert mask_furniture(text) == text
    # a long paragraph that ends in a photo credit is story, even though the summarizer skips it
    long_line = "Kapolres memimpin apel gelar pasukan yang diikuti 400 personel gabungan TNI, Polri dan Satpol PP di alun-alun (Foto: Humas)"
    assert mask_furniture(STORY + long_line) == STORY + long_line
    # a quotation is never a headline
    text = STORY + "Baca juga:\n“Kami siap mengamankan seluruh tahapan”\n"
    assert blanked(text) == ["Baca juga:"]


def test_a_text_made_only_of_headlines_is_read_as_given():
    text = "Polres Bone Gelar Rakor Lintas Sektoral\nApel Gelar Pasukan Operasi Mantap Praja di Bone\n"
    assert mask_furniture(text) == text


def test_no_annotated_span_of_the_corpus_is_blanked():
    """Over every article we wrote (about 60% carry furniture), no quote, cue or speaker mention is touched."""
    import json
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data"
    touched, changed, n = [], 0, 0
    for split in ("train", "dev", "test"):
        for line in (data / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            text, out = rec["text"], mask_furniture(rec["text"])
            n, changed = n + 1, changed + (out != text)
            for q in rec["quotes"]:
                for part in (q, q.get("cue"), q.get("speaker_mention")):
                    if part and out[part["start"] : part["end"]] != text[part["start"] : part["end"]]:
                        touched.append((rec["id"], part["text"]))
    assert touched == []
    assert changed > n // 3  # the check means something only if furniture was found and blanked
