"""``reportgen validate``: every problem of every file, or of the catalogs alone, without rendering anything.

Fast enough to run on every save: it reads and checks, it draws and lays out nothing. Where several
raters assessed an account and period, it says who rated it from which view, with the conflicts of
gathering their files (the same rater twice, a catalog of another scale) beside that account.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportgen.analysis.coaching import QuestionKind
from reportgen.commands.console import EXIT_NOTHING_DONE, EXIT_OK, Reporter
from reportgen.commands.run import FILES, catalogs_or_stop, inputs_or_stop, or_stop
from reportgen.common.i18n import N_, Counted, Nn_
from reportgen.common.problems import Listing, Message, Phrase, Place, Problem, Severity
from reportgen.common.settings import Settings
from reportgen.model.assessment import Assessment, Period, Rater, View, identity_key
from reportgen.model.catalog import Catalog, Catalogs
from reportgen.reading import ReadResult
from reportgen.reading.all_files import read_all
from reportgen.reading.raters import (
    FACTORS_NOT_COUNTED,
    OTHER_SCALE,
    SAME_RATER_NEWER,
    SAME_RATER_TWICE,
    UNNAMED_NEWER,
    UNNAMED_TWICE,
)
from reportgen.views.labels import view_name

UNTRANSLATED = Message(
    N_("{key} has no {language} text; {language} reports show the {other} one, marked [{code}]."),
    N_("Add the missing text to the catalog if reports go out in both languages."),
)
LANGUAGE_NAMES = {"de": Message(N_("German")), "en": Message(N_("English"))}
UNKNOWN_QUESTION_KIND = Message(
    N_('coaching_questions[{index}].kind "{kind}" is no answer reports know; the question goes unanswered.'),
    N_("Use one of {kinds}, or leave kind out for a question to reflect on."),
)

ACCOUNT_VOICES = Message(N_("{account} for {period}: {raters}. {views}"))
"""An account and period that several raters assessed, and who they are, view by view."""
RATERS = Nn_("{n} rater", "{n} raters")
RATERS_OF_VIEW = Message(N_("{view}: {raters}."))
NAMED_RATER_WITH_ROLE = Message(N_("{name} ({role})"))
UNNAMED_RATER = Message(N_("{file} (no name given)"))
GATHERING_CONFLICTS = (
    SAME_RATER_TWICE,
    SAME_RATER_NEWER,
    UNNAMED_TWICE,
    UNNAMED_NEWER,
    OTHER_SCALE,
    FACTORS_NOT_COUNTED,
)
"""The problems of gathering one account's files: shown beside that account."""


@dataclass(frozen=True)
class Joined:
    """Parameters worded one after another with *separator* between them: raters are separated by
    semicolons, since a joint rating names two people separated by a comma."""

    items: tuple[object, ...]
    separator: str

    def word(self, lang: str) -> str:
        return self.separator.join(Listing((item,)).word(lang) for item in self.items)


@dataclass(frozen=True)
class ViewName:
    """A view's name opening a sentence: "Our view", "Die Sicht des Key Accounts"."""

    view: View

    def word(self, lang: str) -> str:
        name = view_name(self.view, lang)
        return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class AccountVoices:
    """An account and period as gathered from its raters' files: who rated it, from which view, and the
    conflicts of gathering them (problems of the files left out or counted in part)."""

    account: str
    period: Period
    raters: tuple[Rater, ...]
    conflicts: tuple[Problem, ...] = ()

    @property
    def line(self) -> Phrase:
        """What validate says of it: the raters view by view, each named as its file names them."""
        views = []
        for view in View:
            raters = tuple(_rater_named(r) for r in self.raters if r.view is view)
            if raters:
                views.append(Phrase(RATERS_OF_VIEW, {"view": ViewName(view), "raters": Joined(raters, "; ")}))
        params = {
            "account": self.account,
            "period": str(self.period),
            "raters": Counted(RATERS, len(self.raters)),
            "views": Joined(tuple(views), " "),
        }
        return Phrase(ACCOUNT_VOICES, params)


def _rater_named(rater: Rater) -> object:
    if not rater.name:
        return Phrase(UNNAMED_RATER, {"file": rater.source.name if rater.source else "–"})
    if rater.role:
        return Phrase(NAMED_RATER_WITH_ROLE, {"name": rater.name, "role": rater.role})
    return rater.name


def _concerns(conflict: Problem, assessment: Assessment) -> bool:
    """Whether a conflict of gathering is one of *assessment*'s files: it names its account and period."""
    params = conflict.params
    return params.get("period") == str(assessment.period) and identity_key(
        str(params.get("account", ""))
    ) == identity_key(assessment.account.name)


