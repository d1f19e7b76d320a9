"""``reportgen validate``: every problem of every file, without rendering anything.

Fast enough to run on every save: it reads and checks, it draws and lays out nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportgen.catalog import Catalog, Catalogs
from reportgen.coaching import QuestionKind
from reportgen.i18n import N_
from reportgen.problems import Message, Place, Problem, Severity
from reportgen.reading import ReadResult
from reportgen.workload import read_all

UNTRANSLATED = Message(
    N_("{key} has no {language} text; {language} reports show the {other} one, marked [{code}]."),
    N_("Add the missing text to the catalog if reports go out in both languages."),
)
LANGUAGE_NAMES = {"de": Message(N_("German")), "en": Message(N_("English"))}
UNKNOWN_QUESTION_KIND = Message(
    N_('coaching_questions[{index}].kind "{kind}" is no answer reports know; the question goes unanswered.'),
    N_("Use one of {kinds}, or leave kind out for a question to reflect on."),
)


@dataclass
class ValidationReport:
    files: list[ReadResult]
    catalog_problems: list[Problem] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return self.catalog_problems + [p for f in self.files for p in f.problems]

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


def validate(paths: Iterable[Path], catalogs: Catalogs, today: date | None = None) -> ValidationReport:
    """Every file's problems, and the texts of each catalog at hand that are given in one language only.
    Without *paths*, the catalogs alone are checked; periods after *today* are warned of."""
    paths = list(paths)
    files = read_all(paths, catalogs, today) if paths else []
    warnings = [
        p
        for catalog, file in zip(catalogs.found, catalogs.files, strict=True)
        for p in catalog_warnings(catalog, file)
    ]
    return ValidationReport(files, warnings)
