"""The figures for analysts as pandas DataFrames, and the reports as bytes: ``reportgen.load(…)``.

A notebook or a script reads the same files the command line reads, with the same catalogs and rules, and
gets the export's tables with their columns typed by their :class:`~reportgen.outputs.export.schema.Kind`:
the period as a quarterly ``Period``, zones and other fixed sets as categories, numbers and flags as
nullable types, an empty cell as a missing value. A broken file keeps its problems in ``problems``, as
data, and the good files still give their accounts.

This is the only module that imports pandas; ``reportgen`` imports it when ``reportgen.load`` is first
used, so that the command line never pays for pandas.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from reportgen.analysis.all_accounts import AllAccounts
from reportgen.analysis.indices import zone_ids
from reportgen.commands.jobs import Rendered, Worker
from reportgen.commands.run import BAD_PERIOD, catalogs_at, missing_inputs, period_named
from reportgen.common.i18n import LANGUAGES, N_, message_language
from reportgen.common.problems import Message, Problem, ProblemsFound, display_path
from reportgen.common.settings import EDITIONS, EVERY_LANGUAGE, INTERNAL_EDITION, PDF, PPTX, Settings, made_on
from reportgen.model.assessment import Period
from reportgen.model.catalog import Catalogs
from reportgen.model.findings import AccountAnalysis
from reportgen.outputs.export.schema import Column, Kind, column_names
from reportgen.outputs.export.tables import TABLES

PathLike = str | os.PathLike
PeriodLike = str | pd.Period | Period

QUARTERS = "Q-DEC"
"""Calendar quarters, as pandas names them."""
DATES = "datetime64[s]"
"""One unit for dates, whatever the dates and the pandas version, so that tables concatenate and compare;
seconds, since nanoseconds end in 2262 and a workbook may say 31.12.9999 for "no end"."""
DTYPES = {Kind.TEXT: "string", Kind.WHOLE: "Int64", Kind.NUMBER: "Float64", Kind.FLAG: "boolean"}
"""The pandas dtype of each kind of column that needs nothing but its name (the others: see _typed)."""
PROBLEM_PLACE = ("file", "sheet", "cell")
SPANS_QUARTERS = Message(
    N_("{value} runs from {start} to {end}, across more than one quarter."),
    N_("Give a quarter, or a month or a day within one."),
)
SEVERAL_ACCOUNTS = Message(
    N_('Several accounts have the name "{account}" in {period}.'), N_("Give the account's ID instead.")
)


class InputError(ValueError):
    """What keeps a load or a report from being made: no input, a broken catalog, a period that is none
    or has no assessment, an account that is not there.

    It is a `ValueError`. Its text says why and how to fix it, in the language of the load, as the
    command line says it; `problems` holds the same as data (each with its place and message), for a
    program that handles them itself."""

    def __init__(self, problems: list[Problem], lang: str):
        super().__init__("\n".join(problem.render(lang) for problem in problems))
        self.problems = problems


def load(
    paths: PathLike | Iterable[PathLike],
    criteria: PathLike | None = None,
    period: PeriodLike | None = None,
    lang: str = EVERY_LANGUAGE,
) -> Dataset:
    """Read and analyse every assessment in *paths*, with the same catalogs and checks as the command line.

    A broken file does not stop the load: its problems are rows of `Dataset.problems`, and the other
    files' accounts are in the tables.

    Args:
        paths: Files or folders, as `reportgen export` takes them.
        criteria: A catalog file, or a folder of catalogs (default: the catalogs in `criteria/`).
        period: Only this quarter in the tables: `"2026-Q3"`, any form a workbook's period may have
            (`"Q3/26"`, `"3. Quartal 2026"`), or a pandas `Period` within one calendar quarter. Every
            file is still read, since earlier quarters give the reports their history.
        lang: `"de"`, `"en"` or `"all"` (the default): the language of names, titles and problems. Each
            such text has a column per language, as in the export.

    Returns:
        The tables of what was read, and the reports made from them.

    Raises:
        InputError: A path does not exist, or nothing can be read at all (no assessment file, a broken
            catalog, a period that is none).
    """
    from reportgen.analysis.all_accounts import prepare
    from reportgen.analysis.selection import period_problem

    languages = _languages(lang)
    said_in = message_language(lang)
    wanted = _period(period, said_in) if period is not None else None
    inputs = [Path(paths)] if isinstance(paths, str | os.PathLike) else [Path(p) for p in paths]
    if not inputs:
        raise ValueError("paths must name at least one file or folder")
    gone = missing_inputs(inputs)
    if gone:  # a mistyped path, said as the command line says it
        raise InputError(gone, said_in)
    day = made_on()
    try:
        workload = prepare(inputs, catalogs_at(Path(criteria) if criteria is not None else None), day)
    except ProblemsFound as found:
        raise InputError(found.problems, said_in) from None
    missing = period_problem(workload, wanted) if wanted is not None else None
    return Dataset(workload, wanted, languages, said_in, day, [missing] if missing else [])


class Dataset:
    """Every assessment read, as tables, and the reports made from them: what `reportgen.load` returns.

    The tables are the export's, column for column (the user guide's page *Export* says what each column
    means): one row per account and period (`accounts`), per factor (`factors`), per rating as its rater
    gave it (`ratings`) and per action (`actions`); `problems` lists what was found wrong in the files.
    Each table is made when first asked for.
    """

    def __init__(
        self,
        workload: AllAccounts,
        period: Period | None,
        languages: tuple[str, ...],
        said_in: str,
        day: date,
        problems: list[Problem],
    ):
        self._workload = workload
        self._period = period
        self.languages = languages
        """The languages of the names, titles and messages: a column for each."""
        self._said_in = said_in
        self._day = day
        self._run_problems = problems
        self._analyses = workload.of_period(period)

    @property
    def period(self) -> pd.Period | None:
        """The quarter the tables are limited to; None: they hold every quarter found."""
        return _as_pandas(self._period) if self._period is not None else None

    def __repr__(self) -> str:
        periods = sorted({a.assessment.period for a in self._analyses})
        span = f"{periods[0]} to {periods[-1]}" if len(periods) > 1 else "".join(map(str, periods)) or "none"
        return (
            f"<reportgen.Dataset: {len(self._analyses)} assessments, periods {span}, "
            f"{len(self._problems)} problems>"
        )

    @cached_property
    def accounts(self) -> pd.DataFrame:
        """One row per account and period: S, K, balance, zone, coverage, the key account's view."""
        return self._table("accounts")

    @cached_property
    def factors(self) -> pd.DataFrame:
        """One row per account, period and factor: both scores, the gap, the raters' spread."""
        return self._table("factors")

    @cached_property
    def ratings(self) -> pd.DataFrame:
        """One row per rating as its rater gave it, with the rater's name: the raw data behind the means."""
        return self._table("ratings")

    @cached_property
    def actions(self) -> pd.DataFrame:
        """One row per action of the workbooks' Actions sheets."""
        return self._table("actions")

    @cached_property
    def problems(self) -> pd.DataFrame:
        """One row per problem: ``file``, ``sheet``, ``cell`` (missing where the problem has no such
        place), ``severity`` (``error``: the file's accounts are left out; ``warning``: they are in) and
        what is wrong with how to fix it in each language (``message_de``, ``message_en``), as the
        command line says it."""
        messages = [f"message_{lang}" for lang in self.languages]
        rows = [
            {
                **dict(zip(PROBLEM_PLACE, _place(problem), strict=True)),
                "severity": str(problem.severity),
                **{
                    name: problem.message.word(lang, problem.params)
                    for name, lang in zip(messages, self.languages, strict=True)
                },
            }
            for problem in self._problems
        ]
        frame = pd.DataFrame.from_records(rows, columns=[*PROBLEM_PLACE, "severity", *messages])
        severities = pd.CategoricalDtype(["error", "warning"])
        return frame.astype({**dict.fromkeys([*PROBLEM_PLACE, *messages], "string"), "severity": severities})

    def briefing_pdf(
        self,
        account: str,
        period: PeriodLike | None = None,
        lang: str = "de",
        edition: str = INTERNAL_EDITION,
        supplier: str | None = None,
        archive: bool = False,
    ) -> bytes:
        """The briefing of one account, as the PDF's bytes: as `reportgen briefing` makes it, byte for byte,
        every earlier quarter in the files giving its path and trend. No file is written.

        Args:
            account: Its ID or name (case and spaces ignored).
            period: The quarter (default: the dataset's period, else the account's latest).
            lang: `"de"` or `"en"`.
            edition: `"internal"` (the default), or `"shared"`: the edition for the key account.
            supplier: Our company's name, which the shared edition names.
            archive: PDF/A-3b with the files and figures embedded (not with the shared edition: an
                archive embeds our workbooks).

        Returns:
            The PDF, for a web service or `open(…, "wb").write(…)`.

        Raises:
            InputError: The account or period is not there (with the closest names). An error while
                rendering is raised as it is.
        """
        return self._briefing(account, period, lang, edition, supplier, archive=archive)

    def briefing_pptx(
        self,
        account: str,
        period: PeriodLike | None = None,
        lang: str = "de",
        edition: str = INTERNAL_EDITION,
        supplier: str | None = None,
        template: str | Path | None = None,
    ) -> bytes:
        """The briefing of one account as an editable PowerPoint deck, the .pptx file's bytes: as
        `reportgen briefing --format pptx` makes it, byte for byte. No file is written.

        Args:
            account: Its ID or name (case and spaces ignored).
            period: The quarter (default: the dataset's period, else the account's latest).
            lang: `"de"` or `"en"`.
            edition: `"internal"` (the default), or `"shared"`: the deck for the joint meeting with the key
                account.
            supplier: Our company's name, which the shared edition names.
            template: A .pptx or .potx file whose slide master and layouts the deck uses (default:
                reportgen's own).

        Returns:
            The deck, for `open(…, "wb").write(…)`.

        Raises:
            InputError: The account or period is not there, or the template cannot make a deck (which
                layout it lacks). An error while rendering is raised as it is.
        """
        path = Path(template) if template is not None else None
        return self._briefing(account, period, lang, edition, supplier, formats=(PPTX,), pptx_template=path)

    def _briefing(
        self,
        account: str,
        period: PeriodLike | None,
        lang: str,
        edition: str,
        supplier: str | None,
        *,
        archive: bool = False,
        formats: tuple[str, ...] = (PDF,),
        pptx_template: Path | None = None,
    ) -> bytes:
        """One file of one account's briefing, in the one format asked for (see :meth:`briefing_pdf`)."""
        from reportgen.analysis.selection import Selection, account_problem
        from reportgen.commands.briefing import archive_refused, briefing_jobs, deck_refused

        chosen = _language(lang)
        if edition not in EDITIONS:
            raise ValueError(f"edition must be one of {', '.join(EDITIONS)}, not {edition!r}")
        settings = Settings(lang=chosen, day=self._day, debug=True, edition=edition, supplier=supplier,
                            archive=archive, formats=formats, pptx_template=pptx_template)  # fmt: skip
        refused = archive_refused(settings) or deck_refused(settings)
        if refused is not None:
            raise InputError([refused], self._said_in)
        wanted = self._wanted(period)
        unknown = account_problem(self._workload, Selection(wanted, account))
        if unknown is not None:
            raise InputError([unknown], self._said_in)
        if wanted is None:
            named = Selection(account=account).names
            wanted = max(a.assessment.period for a in self._workload.analyses if named(a.assessment))
        problems: list[Problem] = []
        jobs = briefing_jobs(self._workload, Selection(wanted, account), settings, problems)
        if problems:
            raise InputError(problems, self._said_in)
        if len(jobs) > 1:
            name = jobs[0].analysis.assessment.account.name
            several = Problem(None, SEVERAL_ACCOUNTS, {"account": name, "period": str(wanted)})
            raise InputError([several], self._said_in)
        outcome = self._worker.render(replace(jobs[0], timeout=None))
        assert isinstance(outcome, Rendered), "a job that asks for tracebacks raises instead of failing"
        (made,) = outcome.files
        return made.data

    def portfolio_pdf(
        self, period: PeriodLike | None = None, lang: str = "de", archive: bool = False
    ) -> bytes:
        """The portfolio report of one quarter, as the PDF's bytes: as `reportgen portfolio` makes it,
        earlier quarters giving the movements. No file is written.

        Args:
            period: The quarter (default: the dataset's period, else the latest found).
            lang: `"de"` or `"en"`.
            archive: PDF/A-3b with the files and figures embedded.

        Returns:
            The PDF.

        Raises:
            InputError: The quarter has no assessment.
        """
        from reportgen.analysis.portfolio import analyse_portfolio
        from reportgen.analysis.selection import period_problem
        from reportgen.commands.portfolio import portfolio_archive
        from reportgen.commands.portfolio_making import portfolio_pdf

        chosen = _language(lang)
        workload = self._workload
        wanted = self._wanted(period) or workload.latest_period()
        if wanted is None:  # no account could be read: the files' problems say why
            raise InputError(self._problems, self._said_in)
        missing = period_problem(workload, wanted)
        if missing is not None:
            raise InputError([missing], self._said_in)
        attached = portfolio_archive(workload, wanted) if archive else None
        if isinstance(attached, Problem):
            raise InputError([attached], self._said_in)
        portfolio = analyse_portfolio(workload.histories, wanted, workload.catalogs.default)
        return portfolio_pdf(portfolio, chosen, self._day, self._worker.renderer, attached)

    @property
    def _problems(self) -> list[Problem]:
        return [p for f in self._workload.files for p in f.problems] + self._run_problems

    @cached_property
    def _worker(self) -> Worker:
        """One renderer for every report of the dataset: fonts and templates are prepared once."""
        return Worker()

    def _wanted(self, period: PeriodLike | None) -> Period | None:
        return _period(period, self._said_in) if period is not None else self._period

    def _table(self, name: str) -> pd.DataFrame:
        table = TABLES[name]
        records = table.records(self._analyses, self.languages)
        frame = pd.DataFrame.from_records(records, columns=column_names(table.columns, self.languages))
        zones = _zone_ids(self._analyses, self._workload.catalogs)
        for column in table.columns:
            for label in column.names(self.languages):
                frame[label] = _typed(frame[label], column, zones)
        return frame


