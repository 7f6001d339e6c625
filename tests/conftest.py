"""Shared fixtures: a tiny tokenizer and encoder built in-process (seconds, no downloads)."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent

PLACES = ["Kendari", "Makale", "Palopo", "Bone", "Sleman", "Malang", "Sorong", "Ambon", "Pontianak", "Padang"]
NAMES = ["AKBP Malpa Malacoppo", "Kombes Pol Aris Tri", "AKP Yayat Sudrajat", "Letkol Inf Roland Sitorus"]
EVENTS = {
    "rakor": "menggelar rakor lintas sektoral kesiapan Operasi Mantap Praja",
    "apel_gelar_pasukan": "menggelar apel gelar pasukan Operasi Mantap Praja di lapangan",
    "simulasi_sispam_kota": "menggelar simulasi sispamkota di depan kantor KPU",
}
FILLER = ("warga pasar jalan desa kecamatan kabupaten sekolah masjid gereja pelabuhan terminal bandara "
          "sawah kebun nelayan pedagang mahasiswa pemuda tokoh adat agama relawan posko logistik kotak "
          "suara surat tinta gudang truk kapal motor hujan banjir jembatan listrik sinyal internet").split()
OTHER = ["menangkap pelaku curanmor di pasar", "menggelar rakor pengendalian inflasi daerah", "melaksanakan apel pagi rutin"]


def synth_article(i: int, labels: list[str]) -> dict:
    """A small synthetic article whose labels follow from its event phrases (tests only)."""
    rng = random.Random(i)
    place, name = rng.choice(PLACES), rng.choice(NAMES)
    body = [f"{place.upper()} – Polres {place} " + (EVENTS[lab] if lab else rng.choice(OTHER)) + f", Senin ({i % 28 + 1}/8/2024)." for lab in (labels or [None])]
    quote = f"Kami siap mengamankan wilayah {place} nomor {i}"
    filler = " ".join(rng.choice(FILLER) + str(rng.randint(0, 99)) for _ in range(40))
    text = "\n".join(body) + f"\n“{quote},” ujar {name}.\nCatatan {filler}."
    start = text.index(quote)
    cue_start = text.index("ujar", start)
    return {
        "id": f"t-{i:03d}",
        "title": f"Berita {place} {i}",
        "text": text,
        "labels": labels,
        "quotes": [{"start": start, "end": start + len(quote), "text": quote, "type": "direct",
                    "cue": {"start": cue_start, "end": cue_start + 4, "text": "ujar"},
                    "speaker_mention": {"start": cue_start + 5, "end": cue_start + 5 + len(name), "text": name},
                    "speaker": name, "speaker_role": ""}],
        "summary": body[0],
        "meta": {"region": "Sulawesi Selatan", "date": "2024-08-12", "outlet": "online", "group": f"t-{i:03d}",
                 "kind": "positive" if labels else ("hard_negative" if i % 2 else "negative")},
    }


def synth_split(start: int, n: int) -> list[dict]:
    cycle = [["rakor"], ["apel_gelar_pasukan"], ["simulasi_sispam_kota"], ["apel_gelar_pasukan", "simulasi_sispam_kota"], []]
    return [synth_article(start + k, cycle[k % len(cycle)]) for k in range(n)]


def write_split(folder: Path, name: str, records: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


@pytest.fixture(scope="session")
def tiny_data(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("data")
    write_split(d, "train", synth_split(0, 30))
    write_split(d, "dev", synth_split(100, 10))
    write_split(d, "test", synth_split(200, 10))
    return d


@pytest.fixture(scope="session")
def tiny_encoder(tmp_path_factory, tiny_data) -> Path:
    """A 2-layer, hidden-32 BERT with a ~300-piece SentencePiece tokenizer, saved as an HF folder."""
    from warta_training.corpus import load_split
    from warta_training.pretrain import PretrainConfig, pretrain
    from warta_training.pretrain_corpus import article_paragraphs
    from warta_training.tokenizer import make_tokenizer, train_sentencepiece

    lines = article_paragraphs(load_split(tiny_data, "train")) * 3
    tok = make_tokenizer(train_sentencepiece(lines, 300, lowercase=False), lowercase=False)
    out = tmp_path_factory.mktemp("enc") / "encoder"
    cfg = PretrainConfig(hidden=32, layers=2, heads=2, intermediate=64, max_len=64, batch_size=8, epochs=1, max_position=128)
    pretrain(tok, lines, out, cfg, progress=False)
    return out


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, tiny_encoder, tiny_data) -> Path:
    """A tiny multi-task warta checkpoint trained in-process on the synthetic corpus."""
    from warta.labels import EVENT_LABELS
    from warta_training.train import TrainArgs, train

    out = tmp_path_factory.mktemp("model") / "warta"
    args = TrainArgs(base_model=str(tiny_encoder), data=str(tiny_data), out=str(out), epochs=3, batch_size=4,
                     lr=1e-3, head_lr=3e-3, max_len=64, stride=48, patience=5,
                     real_dir=str(tmp_path_factory.mktemp("no-pool")))  # authored only: no real pages, no IndoSum
    result = train(args, progress=False)
    assert set(result["thresholds"]) == set(EVENT_LABELS)
    return out
