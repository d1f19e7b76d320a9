"""``reportgen briefing``: a briefing per account and period, in each language asked for, as a PDF, an
editable deck, or both."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportgen.analysis.all_accounts import AllAccounts
from reportgen.analysis.coaching import scale_back_benchmark
from reportgen.analysis.selection import Selection, account_problem
from reportgen.commands.console import EXIT_NOTHING_DONE, Reporter
from reportgen.commands.jobs import BriefingJob, Failed, Rendered, TimedOut, run_jobs
from reportgen.commands.results import BatchResult, Publisher, outputs_recorded
from reportgen.commands.run import FILES, PDFS, Flow, Summary, run_flow
from reportgen.common.i18n import N_, Nn_
from reportgen.common.problems import Message, Place, Problem, Severity
from reportgen.common.settings import PDF, PPTX, SHARED_EDITION, Settings
from reportgen.model.assessment import Period
from reportgen.model.findings import AccountAnalysis
from reportgen.outputs.file_names import briefing_file_name, briefing_stems

SUMMARY_BRIEFINGS = Summary(
    Message(N_("{accounts} made, {files} in {folder}.")), Nn_("{n} briefing", "{n} briefings"), PDFS
)
SUMMARY_WITH_DECKS = Summary(SUMMARY_BRIEFINGS.message, SUMMARY_BRIEFINGS.accounts, FILES)
"""Decks are no PDFs: where a run makes any, it counts files."""
RENDER_FAILED = Message(
    N_("The briefing for {account} ({period}) could not be made: {reason}."),
    N_("Run again with --debug for details, and report it if it keeps happening."),
)
DECK_FAILED = Message(
    N_("The deck of the briefing for {account} ({period}) could not be made: {reason}. Its PDFs were made."),
    N_("Run again with --debug for details, and report it if it keeps happening."),
)
RENDER_TIMEOUT = Message(
    N_("The briefing for {account} ({period}) went over the time limit of {seconds} s and was stopped."),
    N_("Look for unusually long texts in the workbook, or raise the limit with --timeout."),
)


def briefing(settings: Settings, reporter: Reporter, account: str | None = None) -> int:
    """Every selected account's briefing; returns the exit code."""
    refused = archive_refused(settings) or deck_refused(settings)
    if refused is not None:
        reporter.problem(refused)
        return EXIT_NOTHING_DONE
    if settings.pptx_template is not None and PPTX not in settings.formats:
        reporter.problem(
            Problem(Place(settings.pptx_template), TEMPLATE_WITHOUT_DECKS, severity=Severity.WARNING)
        )

    def render(workload: AllAccounts, period: Period | None, publish: Publisher) -> BatchResult:
        selection = Selection(period, account)
        unknown = account_problem(workload, selection)
        if unknown is not None:
            return BatchResult(files=workload.files, render_problems=[unknown])
        return render_briefings(workload, selection, settings, publish, reporter.progress)

    summary = SUMMARY_BRIEFINGS if settings.formats == (PDF,) else SUMMARY_WITH_DECKS
    return run_flow(settings, reporter, Flow(summary), render)


def archive_refused(settings: Settings) -> Problem | None:
    """Why the briefings asked for cannot be archived, or None: the key account's edition never is, for an
    archive embeds our workbooks with our internal ratings, comments and names."""
    if settings.archive and settings.edition == SHARED_EDITION:
        from reportgen.commands.archiving import SHARED_NOT_ARCHIVED

        return Problem(None, SHARED_NOT_ARCHIVED)
    return None


TEMPLATE_WITHOUT_DECKS = Message(
    N_("A slide template is for decks, and this run makes none."),
    N_("Add --format pptx to make the decks in it (and --format pdf to keep the PDFs)."),
)
ARCHIVE_IS_A_PDF = Message(
    N_("An archive is a PDF: --archive makes no deck."),
    N_("Make the archive with --format pdf, and the deck in a run of its own without --archive."),
)


