"""Writing files safely: safe file names and atomic writes, so no half-written PDF is ever left behind."""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from pathlib import Path

_TRANSLITERATE = str.maketrans({
    "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS",
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
    "ı": "i", "İ": "I",
})  # fmt: skip
MAX_SLUG = 60
PART = ".part"


def slugify(text: str) -> str:
    """``Kessler & Söhne Baustoffe KG`` → ``kessler-soehne-baustoffe-kg``: ASCII, no separators, bounded."""
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE)).encode("ascii", "ignore").decode()
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or "account"


def safe_stem(account_name: str, period: str) -> str:
    return f"{slugify(account_name)}_{slugify(period).upper()}"


def atomic_write(path: Path, data: bytes) -> None:
    """Write *data* to a temporary file beside *path*, flush it to disk, then rename it into place.

    The file gets the permissions of any newly created file (0666 less the umask, or what the folder's
    default ACL says), so colleagues on a shared drive can open it. The kernel applies them when the
    temporary file is created, as it does for ``open(path, "w")``: nothing reads the umask, which
    could only be done by changing it for every thread of the process. A replaced file does not keep
    its old permissions, so files an earlier version wrote as 0600 are opened up on the next run.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = _create_temporary(path)
    except OSError as error:
        raise NotWritten(path, error) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise NotWritten(path, error) from error
        raise


class NotWritten(OSError):
    """*path* could not be written, for the system's reason *error* (its ``errno`` is kept). Wherever the
    write failed – making the folder, creating the temporary file, writing, renaming – the error names the
    file that was to be written (its ``filename``), so that the message can name it and its folder;
    nothing half-written is left behind, and the file as it was before is untouched."""

    def __init__(self, path: Path, error: OSError):
        super().__init__(error.errno, error.strerror, str(path))


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new, empty file beside *path*, named so that :func:`remove_stale_parts` knows its process.

    Unlike :func:`tempfile.mkstemp`, which always creates mode 0600, it asks for 0666 and leaves the
    rest to the umask.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        temporary = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{PART}"
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue


def remove_stale_parts(folder: Path) -> list[Path]:
    """Delete temporary files that an interrupted run left behind (their process is gone)."""
    removed = []
    if not folder.is_dir():
        return removed
    for part in folder.glob(f".*{PART}"):
        match = re.search(r"\.(\d+)\.[^.]+\.part$", part.name)
        if match and _alive(int(match[1])):
            continue
        part.unlink(missing_ok=True)
        removed.append(part)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
