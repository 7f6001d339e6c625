"""The Python API checks what it is given, and a record never depends on its batch-mates (issue 20, cases 7 and 9)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from batch_helpers import ARTICLE

from warta import Predictor
from warta.modeling import ModelLoadError
from warta.readers import MAX_CHARS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tiny(tiny_model):
    return Predictor.load(tiny_model)


@pytest.fixture
def one_thread():
    """Many small model calls: one torch thread is faster than two handing off, on a busy machine most of all."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


# --- case 7 -----------------------------------------------------------------------------------------

def test_a_bare_string_is_refused_not_read_per_character(tiny):
    with pytest.raises(TypeError, match=r"wrap one text as \[text\]"):
        tiny.predict(ARTICLE)
    with pytest.raises(TypeError):
        tiny.predict(ARTICLE.encode())


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"]])
def test_non_text_items_raise_type_error_naming_the_index(tiny, bad):
    with pytest.raises(TypeError, match=r"texts\[1\] is "):
        tiny.predict([ARTICLE, bad])
    with pytest.raises(TypeError, match=r"texts\[0\]"):
        tiny.event_probs([bad])


def test_empty_and_oversized_texts_get_error_records_in_place(tiny):
    out = tiny.predict(["", ARTICLE, "x" * (MAX_CHARS + 1), " \n\t", "ok\x00"])
    assert [r.get("error", {}).get("code") for r in out] == ["empty_text", None, "too_long", "empty_text", "binary"]
    assert "scores" in out[1] and "scores" not in out[0]


def test_the_size_limit_holds_before_the_model_runs(tiny, monkeypatch):
    """A 1M-character string once took 3.6 GB: now it is refused without reaching the encoder."""
    monkeypatch.setattr(tiny, "_forward", lambda texts: pytest.fail("the model must not see it"))
    assert tiny.predict(["kata " * 200_000])[0]["error"]["code"] == "too_long"
    with pytest.raises(ValueError, match=r"texts\[0\].*characters"):
        tiny.raw(["kata " * 200_000])
    with pytest.raises(ValueError, match=r"texts\[0\].*empty"):
        tiny.event_probs([""])


def test_any_iterable_of_texts_is_accepted(tiny):
    assert tiny.predict(t for t in [ARTICLE]) == tiny.predict((ARTICLE,)) == tiny.predict([ARTICLE])


# --- case 9 -----------------------------------------------------------------------------------------

def _mates() -> list[str]:
    long = " ".join(f"Kalimat pengisi nomor {i} tentang patroli di jalan raya dan pasar." for i in range(60))
    return ["Apel pagi rutin.", long, ARTICLE * 3, "Warga 99999 memadati jalan; 100% personel bersiaga!" * 4]


@pytest.mark.parametrize("quantize", [True, False], ids=["int8", "fp32"])
def test_a_record_is_the_same_alone_and_in_any_batch_bit_for_bit(tiny_model, quantize, one_thread):
    """Tolerance: none. Every record is computed from its own text only (one article per model call),
    so int8 activation scales cannot come from batch-mates, nor padding from their lengths."""
    p = Predictor.load(tiny_model, quantize=quantize)
    target = ARTICLE + " “Kami siap mengamankan Pilkada,” ujar AKBP Malpa Malacoppo."
    alone = p.predict([target])[0]
    for mates in (_mates(), _mates()[::-1], _mates()[1:2]):
        for pos in (0, len(mates)):
            batch = mates[:pos] + [target] + mates[pos:]
            assert p.predict(batch)[pos] == alone
    raw_alone = p.raw([target])[0]["probs"]
    assert p.raw(_mates() + [target])[-1]["probs"] == raw_alone  # unrounded probabilities too


def test_default_model_scores_do_not_depend_on_batch_mates(one_thread):
    """The shipped model, int8, on real example articles: the case that changed 83 of 250 records."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "examples").glob("*.txt"))]
    p = Predictor.load()
    together = p.raw(texts + texts[:1])
    for i, t in enumerate(texts):
        assert p.raw([t])[0]["probs"] == together[i]["probs"]


# --- safetensors only; torch floor ------------------------------------------------------------------

def test_a_model_folder_with_pickled_weights_only_is_refused(tiny_model, tmp_path):
    folder = tmp_path / "pickled"
    shutil.copytree(tiny_model, folder)
    (folder / "model.safetensors").unlink()
    (folder / "pytorch_model.bin").write_bytes(b"\x80\x04 pickle that must never be loaded")
    with pytest.raises(ModelLoadError, match="safetensors only"):
        Predictor.load(folder)


def test_a_corrupt_safetensors_file_is_a_model_load_error(tiny_model, tmp_path):
    names = sorted(p.name for p in tiny_model.glob("*.safetensors"))
    assert "model.safetensors" in names
    for name in names:
        folder = tmp_path / name
        shutil.copytree(tiny_model, folder)
        data = (folder / name).read_bytes()
        (folder / name).write_bytes(data[: len(data) // 3])
        with pytest.raises(ModelLoadError, match="cannot load"):
            Predictor.load(folder)


def test_inference_code_never_unpickles():
    """model/ reads weights with safetensors only: no torch.load, no pickle, anywhere in it."""
    for path in (ROOT / "model").glob("*.py"):
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"torch\.load\(|import pickle|pickle\.load|joblib", code), path.name


def test_torch_floor_is_where_weights_only_is_the_default():
    """torch 2.6 made torch.load(weights_only=True) the default: anything the stack loads with torch.load stays data."""
    deps = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    major, minor = map(int, re.search(r'"torch>=(\d+)\.(\d+)', deps).groups())
    assert (major, minor) >= (2, 6)
