"""What a rendering command made, and the one step by which every file it makes is published."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.commands.console import EXIT_NOTHING_DONE, EXIT_OK, EXIT_READER_GONE, EXIT_SOME_FAILED, Stop
from reportgen.common.problems import Problem, Severity
from reportgen.common.settings import STANDARD_OUTPUT
from reportgen.common.writing import atomic_write
from reportgen.reading import ReadResult

if TYPE_CHECKING:
    from reportgen.outputs.make_records import OutputRecord


@dataclass
class BatchResult:
    """The files read, the files written and the problems met: what the summary says and make records."""

    files: list[ReadResult] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    """Files an earlier make run wrote from the same inputs, left as they are."""
    removed: list[Path] = field(default_factory=list)
    """Files an earlier make run wrote whose inputs are gone, removed as a clean run would not make them."""
    render_problems: list[Problem] = field(default_factory=list)
    rendered_accounts: int = 0

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems] + self.render_problems

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def failed_files(self) -> list[Path]:
        failed = {f.path for f in self.files if not f.ok}
        failed |= {p.place.file for p in self.render_problems if p.place is not None}
        return sorted(failed)

    @property
    def exit_code(self) -> int:
        """0: all good; 1: some accounts failed; 2: nothing could be done."""
        if not self.errors:
            return EXIT_OK
        return EXIT_SOME_FAILED if self.written or self.kept else EXIT_NOTHING_DONE


@contextmanager
def outputs_recorded(
    record: Path | None, folder: Path, rebuild: bool, batch: BatchResult
) -> Iterator[OutputRecord | None]:
    """For make: the record of what the step made (see :class:`reportgen.outputs.make_records.OutputRecord`),
    or None outside make. A run that ends normally removes the files of its reports that are gone, and
    notes in *batch* those and the ones it kept; one cut short removes nothing."""
    if record is None:
        yield None
        return
    from reportgen.outputs.make_records import OutputRecord

    outputs = OutputRecord(record, folder, rebuild)
    try:
        yield outputs
    except BaseException:
        outputs.interrupted()
        raise
    batch.kept = outputs.kept
    batch.removed = outputs.close()


def _unannounced(path: Path) -> None:
    """Says nothing (a test or benchmark publishing files)."""


@dataclass
class Publisher:
    """Publishes a command's files into its result: each is written atomically (no half-written file is
    ever seen), counted for the summary and make, and announced (its path on standard output); or its
    data is streamed to standard output."""

    result: BatchResult
    announce: Callable[[Path], None] = _unannounced

    def __call__(self, target: Path, data: bytes) -> None:
        atomic_write(target, data)
        self.result.written.append(target)
        self.announce(target)

    def stream(self, data: bytes) -> None:
        """Write *data*, made whole beforehand, to standard output and count it. It is not announced:
        a path among the data would spoil it for the reader. A reader that stops early (``| head``)
        ends the command quietly."""
        if sys.stdout is None:  # closed before the command started (>&-): no reader at all
            raise Stop(EXIT_READER_GONE)
        try:
            _write_all(data)
        except BrokenPipeError:
            _discard_standard_output()
            raise Stop(EXIT_READER_GONE) from None
        self.result.written.append(Path(STANDARD_OUTPUT))  # named as --out names it


def _write_all(data: bytes) -> None:
    """Write *data* to standard output up to its last byte: a pipe whose reader goes away takes a part
    without complaint, and only the next write says it is closed."""
    rest = memoryview(data)
    while rest:
        rest = rest[sys.stdout.buffer.write(rest) :]
    sys.stdout.flush()


def _discard_standard_output() -> None:
    """Point standard output at the null device, so that Python, flushing what is left of it as it
    exits, does not print "Exception ignored … BrokenPipeError" (as the Python documentation advises
    for SIGPIPE)."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
