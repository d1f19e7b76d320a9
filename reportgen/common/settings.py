"""The settings of one run: what a command was asked to do, built once from the command line.

Their defaults are written here once; the command line shows them and the commands read them, so a
default cannot differ between the help text and what a run does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from reportgen.common.i18n import LANGUAGES

EVERY_LANGUAGE = "all"
INTERNAL_EDITION = "internal"
SHARED_EDITION = "shared"
EDITIONS = (INTERNAL_EDITION, SHARED_EDITION)
"""Who a briefing is made for: our own team, or the key account (the edition handed to it)."""
PDF, PPTX = "pdf", "pptx"
BRIEFING_FORMATS = (PDF, PPTX)
"""What a briefing is written as: a PDF, and an editable PowerPoint deck for the meeting."""
EXPORT_TABLES = ("accounts", "factors", "ratings", "actions")
"""The tables of an export: one CSV file each, one sheet each in a workbook."""
STREAMED_TABLE = "accounts"
"""The table a CSV export writes to standard output unless --table names another: a stream holds one."""
DEFAULT_OUT_DIR = Path("output")
STANDARD_OUTPUT = "-"
"""What --out names standard output by, as other command line tools do."""
RENDER_TIMEOUT_SECONDS = 120
"""An account takes about a second; one that takes minutes is stuck and reported as failed."""


def source_date() -> datetime | None:
    """The moment ``SOURCE_DATE_EPOCH`` gives (UTC), so that builds can be reproduced byte for byte;
    None when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return None


def made_on() -> date:
    """Today, or the day given by ``SOURCE_DATE_EPOCH`` (see :func:`source_date`)."""
    moment = source_date()
    return moment.date() if moment else date.today()


def default_jobs() -> int:
    """One worker process per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass(frozen=True)
class Settings:
    """Everything a run depends on besides its input files' contents, so that a command, a test or a
    benchmark states a run in one object instead of passing each choice along on its own."""

    inputs: tuple[Path, ...] = ()
    """The files and folders to read."""
    criteria: Path | None = None
    """A catalog file for every workbook, or a folder of catalogs; None: the catalogs in criteria/."""
    lang: str = EVERY_LANGUAGE
    """The language of reports and messages, or ``all`` (reports in every language)."""
    period: str | None = None
    """The period as given; read when the run starts, so that a wrong one is said in the run's language."""
    out_dir: Path = DEFAULT_OUT_DIR
    jobs: int | None = None
    """Worker processes; None: one per core."""
    time_limit: float = RENDER_TIMEOUT_SECONDS
    """Seconds one account may take in all its languages."""
    debug: bool = False
    """Let an unexpected error escape with its traceback instead of saying it in one sentence."""
    day: date = field(default_factory=made_on)
    """The day the run is made on: printed in reports and the measure of periods still to come."""
    edition: str = INTERNAL_EDITION
    """Who a report is made for: ``internal`` (our team) or ``shared`` (the edition for the key account)."""
    supplier: str | None = None
    """Our company's name, which the key account's edition names beside the account's."""
    archive: bool = False
    """Write PDF/A-3b with the source workbooks and the computed figures embedded, for the archive."""
    record: Path | None = None
    """For make: where the problems are kept for later runs (the command then exits 0)."""
    outputs_record: Path | None = None
    """For make: the record of the files this step made and what from (see
    :class:`reportgen.outputs.make_records.OutputRecord`). A report it shows up to date is not made again; a
    file it made whose inputs are gone is removed."""
    stamp: Path | None = None
    """For make: the step's stamp, touched when the step is done, and left as it was while a report failed
    to render, so that the next make tries it again (a clean run would)."""
    formats: tuple[str, ...] = (PDF,)
    """What each briefing is written as (see BRIEFING_FORMATS), in this order."""
    pptx_template: Path | None = None
    """The slide template a deck takes its master and layouts from; None: reportgen's own."""
    rebuild: bool = False
    """For make: make every report again, whatever the record says (the templates, translations, code or
    the installation changed, which the record does not know)."""

    @property
    def languages(self) -> tuple[str, ...]:
        return LANGUAGES if self.lang == EVERY_LANGUAGE else (self.lang,)

    @property
    def workers(self) -> int:
        return self.jobs or default_jobs()
