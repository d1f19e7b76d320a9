"""What reportgen tells make between runs: which files each quarter's portfolio draws on, and the
problems of a run, kept until the file they concern is fixed or removed.

make decides what is out of date from file times alone. Two facts it cannot see are written here:

- *The portfolio plan*, a make fragment like a compiler's ``.d`` file. A CSV can hold many quarters, so
  only reading the files tells which quarters there are and which files each quarter's portfolio
  draws on. Beside the fragment, each quarter's list of input files is kept in a file of its own that
  is rewritten only when the list changes: a file added to or removed from a quarter makes that
  quarter's portfolio out of date, and no other.
- *The problem record* of a make step. A step that rendered the good accounts is done, and make will
  not run it again until a file changes; the record lets every later run still fail and name the
  broken file (:func:`outstanding`), until that file is newer than the record or gone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from reportgen.model import Period
from reportgen.problems import Problem
from reportgen.writing import atomic_write

NO_FILE = "."
"""The place of a problem that concerns no single file (no input at all, a period not found)."""


def _make_word(path: Path | str) -> str:
    """A path as one word in a make rule: spaces, ``#`` and ``$`` escaped."""
    return str(path).replace("$", "$$").replace("#", r"\#").replace(" ", r"\ ")


def quarter_inputs_path(plan: Path, period: Period) -> Path:
    """Where the plan keeps the list of files the portfolio of *period* draws on."""
    return plan.with_name(f"{plan.stem}.{period}")


def write_portfolio_plan(plan: Path, sources: Mapping[Period, Iterable[Path]]) -> None:
    """The make fragment: ``PORTFOLIO_QUARTERS`` and, for each quarter, its target ``$(PORTFOLIO)<quarter>``
    with the input files and the quarter's list of them as prerequisites. Every input also gets an
    empty rule, so that a removed file is no error but makes the quarters that used it out of date."""
    lines = [
        "# Written by reportgen portfolio --make-deps: the files each quarter's portfolio draws on.",
        "PORTFOLIO_QUARTERS := " + " ".join(str(period) for period in sorted(sources)),
    ]
    every_input: set[str] = set()
    for period in sorted(sources):
        files = sorted(str(path) for path in sources[period])
        every_input.update(files)
        listing = quarter_inputs_path(plan, period)
        text = "".join(f"{name}\n" for name in files).encode()
        if not listing.exists() or listing.read_bytes() != text:
            atomic_write(listing, text)
        words = " ".join(_make_word(name) for name in [*files, str(listing)])
        lines.append(f"$(PORTFOLIO){period}: {words}")
    if every_input:
        lines.append(" ".join(_make_word(name) for name in sorted(every_input)) + ":")
    atomic_write(plan, ("\n".join(lines) + "\n").encode())


READING, RENDERING = "reading", "rendering"
"""When a problem arose: reading the files (every run reads them all), or rendering an account."""


@dataclass(frozen=True)
class RecordedProblem:
    file: str
    """The file as the user named it, or :data:`NO_FILE`."""
    text: str
    """The problem as it was shown, in the run's language."""
    stage: str = READING


def entry(problem: Problem, lang: str, stage: str = READING) -> RecordedProblem:
    """*problem* as a record keeps it."""
    file = str(problem.place.file) if problem.place is not None else NO_FILE
    return RecordedProblem(file, problem.render(lang), stage)


def write_record(
    record: Path, problems: Iterable[RecordedProblem], kept_unless_from: Iterable[Path] | None = None
) -> None:
    """Keep a run's problems in *record* for later runs, or remove it when there are none.

    Every run reads every file, so its reading problems replace the earlier ones whole: a problem one
    file caused in another (a reused Account-ID) goes when either file is corrected. A run limited to
    some changed files (make's ``--only-from``) renders only the accounts drawing on them, so, given
    those files as *kept_unless_from*, the earlier rendering failures of other files that still hold
    are kept: a briefing that failed before and was not tried again must not be forgotten.
    """
    entries = list(problems)
    if kept_unless_from is not None:
        tried = {Path(path).resolve() for path in kept_unless_from}
        entries += [
            old
            for old in outstanding([record])
            if old.stage == RENDERING and old.file != NO_FILE and Path(old.file).resolve() not in tried
        ]
    unique = list(dict.fromkeys(entries))
    if unique:
        atomic_write(record, json.dumps([asdict(e) for e in unique], ensure_ascii=False, indent=1).encode())
    else:
        record.unlink(missing_ok=True)


def outstanding(records: Iterable[Path]) -> list[RecordedProblem]:
    """The recorded problems that still hold: their file exists and has not changed since the record
    was written (a changed file is read again by the step that depends on it, which records anew)."""
    found: list[RecordedProblem] = []
    for record in records:
        try:
            written = record.stat().st_mtime_ns
            entries = [RecordedProblem(**item) for item in json.loads(record.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            continue
        for item in entries:
            if item.file == NO_FILE or _unchanged_since(Path(item.file), written):
                found.append(item)
    return list(dict.fromkeys(found))


def _unchanged_since(path: Path, time_ns: int) -> bool:
    try:
        return path.stat().st_mtime_ns <= time_ns
    except OSError:
        return False


def files_with_problems(record: Path) -> list[Path]:
    """The files an earlier run recorded problems for: their accounts are rendered again, since a
    problem may have gone without the file itself changing (the other file of a reused ID changed)."""
    return sorted({Path(entry.file) for entry in outstanding([record]) if entry.file != NO_FILE})
