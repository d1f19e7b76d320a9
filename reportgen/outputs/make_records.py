"""What reportgen keeps between make runs: what each report was made from, which files each quarter's
portfolio draws on, and the problems of a run, kept while they hold.

make decides what is out of date from file times, and file times lie (see
:mod:`reportgen.common.input_files`). So the Makefile only asks whether any input file was added, removed,
renamed, changed in content or given another date (the fingerprint); when one was, each step reads every file
again and decides per report from what the files hold:

- *The record of a step's outputs* (:class:`OutputRecord`): for every file the step wrote, what it was
  made from (the names and digests of the files it draws on, and how it was asked for) and what it
  holds. A report is made again when that differs; a report whose inputs are gone (removed, renamed,
  broken past reading) is removed, since a clean run would not make it. Only files a record lists, as
  a step of reportgen's wrote them (not changed since by anyone else), are ever removed.
- *The portfolio plan*, a make fragment like a compiler's ``.d`` file. A CSV can hold many quarters, so
  only reading the files tells which quarters there are and which files each quarter's portfolio
  draws on. Each quarter's list of input files, with their digests, is kept in a file of its own that
  is rewritten only when it changes: make, which looks at a target's date after running its rule,
  then renders that quarter's portfolio, and no other.
- *The problem record* of a make step. A step that rendered the good accounts is done, and make will
  not run it again until a file changes; the record lets every later run still fail and name the
  broken file (:func:`outstanding`). Every run of a step rewrites its record whole.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from reportgen.common.input_files import digest, write_if_changed
from reportgen.common.problems import Problem
from reportgen.common.writing import atomic_write
from reportgen.model.assessment import Period
from reportgen.model.catalog import Catalog, Catalogs

NO_FILE = "."
"""The place of a problem that concerns no single file (no input at all, a period not found)."""


def _make_word(path: Path | str) -> str:
    """A path as one word in a make rule: spaces, ``#`` and ``$`` escaped."""
    return str(path).replace("$", "$$").replace("#", r"\#").replace(" ", r"\ ")


def write_portfolio_plan(
    plan: Path,
    sources: Mapping[Period, Iterable[Path]],
    catalogs: Catalogs,
    digests: Mapping[Path, str] | None = None,
) -> list[str]:
    """The make fragment: ``PORTFOLIO_QUARTERS`` and, for each quarter, its target ``$(PORTFOLIO)<quarter>``
    with the quarter's list of input files as prerequisite. The list holds each file's digest and the
    catalogs', and is rewritten only when that changes: a file added to a quarter, removed from it,
    renamed or changed in content makes that quarter's portfolio out of date, whatever its date. The
    digests of the files the run read are *digests*, as they were when it read them.

    The quarters the earlier plan had and this one has not (every file of the quarter gone) are
    returned: their portfolios can no longer be made."""
    lines = [
        "# Written by reportgen portfolio --make-deps: the files each quarter's portfolio draws on.",
        "PORTFOLIO_QUARTERS := " + " ".join(str(period) for period in sorted(sources)),
    ]
    known = Digests(digests)
    for period in sorted(sources):
        listing = quarter_inputs_path(plan, str(period))
        text = made_from(sources[period], known, catalogs)
        write_if_changed(listing, text.encode("utf-8", "surrogateescape"))
        lines.append(f"$(PORTFOLIO){period}: {_make_word(listing)}")
    gone = [quarter for quarter in _planned_quarters(plan) if quarter not in {str(p) for p in sources}]
    atomic_write(plan, ("\n".join(lines) + "\n").encode())
    for quarter in gone:
        quarter_inputs_path(plan, quarter).unlink(missing_ok=True)
    return gone


def quarter_inputs_path(plan: Path, quarter: str) -> Path:
    """Where the plan keeps the list of the files the portfolio of *quarter* draws on."""
    return plan.with_name(f"{plan.stem}.{quarter}.inputs")


def quarter_record_path(record: Path, quarter: str) -> Path:
    """The record of what the step of *quarter*'s portfolio made, beside the plan step's *record*; the
    Makefile names it the same way (``$(MADE)/portfolio.$(SCOPE).<quarter>``)."""
    return record.with_name(f"{record.name}.{quarter}")


def _planned_quarters(plan: Path) -> list[str]:
    """The quarters an earlier plan listed (none when there is none)."""
    try:
        text = plan.read_text(encoding="utf-8")
    except OSError:
        return []
    for line in text.splitlines():
        if line.startswith("PORTFOLIO_QUARTERS :="):
            return line.split(":=", 1)[1].split()
    return []


class Digests:
    """The digest of each file, each file read once in a run; those of the files a run read, as they
    were when it read them (:attr:`reportgen.reading.ReadResult.digest`), given."""

    def __init__(self, known: Mapping[Path, str] | None = None) -> None:
        self._known: dict[Path, str] = dict(known or {})

    def __call__(self, path: Path) -> str:
        if path not in self._known:
            self._known[path] = digest(path)
        return self._known[path]


def made_from(files: Iterable[Path], digests: Digests, catalogs: Catalogs, *recipe: str) -> str:
    """What a report is made from, as text: how it was asked for, the catalogs' contents, and each file it
    draws on with its digest. Two runs make the same report exactly when this is the same (the day it
    is made on aside)."""
    lines = [*recipe, *(f"catalog {catalog_digest(c)}" for c in catalogs.found or (catalogs.default,))]
    lines += sorted(f"{digests(path)}  {path}" for path in set(files))
    return "".join(f"{line}\n" for line in lines)


