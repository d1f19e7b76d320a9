"""read → analyse → generate → write, for a batch of files, without any console or click in sight.

Everything is read and validated first; then each good account is rendered and written atomically.
One account's failure never stops the others: it becomes a problem in the result.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from reportgen.catalog import Catalog
from reportgen.i18n import N_
from reportgen.model import Assessment, Period
from reportgen.problems import Message, Place, Problem, Severity
from reportgen.reading import ReadResult, collect_inputs, read_file

DUPLICATE_ASSESSMENT = Message(
    N_("{account} for {period} is also in {other}."),
    N_("Keep one assessment per account and period, or move the older file out of the folder."),
)
RENDER_FAILED = Message(
    N_("The briefing for {account} ({period}) could not be made: {reason}."),
    N_("Run again with --debug for details, and report it if it keeps happening."),
)
NO_INPUT = Message(
    N_("There are no assessment files here."),
    N_("Give .xlsx, .ods or .csv files, or a folder that holds them."),
)


def made_on() -> date:
    """Today, or the day given by ``SOURCE_DATE_EPOCH`` so that builds can be reproduced byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


@dataclass
class BatchResult:
    files: list[ReadResult] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
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
        failed |= {p.place.file for p in self.render_problems}
        return sorted(failed)

    @property
    def exit_code(self) -> int:
        """0: all good; 1: some accounts failed; 2: nothing could be done."""
        if not self.errors:
            return 0
        return 1 if self.written else 2


def read_all(paths: Iterable[Path], catalog: Catalog, period: Period | None = None) -> list[ReadResult]:
    """Read every file first; drop other periods; flag an account and period given twice."""
    files = collect_inputs(paths)
    if not files:
        placeholder = ReadResult(Path("."))
        placeholder.problems.append(Problem(Place(Path(".")), NO_INPUT))
        return [placeholder]
    results = [read_file(path, catalog) for path in files]
    seen: dict[tuple[str, Period], Path] = {}
    for result in results:
        kept = []
        for assessment in result.assessments:
            if period is not None and assessment.period != period:
                continue
            key = (assessment.account.account_id or assessment.account.name.casefold(), assessment.period)
            if key in seen:
                result.problems.append(
                    Problem(
                        Place(result.path),
                        DUPLICATE_ASSESSMENT,
                        {
                            "account": assessment.account.name,
                            "period": str(assessment.period),
                            "other": seen[key].name,
                        },
                    )
                )
                continue
            seen[key] = result.path
            kept.append(assessment)
        result.assessments = kept
    return results


class StemRegistry:
    """Gives every account its own file name, even when two names reduce to the same slug."""

    def __init__(self) -> None:
        self._owners: dict[str, str] = {}

    def stem(self, assessment: Assessment, base: str) -> str:
        owner = assessment.account.account_id or assessment.account.name
        candidate, number = base, 1
        while self._owners.setdefault(candidate, owner) != owner:
            number += 1
            candidate = f"{base}-{number}"
        return candidate


def render_briefings(
    catalog: Catalog,
    results: list[ReadResult],
    languages: tuple[str, ...],
    out_dir: Path,
    on_written: Callable[[Path], None] = lambda path: None,
    debug: bool = False,
) -> BatchResult:
    from reportgen.analysis import analyse
    from reportgen.briefing import build_briefing
    from reportgen.rendering import Renderer
    from reportgen.writing import atomic_write

    batch = BatchResult(files=results)
    renderer = Renderer()
    stems = StemRegistry()
    day = made_on()
    for result in results:
        for assessment in result.assessments:
            try:
                analysis = analyse(assessment, catalog)
                rendered = []
                for lang in languages:
                    view = build_briefing(analysis, catalog, lang, day)
                    rendered.append((lang, view, renderer.briefing_pdf(view)))
            except Exception as exc:
                if debug:
                    raise
                batch.render_problems.append(
                    Problem(
                        Place(result.path),
                        RENDER_FAILED,
                        {
                            "account": assessment.account.name,
                            "period": str(assessment.period),
                            "reason": str(exc) or type(exc).__name__,
                        },
                    )
                )
                continue
            stem = stems.stem(assessment, rendered[0][1].file_stem)
            for lang, _view, pdf in rendered:
                target = out_dir / f"{stem}_{lang}.pdf"
                atomic_write(target, pdf)
                batch.written.append(target)
                on_written(target)
            batch.rendered_accounts += 1
    return batch