def account_voices(files: list[ReadResult]) -> list[AccountVoices]:
    """The accounts and periods with several raters or a conflict of gathering, in reading order; an account
    assessed by one rater alone, without a conflict, is not listed (validate says nothing new of it)."""
    found = []
    problems = [p for f in files for p in f.problems if p.message in GATHERING_CONFLICTS]
    for assessment in (a for f in files for a in f.assessments):
        conflicts = tuple(p for p in problems if _concerns(p, assessment))
        raters = assessment.raters or (Rater(),)
        if len(raters) > 1 or conflicts:
            found.append(AccountVoices(assessment.account.name, assessment.period, raters, conflicts))
    return found


@dataclass
class ValidationReport:
    files: list[ReadResult]
    catalog_problems: list[Problem] = field(default_factory=list)
    voices: list[AccountVoices] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return self.catalog_problems + [p for f in self.files for p in f.problems]

    @property
    def problems_apart(self) -> list[Problem]:
        """The problems not shown beside an account's raters (see :attr:`voices`)."""
        beside = {id(p) for v in self.voices for p in v.conflicts}
        return [p for p in self.problems if id(p) not in beside]

    @property
    def failed(self) -> list[ReadResult]:
        return [f for f in self.files if f.errors]

    @property
    def warned(self) -> list[ReadResult]:
        return [f for f in self.files if not f.errors and f.problems]

    @property
    def fine(self) -> list[ReadResult]:
        return [f for f in self.files if not f.problems]

    @property
    def exit_code(self) -> int:
        """0: no errors; 1: some files have errors; 2: no file can be used."""
        if not self.failed:
            return 0
        return 1 if len(self.failed) < len(self.files) else 2


def catalog_warnings(catalog: Catalog, path: Path) -> list[Problem]:
    problems = []
    for key, missing in catalog.untranslated():
        other = "de" if missing == "en" else "en"
        params = {
            "key": key,
            "language": LANGUAGE_NAMES[missing],
            "other": LANGUAGE_NAMES[other],
            "code": other.upper(),
        }
        problems.append(Problem(Place(path), UNTRANSLATED, params, Severity.WARNING))
    known = ", ".join(QuestionKind)
    for index, question in enumerate(catalog.coaching_questions):
        if question.kind is not None and question.kind not in set(QuestionKind):
            params = {"index": index + 1, "kind": question.kind, "kinds": known}
            problems.append(Problem(Place(path), UNKNOWN_QUESTION_KIND, params, Severity.WARNING))
    return problems


def check(paths: Iterable[Path], catalogs: Catalogs, today: date | None = None) -> ValidationReport:
    """Every file's problems, and the texts of each catalog at hand that are given in one language only.
    Without *paths*, the catalogs alone are checked; periods after *today* are warned of."""
    paths = list(paths)
    files = read_all(paths, catalogs, today) if paths else []
    warnings = [
        p
        for catalog, file in zip(catalogs.found, catalogs.files, strict=True)
        for p in catalog_warnings(catalog, file)
    ]
    return ValidationReport(files, warnings, account_voices(files))


SUMMARY_VALIDATE = Message(
    N_("{files} checked: {fine} fine, {warned} with warnings only, {failed} with errors.")
)
SUMMARY_CATALOGS = Message(N_("{catalogs} checked: {warnings}."))
CATALOGS = Nn_("{n} catalog", "{n} catalogs")
WARNINGS = Nn_("{n} warning", "{n} warnings")
NOTHING_TO_CHECK = Message(
    N_("There is nothing to check."),
    N_("Give workbooks or folders to check, or a catalog with --criteria."),
)


def validate(settings: Settings, reporter: Reporter) -> int:
    """Check the inputs (or, without any, the catalogs); returns the exit code."""
    if not settings.inputs and settings.criteria is None:
        reporter.say(NOTHING_TO_CHECK, style="red")
        return EXIT_NOTHING_DONE
    inputs_or_stop(reporter, settings.inputs, nothing_made=False)
    catalogs = catalogs_or_stop(reporter, settings.criteria)
    report = or_stop(reporter, lambda: check(settings.inputs, catalogs, settings.day))
    for problem in report.problems_apart:
        reporter.problem(problem)
    for voices in report.voices:
        reporter.say(voices.line.message, **voices.line.params)
        for problem in voices.conflicts:
            reporter.problem(problem)
    if not settings.inputs:
        warnings = len(report.catalog_problems)
        reporter.say(
            SUMMARY_CATALOGS,
            style="yellow" if warnings else "green",
            catalogs=Counted(CATALOGS, len(catalogs.found)),
            warnings=Counted(WARNINGS, warnings),
        )
        return EXIT_OK
    style = "red" if report.failed else ("yellow" if report.warned else "green")
    reporter.say(
        SUMMARY_VALIDATE,
        style=style,
        files=Counted(FILES, len(report.files)),
        fine=len(report.fine),
        warned=len(report.warned),
        failed=len(report.failed),
    )
    return report.exit_code