def _typed(values: pd.Series, column: Column, zones: list[str]) -> pd.Series:
    """The column's values with the dtype of its kind; an empty text is a missing value, as in a CSV."""
    kind = column.kind
    if kind is Kind.PERIOD:
        return pd.Series(pd.PeriodIndex(values, freq=QUARTERS), index=values.index)
    if kind is Kind.DATE:
        return pd.Series(np.array(values.tolist(), dtype=DATES), index=values.index)
    if kind in (Kind.ZONE, Kind.CHOICE):
        return values.astype(pd.CategoricalDtype(zones if kind is Kind.ZONE else column.choices))
    typed = values.astype(DTYPES[kind])
    return typed.replace("", pd.NA) if kind is Kind.TEXT else typed


def _zone_ids(analyses: list[AccountAnalysis], catalogs: Catalogs) -> list[str]:
    """Every zone the accounts' catalogs know, the default catalog's first: a zone no account is in still
    counts (with 0) in ``value_counts``."""
    ids = dict.fromkeys(zone_ids(catalogs.default))
    for catalog in {a.catalog.label(): a.catalog for a in analyses}.values():
        ids.update(dict.fromkeys(zone_ids(catalog)))
    return list(ids)


def _place(problem: Problem) -> tuple[str | None, str | None, str | None]:
    place = problem.place
    return (display_path(place.file), place.sheet, place.cell) if place else (None, None, None)


