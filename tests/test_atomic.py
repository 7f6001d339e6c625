"""Atomic writes: old content survives a failed write, and published files are readable by others."""

import os
import stat

import pytest

from warta.atomic import atomic_dir, write_text_atomic


def test_write_text_atomic_replaces_and_uses_umask(tmp_path):
    target = tmp_path / "out.json"
    write_text_atomic(target, "one")
    write_text_atomic(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_atomic_dir_failure_keeps_old_checkpoint(tmp_path):
    ckpt = tmp_path / "ckpt"
    with atomic_dir(ckpt) as tmp:
        (tmp / "weights").write_text("v1")
    with pytest.raises(RuntimeError):
        with atomic_dir(ckpt) as tmp:
            (tmp / "weights").write_text("half")
            raise RuntimeError("killed mid-save")
    assert (ckpt / "weights").read_text() == "v1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ckpt"]
    assert stat.S_IMODE(ckpt.stat().st_mode) & 0o055 == 0o055 & ~_mask()


def _mask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
