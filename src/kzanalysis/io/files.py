"""Reading seed texts exactly, and writing every output atomically.

Seeds are decoded from bytes with strict UTF-8 and no newline translation, so that
offsets are Python ``str`` indices into the file as stored (CRLF stays two characters).
Writes go to a temporary file in the same folder and are renamed into place, so a build
that is killed mid-way never leaves a half-written output.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from kzanalysis.io.errors import DataError, Problem
from kzanalysis.io.paths import layout, relative

#: Largest seed accepted, in bytes. A news article is ~10 kB; 20 MB leaves room for long
#: reports while keeping one document's processing well under a second and its memory small.
MAX_SEED_BYTES = 20_000_000


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def seed_problems(path: Path, data: bytes | None = None) -> list[Problem]:
    """Problems that make a file unusable as a seed text (empty, binary, not UTF-8, BOM, too large).

    ``data`` may be passed when the bytes are already read.
    """
    name = relative(path)
    if data is None:
        if not path.is_file():
            return [Problem(name, None, None, "file not found")]
        size = path.stat().st_size
        if size > MAX_SEED_BYTES:
            return [Problem(name, None, None,
                            f"file is {size:,} bytes; a seed may be at most {MAX_SEED_BYTES:,} bytes")]
        data = path.read_bytes()
    if len(data) > MAX_SEED_BYTES:
        return [Problem(name, None, None,
                        f"file is {len(data):,} bytes; a seed may be at most {MAX_SEED_BYTES:,} bytes")]
    if not data.strip():
        return [Problem(name, None, None, "file is empty (a seed must contain text)")]
    if data.startswith(b"\xef\xbb\xbf"):
        return [Problem(name, 1, None,
                        "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM "
                        "(the mark would shift every offset by one)")]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return [Problem(name, line, None, "file contains NUL bytes: it is binary, not text")]
    try:
        data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [Problem(name, line, None,
                        f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte offset {exc.start}); "
                        "re-save the file as UTF-8 (is it Latin-1 or Windows-1252?)")]
    return []


def read_seed_text(path: Path) -> str:
    """The text of a seed exactly as stored: strict UTF-8, no newline translation.

    Raises ``DataError`` naming the file (and line) if it is missing, empty, binary,
    not UTF-8, starts with a BOM or exceeds ``MAX_SEED_BYTES``.
    """
    path = Path(path)
    problems = seed_problems(path)
    if problems:
        raise DataError(problems)
    return path.read_bytes().decode("utf-8")


def write_bytes_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` via a temporary file and rename; return True if the file changed.

    An unchanged file is not rewritten (its modification time stays), so a rebuild that
    changes nothing touches nothing.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.read_bytes() == data:
        return False
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete temporary files (``.name.XXXX.tmp``) a killed build left in ``folder``; return them."""
    folder = Path(folder)
    stale = sorted(folder.glob(".*.tmp")) if folder.is_dir() else []
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def write_text_atomic(path: Path, text: str) -> bool:
    """Write UTF-8 ``text`` atomically (``\\n`` line endings kept as given)."""
    return write_bytes_atomic(path, text.encode("utf-8"))


#: Folders under ``data/`` that a copy of the inputs leaves out: rebuilt, backups, review files.
NOT_INPUTS = ("derived", "backup", "candidates", "__pycache__", ".ipynb_checkpoints")


def copy_inputs(root: Path, target: Path, notebooks: bool = False) -> None:
    """Copy the project's inputs (``seeds/``, curated ``data/``, ``datapackage.json``) into ``target``.

    With ``notebooks``, ``notebooks/`` is copied too. Used wherever a command or a test works
    on a temporary copy of the project (``verify``, staged validation of ``add``/``accept``).
    """
    ignore = shutil.ignore_patterns(*NOT_INPUTS)
    shutil.copytree(layout(root).seeds, layout(target).seeds, ignore=ignore)
    shutil.copytree(layout(root).data, layout(target).data, ignore=ignore)
    shutil.copy2(layout(root).package, layout(target).package)
    if notebooks:
        shutil.copytree(layout(root).notebooks, layout(target).notebooks, ignore=ignore)
