"""Where `warta predict -o OUT` may write, the lock that makes it the only writer, and records as UTF-8 lines.

All checks run before the model is loaded or any input read, so a wrong `-o` costs nothing.
"""

from __future__ import annotations

import json
import os
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .readers import SUFFIX_FORMAT, printable


class OutputError(Exception):
    """`-o` names something warta must not or cannot write; the message is for the user."""


def _show(path: Path | str) -> str:
    return printable(str(path))


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                       (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def check_output(out: Path, inputs: list[str]) -> None:
    """Refuse an OUT that is a folder, a device, a pipe, a symlink, one of the inputs or where a
    rerun would read it as input; and an output folder that is missing or not a folder.

    Why refuse rather than follow a symlink or write into a device: OUT is replaced by rename when
    the run completes, which would silently swap a symlink (or /dev/null) for a plain file.
    """
    parent = out.parent
    if not parent.is_dir():
        raise OutputError(f"output folder {_show(parent)} does not exist" if not parent.exists() else f"{_show(parent)} is not a folder")
    try:
        st = out.lstat()
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError(f"cannot use -o {_show(out)}: {e.strerror}") from e
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise OutputError(f"-o {_show(out)} is a symbolic link; name the file it points to, or another path")
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"-o {_show(out)} is {_kind(st.st_mode)}, not a file warta may replace")
    _check_not_an_input(out, st, inputs)


def _check_not_an_input(out: Path, st: os.stat_result | None, inputs: list[str]) -> None:
    real = out.parent.resolve() / out.name
    for inp in inputs:
        if inp == "-":
            try:
                same = st is not None and os.path.samestat(os.fstat(0), st)
            except OSError:  # stdin closed: reported elsewhere
                same = False
            if same:
                raise OutputError(f"-o {_show(out)} is the file on stdin: it would be replaced by its own predictions")
            continue
        src = Path(inp)
        try:
            if st is not None and src.exists() and os.path.samestat(src.stat(), st):
                raise OutputError(f"-o {_show(out)} is the input {_show(inp)}: it would be replaced by its own predictions")
            if src.is_dir() and real.is_relative_to(src.resolve()) and out.suffix.lower() in SUFFIX_FORMAT:
                raise OutputError(f"-o {_show(out)} lies inside the input folder {_show(inp)}, where the next run would read "
                                  "it as input; write it elsewhere")
        except OSError:  # an input that cannot be looked at becomes an error record later
            continue


def sidecar(out: Path, suffix: str) -> Path:
    return out.with_name(out.name + suffix)


class Locked(OutputError):
    """Another process holds the lock on OUT."""


@contextmanager
def exclusive_lock(out: Path) -> Iterator[Path]:
    """Hold an exclusive lock on OUT (through OUT.lock) for the whole run; a second run refuses at once.

    flock on a lock file rather than on OUT itself, because OUT and OUT.partial are replaced by
    rename. The lock file is removed on release; a run that opened it just before that removal
    sees another inode at the path and tries again, so two runs never both hold a lock.
    The kernel drops the lock when the process dies, so a kill -9 never leaves OUT locked.
    """
    import fcntl

    path = sidecar(out, ".lock")
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as e:
            raise OutputError(f"cannot write in output folder {_show(out.parent)}: {e.strerror}") from e
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            os.close(fd)
            raise Locked(f"another warta predict is writing {_show(out)} (it holds {_show(path)}); wait for it to finish") from e
        try:
            if os.path.samestat(os.fstat(fd), os.stat(path)):
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


def record_line(rec: dict) -> bytes:
    """One JSON line as UTF-8 bytes. Ids and messages are made valid Unicode upstream (readers.printable);
    should any other string still hold an unpaired surrogate, that record is written with JSON's
    \\u escapes, so the file stays valid UTF-8 whatever the input was."""
    try:
        return (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(rec, ensure_ascii=True) + "\n").encode("ascii")


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (best effort: some file systems cannot open folders)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
