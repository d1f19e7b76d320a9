"""``reportgen portfolio``: the portfolio report of one quarter over every account, in each language."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.analysis.all_accounts import AllAccounts, prepare
from reportgen.commands.console import EXIT_OK, Reporter
from reportgen.commands.in_child import ChildFailed
from reportgen.commands.portfolio_making import portfolio_makings
from reportgen.commands.results import BatchResult, Publisher, outputs_recorded
from reportgen.commands.run import (
    PDFS,
    Flow,
    Summary,
    catalogs_or_stop,
    missing_inputs,
    period_or_stop,
    record,
    run_flow,
    say_removed,
)
from reportgen.common.i18n import N_, Nn_
from reportgen.common.problems import Message, Problem, ProblemsFound, failure_reason
from reportgen.common.settings import Settings
from reportgen.model.assessment import Period
from reportgen.model.catalog import Catalogs
from reportgen.outputs.file_names import portfolio_pdf_name, portfolio_stem

if TYPE_CHECKING:
    from reportgen.rendering.archive import Archive

ACCOUNTS = Nn_("{n} account", "{n} accounts")
SUMMARY_PORTFOLIO = Summary(Message(N_("Portfolio of {accounts} made, {files} in {folder}.")), ACCOUNTS, PDFS)
PORTFOLIO_FAILED = Message(
    N_("The portfolio report could not be made: {reason}."),
    N_("Run again with --debug for details, and report it if it keeps happening."),
)


def portfolio(settings: Settings, reporter: Reporter, make_deps: Path | None = None) -> int:
    """The portfolio of the period asked for (default: the latest); with *make_deps*, only make's plan."""
    if make_deps is not None:
        return plan_portfolios(settings, reporter, make_deps)

    def render(workload: AllAccounts, period: Period | None, publish: Publisher) -> BatchResult:
        assert period is not None, "a portfolio is always of one period"
        return render_portfolio(workload, period, settings, publish)

    quarter_step = settings.record is not None  # of make: see Flow.files_said
    return run_flow(settings, reporter, Flow(SUMMARY_PORTFOLIO, True, files_said=not quarter_step), render)


def render_portfolio(
    workload: AllAccounts, period: Period, settings: Settings, publish: Publisher | None = None
) -> BatchResult:
    """The portfolio report of *period* in each language, published; a language that fails becomes a
    problem of the result. For make, a report an earlier run made from the same files is left as it
    is, and one that can no longer be made is removed (see
    :class:`reportgen.outputs.make_records.OutputRecord`)."""
    from reportgen.analysis.portfolio import analyse_portfolio, portfolio_sources
    from reportgen.common.writing import remove_stale_parts
    from reportgen.outputs.make_records import Digests, made_from

    publish = publish or Publisher(BatchResult(files=workload.files))
    batch = publish.result
    remove_stale_parts(settings.out_dir)
    portfolio = analyse_portfolio(workload.histories, period, workload.catalogs.default)
    with outputs_recorded(settings.outputs_record, settings.out_dir, settings.rebuild, batch) as record:
        targets = {
            lang: settings.out_dir / portfolio_pdf_name(period, lang, settings.archive)
            for lang in settings.languages
        }
        inputs = ""
        if record is not None:
            sources = portfolio_sources(workload.histories, period)
            recipe = ("portfolio", "archive" if settings.archive else "")
            inputs = made_from(sources, Digests(workload.digests()), workload.catalogs, *recipe)
            targets = {lang: target for lang, target in targets.items() if not record.keep([target], inputs)}
        archive = portfolio_archive(workload, period) if settings.archive and targets else None
        if isinstance(archive, Problem):
            batch.render_problems.append(archive)
            return batch
        with portfolio_makings(portfolio, list(targets), settings, archive) as makings:
            for lang, target in targets.items():
                try:
                    pdf = makings[lang]()
                except Exception as exc:
                    if settings.debug:
                        raise
                    reason = exc.reason if isinstance(exc, ChildFailed) else failure_reason(exc)  # said there
                    batch.render_problems.append(Problem(None, PORTFOLIO_FAILED, {"reason": reason}))
                    continue
                publish(target, pdf)
                if record is not None:
                    record.wrote(target, inputs, pdf)
    batch.rendered_accounts = len(portfolio.entries) if batch.written else 0
    return batch


def portfolio_archive(workload: AllAccounts, period: Period) -> Archive | Problem:
    """What the archival portfolio of *period* embeds: the files of the accounts it covers, and their
    figures; a problem when one of the files cannot be read again."""
    from reportgen.analysis.portfolio import portfolio_analyses
    from reportgen.commands.archiving import PORTFOLIO_SOURCE_UNREADABLE, archive_of

    analyses = portfolio_analyses(workload.histories, period)
    report = {"period": str(period)}
    return archive_of(analyses, portfolio_stem(period), PORTFOLIO_SOURCE_UNREADABLE, report)


def plan_portfolios(settings: Settings, reporter: Reporter, plan: Path) -> int:
    """For make: which quarters have a portfolio and which files each draws on (see
    reportgen.outputs.make_records).

    Renders nothing and says nothing: the problems of the files are recorded, and the make steps that
    render show them."""
    from reportgen.analysis.portfolio import portfolio_sources
    from reportgen.outputs.make_records import write_portfolio_plan

    wanted = period_or_stop(reporter, settings.period)
    catalogs = catalogs_or_stop(reporter, settings.criteria)
    workload = _readable(settings, catalogs)
    if workload is None:  # no input at all, and the briefing step says why: the plan of the last run
        if not plan.exists():  # stays, and the reports it made are kept, for a folder may be away (a
            write_portfolio_plan(plan, {}, catalogs)  # drive not mounted)
        return EXIT_OK
    quarters = [wanted] if wanted is not None else workload.periods()
    sources = {q: portfolio_sources(workload.histories, q) for q in quarters}
    gone = write_portfolio_plan(plan, sources, workload.catalogs, workload.digests())
    if settings.outputs_record is not None:
        from reportgen.outputs.make_records import OutputRecord, quarter_record_path

        for quarter in gone:
            made = quarter_record_path(settings.outputs_record, quarter)
            say_removed(reporter, OutputRecord(made, settings.out_dir).close())
            made.unlink(missing_ok=True)
    if settings.record is not None:
        record(reporter, BatchResult(files=workload.files), settings)
    return EXIT_OK


def _readable(settings: Settings, catalogs: Catalogs) -> AllAccounts | None:
    """Everything read, or None when an input is not there or holds no assessment file."""
    if missing_inputs(settings.inputs):
        return None
    try:
        return prepare(settings.inputs, catalogs, settings.day, digested=True, workers=settings.workers)
    except ProblemsFound:
        return None
