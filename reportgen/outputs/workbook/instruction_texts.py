"""What the fillable workbook's first sheet says, as data: each line's kind and its words, for our team's
workbook and for the key account's questionnaire.

The words are gettext messages (N_), so that Babel extracts them for the German catalog like every other
message. Their placeholders are filled in when the sheet is made (instructions): the sheet a line
names (its ``sheet``), the columns' headers, the share and status words, the scale and the catalog. In our
team's workbook ``{supplier}`` and ``{key_account}`` are the score columns' headers; in the questionnaire
``{supplier}`` and ``{account}`` are the two companies' names. Changing what the instructions say is
changing these lists, never the code that lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from reportgen.common.i18n import N_
from reportgen.outputs.workbook.assessment_sheet import SCORES_TAKEN
from reportgen.reading.vocabulary import ACCOUNT_SHEET, ACTIONS_SHEET, ASSESSMENT_SHEET, Term


class LineKind(Enum):
    TITLE = "title"
    SUBTITLE = "subtitle"
    """What the title is about, on a line of its own below it."""
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    """A paragraph, or a step of how to fill in the workbook."""
    NOTE = "note"
    """A remark at the end, set apart from the steps."""
    BLANK = "blank"
    """An empty row between parts."""
    SCALE_POINTS = "scale points"
    """The catalog's scale, a row per point in the catalog's own words (``1 = not at all``)."""


@dataclass(frozen=True)
class Line:
    kind: LineKind
    text: str = ""
    sheet: Term | None = None
    """The sheet the line names as ``{sheet}``."""


QUESTIONNAIRE = N_("Partnership questionnaire")
"""The key account's questionnaire as its title and its printed pages name it."""
BOTH_COMPANIES = N_("{supplier} and {account}")
"""The two companies, as the questionnaire's subtitle and its printed pages name them."""

BLANK = Line(LineKind.BLANK)
THE_SCALE = (
    Line(LineKind.HEADING, N_("The scale")),
    Line(LineKind.PARAGRAPH, SCORES_TAKEN),
    Line(LineKind.SCALE_POINTS),
)
YELLOW_CELLS = Line(
    LineKind.NOTE,
    N_(
        "The yellow cells with a dark frame are for you to fill in. IDs and titles are protected "
        "(without a password) so that every row still matches the catalog."
    ),
)
CATALOG_NAMED = Line(LineKind.NOTE, N_("Catalog: {catalog}"))

OUR_INSTRUCTIONS = (
    Line(LineKind.TITLE, N_("{title} – assessment workbook")),
    BLANK,
    Line(LineKind.HEADING, N_("How to fill in this workbook")),
    Line(
        LineKind.PARAGRAPH,
        N_(
            '1. On the sheet "{sheet}", enter the account, the period (such as 2026-Q4) '
            "and who assessed it when."
        ),
        ACCOUNT_SHEET,
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            '2. On the sheet "{sheet}", rate every factor twice: how much we as the supplier '
            'invest (column "{supplier}") and how much the key account invests (column "{key_account}").'
        ),
        ASSESSMENT_SHEET,
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            "3. The columns beside each factor say what investing means for each side. "
            "Rate what you see, not what you wish for."
        ),
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            "4. A blank score means not rated – it never counts as zero. Leave a factor blank when you "
            "cannot judge it; the briefing shows how many factors were rated."
        ),
    ),
    Line(
        LineKind.PARAGRAPH,
        N_("5. Use the comment column for the facts behind a rating: they appear in the briefing."),
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            '   Comments stay internal. Choose {yes} under "{column}" for a comment the edition '
            "handed to the key account may show."
        ),
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            '6. Optional: on the sheet "{sheet}", list what is to be done about the findings, one action '
            "per row: its factor (blank: the relationship as a whole), who owns it, by when, its status "
            "({statuses}; blank: {open}) and whether it is shared with the key account ({yes} or {no}; "
            "blank: {no}, it stays internal)."
        ),
        ACTIONS_SHEET,
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            "7. Open actions of earlier quarters are carried forward: write one again only to change its "
            "status, with the same factor and wording."
        ),
    ),
    BLANK,
    *THE_SCALE,
    BLANK,
    YELLOW_CELLS,
    Line(LineKind.NOTE, N_("Then make the briefing: reportgen briefing <this file> --lang {lang}")),
    CATALOG_NAMED,
)
"""Our team's workbook: how to rate, comment, share and plan actions, and how to make the briefing."""

QUESTIONNAIRE_INSTRUCTIONS = (
    Line(LineKind.TITLE, QUESTIONNAIRE),
    Line(LineKind.SUBTITLE, BOTH_COMPANIES),
    BLANK,
    Line(
        LineKind.PARAGRAPH,
        N_("{supplier} would like to know how {account} sees the partnership between the two companies."),
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            "What your answers are used for: a joint review of the partnership by both companies – what "
            "each side invests, and where the two views differ. No report ties a score to a person: "
            "names appear only in the list of those who answered. If you are the only one from your "
            "company to answer, the report shows your answers as your company's view."
        ),
    ),
    BLANK,
    Line(LineKind.HEADING, N_("How to fill in this questionnaire")),
    Line(
        LineKind.PARAGRAPH,
        N_(
            '1. On the sheet "{sheet}", check or enter the company and the quarter (such as 2026-Q4); '
            "your name and role are optional."
        ),
        ACCOUNT_SHEET,
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            '2. On the sheet "{sheet}", rate every factor twice: first how much {supplier} invests '
            '(column "{supplier_column}"), then how much {account} invests (column "{account_column}").'
        ),
        ASSESSMENT_SHEET,
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            "3. The columns beside each factor say what investing means for each company. "
            "Rate what you see in the day-to-day work, not what you wish for."
        ),
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            "4. A blank score means not rated – it never counts as zero. "
            "Leave a factor blank when you cannot judge it."
        ),
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            "5. Use the comment column for the facts behind a rating: they help both companies discuss "
            "it, and both companies see them in the joint review."
        ),
    ),
    Line(
        LineKind.PARAGRAPH,
        N_(
            '   A comment meant for {supplier} alone: choose "{no}" under "{column}". '
            'A blank cell counts as "{yes}".'
        ),
    ),
    Line(LineKind.PARAGRAPH, N_("6. Please send the filled-in questionnaire back to {supplier}.")),
    BLANK,
    *THE_SCALE,
    BLANK,
    YELLOW_CELLS,
    CATALOG_NAMED,
)
"""Addressed to the key account's contact: whose questionnaire it is, what the answers are used for, and
how to rate – the supplier's investment first. Nothing in it is for our team only."""