def deck_refused(settings: Settings) -> Problem | None:
    """Why the decks asked for cannot be made, or None: an archive is a PDF (PDF/A), and the slide template
    must hold the layouts a deck is made from; both are said before anything is rendered."""
    if PPTX not in settings.formats:
        return None
    if settings.archive:
        return Problem(None, ARCHIVE_IS_A_PDF)
    from reportgen.rendering.deck_template import template_problem

    return template_problem(settings.pptx_template)


def briefing_jobs(
    workload: AllAccounts, selection: Selection, settings: Settings, problems: list[Problem] | None = None
) -> list[BriefingJob]:
    """One job per selected account and period, named over the whole workload (see
    :func:`reportgen.outputs.file_names.briefing_stems`). With ``--archive``, each job carries what its
    briefing embeds; an account whose files cannot be read again gets no job but a problem in *problems*."""
    jobs = _jobs(workload, selection, settings)
    return _with_archives(jobs, problems if problems is not None else []) if settings.archive else jobs


def _jobs(workload: AllAccounts, selection: Selection, settings: Settings) -> list[BriefingJob]:
    """One job per selected account and period; each measured against all of its quarter's accounts,
    selected or not, so that one account's briefing is the one the whole batch makes."""
    stems = briefing_stems(workload.analyses)
    quarters: dict[Period, list[AccountAnalysis]] = {}

    def quarter(analysis: AccountAnalysis) -> list[AccountAnalysis]:
        period = analysis.assessment.period
        if period not in quarters:
            quarters[period] = workload.assessed_in(period)
        return quarters[period]

    return [
        BriefingJob(analysis, workload.history_of(analysis), stems[id(analysis)], settings.languages,
                    settings.day, settings.debug, settings.time_limit, settings.edition, settings.supplier,
                    effort_benchmark=(scale_back_benchmark(analysis, quarter(analysis))
                                      if settings.edition != SHARED_EDITION else None),
                    formats=settings.formats, pptx_template=settings.pptx_template)
        for analysis in workload.analyses
        if selection.admits(analysis)
    ]  # fmt: skip


def _with_archives(jobs: list[BriefingJob], problems: list[Problem]) -> list[BriefingJob]:
    """Each job with its archive: the files of its account up to its period, for they make the briefing
    (its path, trend and carried-forward actions), and the figures of those periods."""
    from dataclasses import replace

    from reportgen.commands.archiving import BRIEFING_SOURCE_UNREADABLE, archive_of

    archived = []
    for job in jobs:
        assessment = job.analysis.assessment
        report = {"account": assessment.account.name, "period": str(assessment.period)}
        archive = archive_of(job.history.analyses, job.stem, BRIEFING_SOURCE_UNREADABLE, report)
        if isinstance(archive, Problem):
            problems.append(archive)
        else:
            archived.append(replace(job, archive=archive))
    return archived


def render_briefings(
    workload: AllAccounts,
    selection: Selection,
    settings: Settings,
    publish: Publisher | None = None,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
) -> BatchResult:
    """Render the selected briefings (in worker processes when there are several) and publish each
    account's PDFs as they come; an account that fails becomes a problem of the result. For make, the
    briefings an earlier run made from the same files are left as they are, and those whose files are
    gone are removed (see :class:`reportgen.outputs.make_records.OutputRecord`)."""
    from reportgen.common.writing import remove_stale_parts

    publish = publish or Publisher(BatchResult(files=workload.files))
    batch = publish.result
    remove_stale_parts(settings.out_dir)
    jobs = _jobs(workload, selection, settings)
    with outputs_recorded(settings.outputs_record, settings.out_dir, settings.rebuild, batch) as record:
        made_from: dict[tuple[str, str], str] = {}
        if record is not None:
            made_from = _made_from(jobs, workload, settings)

            def kept(job: BriefingJob, fmt: str) -> bool:
                return record.keep(_outputs(job, settings, fmt), made_from[job.stem, fmt])

            jobs = _still_to_make(jobs, settings, kept)
        # what an archive embeds is read again and reckoned only for the briefings made now
        if settings.archive:
            jobs = _with_archives(jobs, batch.render_problems)
        on_progress(0, len(jobs))
        outcomes = run_jobs(jobs, settings.workers, settings.time_limit)
        for done, (job, outcome) in enumerate(outcomes, start=1):
            if isinstance(outcome, Rendered):
                for made in outcome.files:
                    target = _output(job, made.lang, made.fmt, settings)
                    publish(target, made.data)
                    if record is not None:
                        record.wrote(target, made_from[job.stem, made.fmt], made.data)
                batch.rendered_accounts += 1
                if outcome.deck_failed is not None:
                    batch.render_problems.append(_failure(job, Failed(outcome.deck_failed), 0, DECK_FAILED))
            else:
                batch.render_problems.append(_failure(job, outcome, settings.time_limit))
            on_progress(done, len(jobs))
    return batch


