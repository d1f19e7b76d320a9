"""The writing stage: safe file names and atomic writes, so no half-written PDF is ever left behind."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

_TRANSLITERATE = str.maketrans({
    "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS",
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
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
    """Write *data* to a temporary file beside *path*, flush it to disk, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=PART, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
