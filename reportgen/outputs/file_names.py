"""The name of every file reportgen writes, each made by one function.

:mod:`reportgen.common.writing` makes a text safe for a file name (``slugify``, ``safe_stem``); this module
says what each artifact is called, so that the guide, make and the commands agree on one rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from reportgen.common.settings import INTERNAL_EDITION, SHARED_EDITION
from reportgen.common.writing import safe_stem, slugify
from reportgen.model.assessment import Assessment, Period
from reportgen.model.findings import AccountAnalysis

TEMPLATE_FOLDER = Path("input")
ARCHIVE = "archive"
"""The suffix of an archival PDF's name (``--archive``)."""
PORTFOLIO = "portfolio"
EXPORT = "reportgen-export"
"""The first part of the portfolio's and the export's names, before the period."""
RESERVED = (PORTFOLIO, EXPORT)
OWN_ACCOUNT = "-account"
"""Added to an account's name that is one of the :data:`RESERVED` ones."""


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


def briefing_stems(analyses: Iterable[AccountAnalysis]) -> dict[int, str]:
    """Every analysis's file stem (``<account>_<period>``, by ``id`` of the analysis). Given over all
    analyses read, not only those rendered, so that a filtered run names each account alike."""
    stems = StemRegistry()
    return {
        id(analysis): stems.stem(analysis.assessment, _briefing_base(analysis.assessment))
        for analysis in analyses
    }


def _briefing_base(assessment: Assessment) -> str:
    """``<account>_<period>``; an account named like the portfolio or the export (``Portfolio``) is named
    ``portfolio-account_<period>``, so that its briefing never takes, nor looks like, the portfolio's
    file (``portfolio_<period>_de.pdf``) or its figures (``portfolio_<period>_figures.json``)."""
    name = assessment.account.name
    if slugify(name) in RESERVED:
        name = slugify(name) + OWN_ACCOUNT
    return safe_stem(name, str(assessment.period))


def briefing_file_name(
    stem: str, lang: str, edition: str = INTERNAL_EDITION, archive: bool = False, fmt: str = "pdf"
) -> str:
    """``<stem>_<lang>.pdf``; the key account's edition ``<stem>_<lang>_shared.pdf``, so that it sorts
    beside ours yet no pattern made for our briefings (``*_de.pdf``) picks it up. The archive
    ``<stem>_<lang>_archive.pdf``, for the same reason: it carries the workbooks, every rater's own
    scores and comments, and must not be mistaken for the briefing that is passed around. A deck is named
    as its PDF, ending in ``.pptx`` (*fmt*)."""
    if edition == SHARED_EDITION:
        return f"{stem}_{lang}_{SHARED_EDITION}.{fmt}"
    return f"{stem}_{lang}_{ARCHIVE}.{fmt}" if archive else f"{stem}_{lang}.{fmt}"


def portfolio_stem(period: Period) -> str:
    return f"{PORTFOLIO}_{period}"


def portfolio_pdf_name(period: Period, lang: str, archive: bool = False) -> str:
    """``portfolio_<period>_<lang>.pdf``; the archive ``…_<lang>_archive.pdf`` (see
    :func:`briefing_file_name`)."""
    stem = portfolio_stem(period)
    return f"{stem}_{lang}_{ARCHIVE}.pdf" if archive else f"{stem}_{lang}.pdf"


def archived_figures_name(stem: str) -> str:
    """The name of the figures an archive embeds: ``<stem>_figures.json``, with the stem of the briefing
    or of the portfolio (:func:`portfolio_stem`)."""
    return f"{stem}_figures.json"


def export_stem(period: Period | None) -> str:
    """``reportgen-export_<period>``, or ``…_all`` for every period."""
    return f"{EXPORT}_{period or 'all'}"


def export_file_name(stem: str, fmt: str, table: str | None = None) -> str:
    """A CSV export is one file per table (``<stem>_<table>.csv``); xlsx and JSON hold every table in
    one file (``<stem>.<fmt>``)."""
    return f"{stem}_{table}.{fmt}" if table is not None else f"{stem}.{fmt}"


def template_path(
    account: str | None, period: str | None, today: date, rater: str | None = None, key_account: bool = False
) -> Path:
    """Where a new assessment workbook goes by default: ``input/<account>_<period>.xlsx``, with
    ``new-account`` and this year standing in for what was not given. A workbook for a named rater ends
    in the rater's name, so that the files of several raters of one account and quarter lie side by side.

    The key account's questionnaire ends in ``key-account`` (and its contact's name, if given) and goes
    to the current folder, not to ``input/``: it is sent out, and a blank one among the assessments
    would stop every run until it comes back filled in."""
    name = slugify(account) if account else "new-account"
    parts = [name, period or str(today.year)]
    if key_account:
        parts.append("key-account")
    if rater:
        parts.append(slugify(rater))
    return (Path(".") if key_account else TEMPLATE_FOLDER) / ("_".join(parts) + ".xlsx")