def _output(job: BriefingJob, lang: str, fmt: str, settings: Settings) -> Path:
    return settings.out_dir / briefing_file_name(job.stem, lang, settings.edition, settings.archive, fmt)


def _outputs(job: BriefingJob, settings: Settings, fmt: str) -> list[Path]:
    """The files of the job in *fmt*: one per language."""
    return [_output(job, lang, fmt, settings) for lang in settings.languages]


def _still_to_make(
    jobs: list[BriefingJob], settings: Settings, kept: Callable[[BriefingJob, str], bool]
) -> list[BriefingJob]:
    """The jobs with the formats an earlier run did not make from the same files: a deck asked for beside
    the PDFs of an earlier run is made alone, the PDFs kept."""
    from dataclasses import replace

    still = []
    for job in jobs:
        formats = tuple(fmt for fmt in settings.formats if not kept(job, fmt))
        if formats:
            still.append(replace(job, formats=formats))
    return still


def _made_from(
    jobs: list[BriefingJob], workload: AllAccounts, settings: Settings
) -> dict[tuple[str, str], str]:
    """What each briefing's file in each format is made from, by its stem and format: its account's files up
    to its period (they give its path, trend and carried-forward actions), the catalogs, how it is asked
    for, and for a deck its slide template."""
    from reportgen.outputs.make_records import Digests, made_from

    digests = Digests(workload.digests())
    recipe = ("briefing", settings.edition, settings.supplier or "", "archive" if settings.archive else "")
    by_format = {fmt: _format_recipe(fmt, settings) for fmt in settings.formats}
    return {
        (job.stem, fmt): made_from(
            job.history.sources, digests, workload.catalogs, *recipe, *_benchmark_used(job), *by_format[fmt]
        )
        for job in jobs
        for fmt in settings.formats
    }


def _format_recipe(fmt: str, settings: Settings) -> tuple[str, ...]:
    """What a file in *fmt* is made from beyond the briefing's files: for a deck, its slide template by
    content (a company's template changed under the same name makes the decks again); nothing for a PDF,
    whose record stays as runs before decks wrote it."""
    if fmt != PPTX:
        return ()
    from hashlib import sha256

    from reportgen.rendering.deck_template import DEFAULT_DECK_TEMPLATE

    template = settings.pptx_template or DEFAULT_DECK_TEMPLATE
    return ("deck", sha256(template.read_bytes()).hexdigest())


def _benchmark_used(job: BriefingJob) -> tuple[str, ...]:
    """What the briefing takes from other accounts' files, which its own files do not show: the benchmark
    its coaching answer measures the account by. A change in another account's hours makes the briefing
    again exactly when it changes the benchmark."""
    benchmark = job.effort_benchmark
    if benchmark is None:
        return ()
    return (f"benchmark {benchmark.relationship.id} {benchmark.median_hours} of {benchmark.accounts}",)


def _failure(
    job: BriefingJob, outcome: Failed | TimedOut, time_limit: float, failed: Message = RENDER_FAILED
) -> Problem:
    """The account's problem: it failed (or its deck did: *failed*), or went over the time limit."""
    assessment = job.analysis.assessment
    params = {"account": assessment.account.name, "period": str(assessment.period)}
    if isinstance(outcome, TimedOut):
        message, params["seconds"] = RENDER_TIMEOUT, round(time_limit)
    else:
        message, params["reason"] = failed, outcome.reason
    return Problem(Place(assessment.source or Path(".")), message, params)