def _languages(lang: str) -> tuple[str, ...]:
    """The languages *lang* asks for, as a run's settings give them."""
    choices = (*LANGUAGES, EVERY_LANGUAGE)
    if lang not in choices:
        raise ValueError(f"lang must be one of {', '.join(choices)}, not {lang!r}")
    return Settings(lang=lang).languages


def _language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return lang


def _period(value: PeriodLike, said_in: str) -> Period:
    """The quarter *value* names: a text as a workbook's period may be written (``2026-Q3``, ``Q3/26``,
    ``3. Quartal 2026``, a date), or a pandas Period that lies within one
    calendar quarter (a quarter, a month, a day; a fiscal quarter that is a calendar one). A year, or a
    week across two quarters, names no quarter: it is refused rather than cut to one of them."""
    if isinstance(value, Period):
        return value
    if isinstance(value, pd.Period):
        first, last = value.start_time, value.end_time
        if (first.year, first.quarter) == (last.year, last.quarter):
            return Period(first.year, first.quarter)
        spans = {"value": str(value), "start": first.date().isoformat(), "end": last.date().isoformat()}
        raise InputError([Problem(None, SPANS_QUARTERS, spans)], said_in)
    period = period_named(value) if isinstance(value, str) else None
    if period is None:
        raise InputError([Problem(None, BAD_PERIOD, {"value": str(value)})], said_in)
    return period


def _as_pandas(period: Period) -> pd.Period:
    return pd.Period(year=period.year, quarter=period.quarter, freq=QUARTERS)
