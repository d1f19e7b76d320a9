"""``reportgen template``: an assessment workbook to fill in, for an account and quarter if given; our
team's (with its rater and role, if given) or the key account's own questionnaire."""

from __future__ import annotations

from pathlib import Path

from reportgen.commands.console import EXIT_NOTHING_DONE, EXIT_OK, Reporter
from reportgen.commands.run import catalog_or_stop, period_or_stop, write_failure
from reportgen.common.i18n import N_
from reportgen.common.problems import Message, ProblemsFound, display_path, shell_path
from reportgen.common.settings import Settings
from reportgen.common.writing import atomic_write
from reportgen.model.assessment import View
from reportgen.model.catalog import Catalog
from reportgen.outputs.file_names import template_path

FILE_EXISTS = Message(
    N_("The file {path} already exists."), N_("Choose another name with -o, or add --force to replace it.")
)
TARGET_IS_A_FOLDER = Message(
    N_("{path} is a folder: the workbook needs a file name."), N_("Give one with -o, such as -o {example}.")
)
TEMPLATE_WRITTEN = Message(
    N_("Workbook written: {path} (catalog {catalog})."),
    N_("Fill in the yellow cells, then run: reportgen briefing {command_path}"),
)
SUPPLIER_NAME_NEEDED = Message(
    N_("The key account's questionnaire names both companies, but your company's name is missing."),
    N_('Give it with --supplier, for example: --supplier "Hansen GmbH".'),
)
SUPPLIER_WITHOUT_QUESTIONNAIRE = Message(
    N_(
        "--supplier names your company in the key account's questionnaire; "
        "your team's workbook needs no name."
    ),
    N_("Add --view key-account to write the questionnaire, or leave out --supplier."),
)
QUESTIONNAIRE_WRITTEN = Message(
    N_("Questionnaire for the key account written: {path} (catalog {catalog})."),
    N_(
        "Send it to the key account's contact; once it is filled in, put it beside your team's workbooks of "
        "the same account and quarter."
    ),
)
TEMPLATE_WRITTEN_OWN_CATALOG = Message(
    N_("Workbook written: {path} (catalog {catalog})."),
    N_("Fill in the yellow cells, then run: reportgen briefing {command_path} --criteria {criteria}"),
)


def template(
    settings: Settings,
    reporter: Reporter,
    account: str | None = None,
    output: Path | None = None,
    force: bool = False,
    view: View = View.SUPPLIER,
    supplier: str | None = None,
    rater: str | None = None,
    role: str | None = None,
) -> int:
    """Write the workbook (in the settings' language, with their catalog); returns the exit code."""
    from reportgen.outputs.workbook import build_workbook
    from reportgen.outputs.workbook.request import WorkbookRequest

    supplier = (supplier or "").strip() or None
    if view is View.KEY_ACCOUNT and supplier is None:
        reporter.say(SUPPLIER_NAME_NEEDED, style="red")
        return EXIT_NOTHING_DONE
    if view is View.SUPPLIER and supplier is not None:
        reporter.say(SUPPLIER_WITHOUT_QUESTIONNAIRE, style="red")
        return EXIT_NOTHING_DONE
    quarter = period_or_stop(reporter, settings.period)
    catalog = catalog_or_stop(reporter, settings.criteria)
    request = WorkbookRequest(
        settings.lang,
        account,
        str(quarter) if quarter else None,
        view,
        supplier,
        (rater or "").strip() or None,
        (role or "").strip() or None,
    )
    default = template_path(
        request.account, request.period, settings.day, request.rater, request.for_key_account
    )
    target = output or default
    if target.is_dir():
        reporter.say(
            TARGET_IS_A_FOLDER,
            style="red",
            path=display_path(target),
            example=shell_path(target / default.name),
        )
        return EXIT_NOTHING_DONE
    if target.exists() and not force:
        reporter.say(FILE_EXISTS, style="red", path=display_path(target))
        return EXIT_NOTHING_DONE
    try:
        atomic_write(target, build_workbook(catalog, request))
    except OSError as error:
        reporter.problem(write_failure(error, target.parent))
        return EXIT_NOTHING_DONE
    # The path is said as written, and quoted where the hint gives a command to paste.
    params = {"path": display_path(target), "catalog": catalog.label(), "command_path": shell_path(target)}
    if request.for_key_account:
        reporter.say(QUESTIONNAIRE_WRITTEN, style="green", **params)
    elif settings.criteria is None or _found_without_criteria(catalog):
        reporter.say(TEMPLATE_WRITTEN, style="green", **params)
    else:
        reporter.say(
            TEMPLATE_WRITTEN_OWN_CATALOG, style="green", criteria=shell_path(settings.criteria), **params
        )
    return EXIT_OK


def _found_without_criteria(catalog: Catalog) -> bool:
    """Whether a workbook made from *catalog* is read with it when no --criteria is given."""
    from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
    from reportgen.model.catalog import load_catalogs

    try:
        return load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG).holds(catalog)
    except ProblemsFound:
        return False