def catalog_digest(catalog: Catalog) -> str:
    """A catalog's contents as a digest: a catalog edited in place changes every report read with it."""
    return hashlib.sha256(catalog.model_dump_json().encode()).hexdigest()


@dataclass(frozen=True)
class Made:
    """A file a make step wrote: a digest of what it was made from (see :func:`made_from`) and of what it
    holds, so that a file changed or replaced since is neither trusted nor removed."""

    inputs: str
    content: str


class OutputRecord:
    """The files one make step wrote into *folder*, kept between its runs (see the module's docstring).

    A run keeps each report an earlier run made from the same inputs (:meth:`keep`), notes each file it
    writes (:meth:`wrote`), and :meth:`close` removes the files of the earlier runs that this one did
    not make, and saves the record. Files are named by their name in *folder*, so that the
    folder may be given another way (relative, absolute) without their being taken for others. The
    records of every step that writes into one folder lie side by side: a file one step made and another
    (another PERIOD or LANGS) made again since is still reportgen's own.
    """

    def __init__(self, path: Path, folder: Path, rebuild: bool = False) -> None:
        self.path = path
        self.folder = folder
        self._rebuild = rebuild
        self._earlier = self._load(path)
        self._now: dict[str, Made] = {}
        self.kept: list[Path] = []
        """The files :meth:`keep` kept, as the run names them."""

    @staticmethod
    def _load(path: Path) -> dict[str, Made]:
        try:
            items = json.loads(path.read_text(encoding="utf-8"))
            return {name: Made(**made) for name, made in items.items()}
        except (OSError, ValueError, TypeError, AttributeError):
            return {}

    def up_to_date(self, output: Path, inputs: str) -> bool:
        """Whether *output* was made from *inputs* by an earlier run and is still as it was written."""
        made = self._earlier.get(output.name)
        if self._rebuild or made is None:
            return False
        return made.inputs == _hashed(inputs) and digest(output) == made.content

    def keep(self, outputs: Iterable[Path], inputs: str) -> bool:
        """Whether an earlier run made each of *outputs* (a report's files, one per language) from
        *inputs*: then they are kept as they are, and noted as kept."""
        outputs = list(outputs)
        if not all(self.up_to_date(output, inputs) for output in outputs):
            return False
        for output in outputs:
            self._now[output.name] = self._earlier[output.name]
        self.kept += outputs
        return True

    def wrote(self, output: Path, inputs: str, data: bytes) -> None:
        self._now[output.name] = Made(_hashed(inputs), hashlib.sha256(data).hexdigest())

    def close(self) -> list[Path]:
        """At the end of a whole run: remove the files earlier runs made that this one did not (their
        inputs are gone, or their report failed), unless changed since by anyone but reportgen, and save
        the record. The files removed are returned."""
        removed = []
        ours = self._written_by_every_step()
        for name, made in self._earlier.items():
            output = self.folder / name
            if name not in self._now and digest(output) in {made.content, *ours.get(name, ())}:
                output.unlink(missing_ok=True)
                removed.append(output)
        self._save(self._now)
        return removed

    def _written_by_every_step(self) -> dict[str, set[str]]:
        """For each file name, what the records beside this one say their steps wrote into it."""
        written: dict[str, set[str]] = {}
        for record in self.path.parent.glob("*"):
            if record != self.path and record.is_file():
                for name, made in self._load(record).items():
                    written.setdefault(name, set()).add(made.content)
        return written

    def interrupted(self) -> None:
        """At the end of a run cut short: save what it wrote and keep the rest, removing nothing, so that
        the next run decides about the reports this one did not reach."""
        self._save({**self._earlier, **self._now})

    def _save(self, made: dict[str, Made]) -> None:
        text = json.dumps({name: asdict(m) for name, m in sorted(made.items())}, ensure_ascii=False, indent=1)
        write_if_changed(self.path, text.encode())


def _hashed(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True)
class RecordedProblem:
    file: str
    """The file as the user named it, or :data:`NO_FILE`."""
    text: str
    """The problem as it was shown, in the run's language."""


def entry(problem: Problem, lang: str) -> RecordedProblem:
    """*problem* as a record keeps it."""
    file = str(problem.place.file) if problem.place is not None else NO_FILE
    return RecordedProblem(file, problem.render(lang))


def write_record(record: Path, problems: Iterable[RecordedProblem]) -> None:
    """Keep a run's problems in *record* for later runs, or remove it when there are none. Every run of a
    step reads every file and tries every report not up to date (a report that failed is never), so its
    problems replace the earlier ones whole."""
    unique = list(dict.fromkeys(problems))
    if unique:
        atomic_write(record, json.dumps([asdict(e) for e in unique], ensure_ascii=False, indent=1).encode())
    else:
        record.unlink(missing_ok=True)


def outstanding(records: Iterable[Path]) -> list[RecordedProblem]:
    """The problems the latest run of each step recorded, each once. They hold until the step runs again,
    which make does as soon as any input file changes in content, appears or goes (not by its date,
    which may lie: a file fixed and copied back with its old date still counts as fixed)."""
    found: list[RecordedProblem] = []
    for record in records:
        try:
            found += [RecordedProblem(**item) for item in json.loads(record.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            continue
    return list(dict.fromkeys(found))
