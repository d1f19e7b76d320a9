"""Which files a run reads, and what they hold: the files found in a folder, and their content digests.

make decides what is out of date by file times, and file times lie: a workbook copied with ``cp -p``,
unpacked from an e-mail's zip or checked out by git keeps an old date, and an edited file may keep its
date too. So a batch run does not trust them. It compares what the files *hold*, as a digest, with
what they held when each report was made (see :mod:`reportgen.outputs.make_records`).

Run as ``python -m reportgen.common.input_files FINGERPRINT INPUT… --criteria CRITERIA`` it writes the
fingerprint of every input and catalog file (digest, date and path, one a line), but only when it changed, so
that make, which looks at the fingerprint's date after running the rule, goes on to the reports only when a
file was added, removed, renamed, changed in content or given another date (a date decides which of one
rater's two copies counts; the steps then read the files again, and make again only the reports whose
inputs differ). It needs nothing but the standard library, so that a make run with nothing to do
returns at once.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path

from reportgen.common.writing import atomic_write

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".ods", ".xls", ".xlsb"})
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
SUFFIXES = WORKBOOK_SUFFIXES | CSV_SUFFIXES
CATALOG_SUFFIXES = (".yaml", ".yml")


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the assessment files in given folders (sorted; hidden and lock files skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.iterdir()
                    if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith((".", "~$"))
                )
            )
        else:
            found.append(path)
    return found


def catalog_files(path: Path) -> list[Path]:
    """The catalog *path* names: itself, or every catalog in the folder."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in CATALOG_SUFFIXES and p.is_file())
    return [path]


def digest(path: Path) -> str:
    """What the file holds, as a SHA-256 in hex; ``-`` for a file that cannot be read (it is then said by
    the run that reads it, and a file that becomes readable again changes the digest)."""
    hashed = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                hashed.update(block)
    except OSError:
        return "-"
    return hashed.hexdigest()


def fingerprint(inputs: Iterable[Path], criteria: Iterable[Path] = ()) -> str:
    """Each input and catalog file with its digest and its date, one a line: the same text exactly when
    the same files hold the same contents under the same names, with the same dates. The date is there
    only because it decides which of one rater's two files of a quarter counts, when both were assessed
    on the same day: a run then reads the files again, and makes only the reports whose files changed."""
    files = [*collect_inputs(inputs), *(file for path in criteria for file in catalog_files(path))]
    return "".join(f"{digest(file)}  {_saved(file)}  {file}\n" for file in files)


def _saved(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write *data* to *target* unless it holds it already, so that its date says when it last changed
    (make then remakes only what depends on a file that did); whether it was written."""
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write(target, data)
    return True


def main(arguments: list[str]) -> int:
    """``FINGERPRINT INPUT… [--criteria PATH…]``: write the fingerprint when it changed."""
    target, *rest = arguments
    inputs = rest[: rest.index("--criteria")] if "--criteria" in rest else rest
    criteria = rest[rest.index("--criteria") + 1 :] if "--criteria" in rest else []
    text = fingerprint(map(Path, inputs), map(Path, criteria))
    write_if_changed(Path(target), text.encode("utf-8", "surrogateescape"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
