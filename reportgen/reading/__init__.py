"""The reading stage: assessment files in, validated assessments out
(:class:`~reportgen.model.assessment.Assessment`).

Every problem of a file is collected and reported at once, with its place; an assessment with an error
is never passed on (a workbook with one yields nothing; a CSV export loses only the accounts and
periods that have one), so nothing half-read reaches a report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from reportgen.common.input_files import CSV_SUFFIXES, SUFFIXES
from reportgen.common.problems import Place, Problem, ProblemLog, Severity
from reportgen.model.assessment import Assessment
from reportgen.model.catalog import Catalog, Catalogs, as_catalogs
from reportgen.reading import messages as msg


@dataclass
class ReadResult:
    """What one file gave: its assessments free of errors, and every problem found."""

    path: Path
    assessments: list[Assessment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    digest: str = ""
    """What the file held when it was read (see :func:`reportgen.common.input_files.digest`), taken just
    before, so that a file saved while a run reads it counts as changed for the next run; only for make's
    record (:func:`reportgen.analysis.all_accounts.prepare` with *digested*), empty otherwise."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors


def read_file(path: Path, catalogs: Catalogs | Catalog) -> ReadResult:
    """Everything one file holds, or its problems. A reader that fails in an unforeseen way becomes a
    problem of this file too: one bad file never takes a batch down. Each assessment is read with the
    catalog it names when *catalogs* hold it, else with their default (a single catalog: with that)."""
    from reportgen.reading.tables import summarise_score_words

    log = ProblemLog()
    try:
        assessments = _dispatch(path, as_catalogs(catalogs), log)
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:
        log.error(Place(path), msg.READ_CRASHED, kind=type(exc).__name__)
        assessments = []
    # Readers return only assessments free of errors: a workbook with one is left out whole, a CSV export
    # loses only the accounts and periods that have one.
    saved = _saved(path)
    assessments = [replace(assessment, saved=saved) for assessment in assessments]
    problems = sorted(log.problems, key=lambda problem: _reading_order(problem, log.sheet_order))
    problems = summarise_score_words(problems)
    return ReadResult(path, assessments, problems)


def _saved(path: Path) -> datetime | None:
    """When the file was last saved (local time, as a file manager shows it)."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def _reading_order(problem: Problem, sheets: list[str]) -> tuple[int, str, int, int]:
    """File-level problems first, then sheet by sheet in the workbook's order, row by row, column by
    column."""
    place = problem.place
    if not place.sheet:
        sheet = 0
    else:
        sheet = sheets.index(place.sheet) + 1 if place.sheet in sheets else len(sheets) + 1
    match = re.fullmatch(r"([A-Z]+)(\d+)", place.cell or "")
    if not match:
        return (sheet, place.sheet or "", 0, 0)
    column = 0
    for letter in match[1]:
        column = column * 26 + ord(letter) - 64
    return (sheet, place.sheet or "", int(match[2]), column)


def _dispatch(path: Path, catalog: Catalogs, log: ProblemLog) -> list[Assessment]:
    from reportgen.reading.longcsv import read_long_csv
    from reportgen.reading.safety import check_file
    from reportgen.reading.workbook import read_workbook

    place = Place(path)
    if not path.is_file():
        log.error(place, msg.FILE_NOT_FOUND)
        return []
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        log.error(place, msg.UNSUPPORTED_TYPE, suffix=path.suffix or path.name)
        return []
    if path.stat().st_size == 0:
        log.error(place, msg.EMPTY_FILE)
        return []
    if not check_file(path, log):
        return []
    if suffix in CSV_SUFFIXES:
        return read_long_csv(path, catalog, log)
    return read_workbook(path, catalog, log)
