"""A grid of raw cell values with its place, and the parsing of factor rows shared by all readers."""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass

from reportgen.common.problems import Listing, Phrase, Place, Problem, ProblemLog, Severity, quoted
from reportgen.model.assessment import FactorRating
from reportgen.model.catalog import Catalog, LocalizedText, Scale
from reportgen.reading import messages as msg
from reportgen.reading.values import NotANumber, cell_name, clean_text, normalise_key, parse_number
from reportgen.reading.vocabulary import (
    COMMENT,
    FACTOR,
    FACTOR_ID,
    KEY_ACCOUNT_SCORE,
    SHARE_COMMENT,
    SUPPLIER_SCORE,
    Term,
    find_term,
    share_named,
)

HEADER_SEARCH_ROWS = 20
COMMENT_LIMIT = 1_000
NAME_LIMIT = 120
SHORTENED = " […]"
"""Marks where a text was cut, in the report itself."""


def limit_text(text: str, limit: int, place: Place, log: ProblemLog) -> str:
    """*text*, or its first *limit* characters marked as shortened (with a warning at *place*)."""
    if len(text) <= limit:
        return text
    log.warning(place, msg.TEXT_SHORTENED, length=len(text), limit=limit)
    return text[:limit].rstrip() + SHORTENED


@dataclass(frozen=True)
class Table:
    """Rows of raw values as read; row 0 is the sheet's row 1 (the CSV's first line)."""

    place: Place
    rows: list[list[object]]

    def value(self, row: int, column: int) -> object:
        cells = self.rows[row] if row < len(self.rows) else []
        return cells[column] if column < len(cells) else None

    def text(self, row: int, column: int) -> str:
        return clean_text(self.value(row, column))

    def place_of(self, row: int, column: int) -> Place:
        return self.place.at(cell_name(row, column))

    def is_blank_row(self, row: int) -> bool:
        return all(clean_text(value) == "" for value in self.rows[row])


def map_header(table: Table, row: int, terms: tuple[Term, ...]) -> dict[str, int]:
    """Which column holds which term in header *row* (the first column wins for a repeated term)."""
    columns: dict[str, int] = {}
    for column, value in enumerate(table.rows[row]):
        term = find_term(terms, value)
        if term and term.key not in columns:
            columns[term.key] = column
    return columns


def find_header(table: Table, terms: tuple[Term, ...]) -> tuple[int, dict[str, int]] | None:
    """The first row within the top rows that names a factor column and a score column."""
    for row in range(min(HEADER_SEARCH_ROWS, len(table.rows))):
        columns = map_header(table, row, terms)
        has_factor = FACTOR.key in columns or FACTOR_ID.key in columns
        if has_factor and (SUPPLIER_SCORE.key in columns or KEY_ACCOUNT_SCORE.key in columns):
            return row, columns
    return None


def report_missing_columns(table: Table, header_row: int, columns: dict[str, int], log: ProblemLog) -> bool:
    """Errors for absent score columns; True when the rows can be read."""
    ok = True
    for term in (SUPPLIER_SCORE, KEY_ACCOUNT_SCORE):
        if term.key not in columns:
            log.error(table.place_of(header_row, 0), msg.COLUMN_MISSING, column=term.label)
            ok = False
    return ok


def report_header_not_found(table: Table, log: ProblemLog) -> None:
    log.error(
        table.place,
        msg.HEADER_NOT_FOUND,
        column=FACTOR.label,
        supplier=SUPPLIER_SCORE.label,
        key_account=KEY_ACCOUNT_SCORE.label,
        comment=COMMENT.label,
    )


class FactorMatcher:
    """Finds a catalog factor by its id, title or short label, in German or English."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._by_key: dict[str, str] = {}
        self._display: dict[str, LocalizedText | str] = {}
        for factor in catalog.factors:
            # Human wording first, so that a suggestion shows a title rather than an id.
            named = [(text, factor.title) for text in factor.title.variants()]
            named += [(text, factor.short) for text in (factor.short.variants() if factor.short else [])]
            for text, display in (*named, (factor.id, factor.id)):
                key = normalise_key(text)
                self._by_key.setdefault(key, factor.id)
                self._display.setdefault(key, display)

    def match(self, text: str) -> str | None:
        return self._by_key.get(normalise_key(text))

    def suggest(self, text: str) -> LocalizedText | str | None:
        """The closest title or short label (worded in the message's language, whichever language was
        typed), or id; None when nothing is close."""
        close = difflib.get_close_matches(normalise_key(text), list(self._by_key), n=1, cutoff=0.75)
        return self._display[close[0]] if close else None


@dataclass(frozen=True)
class RowRating:
    """A rating and the row it came from, so duplicates can name both places."""

    rating: FactorRating
    place: Place


def parse_rating_row(
    table: Table, row: int, columns: dict[str, int], matcher: FactorMatcher, log: ProblemLog
) -> RowRating | None:
    """One factor row → a rating; problems go to *log*. Blank scores mean *not rated*.

    A score that cannot be read is logged and left out, but the row still names its factor: it is
    neither missing nor free to appear twice. (A file with any error gives no assessment anyway.)
    """
    factor_id = _match_factor(table, row, columns, matcher, log)
    scores = {
        term.key: _read_score(table, row, columns.get(term.key), matcher.catalog, log)
        for term in (SUPPLIER_SCORE, KEY_ACCOUNT_SCORE)
    }
    if factor_id is None:
        return None
    comment = ""
    if COMMENT.key in columns:
        comment = limit_text(
            table.text(row, columns[COMMENT.key]),
            COMMENT_LIMIT,
            table.place_of(row, columns[COMMENT.key]),
            log,
        )
    shared = _read_share(table, row, columns.get(SHARE_COMMENT.key), log)
    rating = FactorRating(
        factor_id, scores[SUPPLIER_SCORE.key], scores[KEY_ACCOUNT_SCORE.key], comment, comment_shared=shared
    )
    return RowRating(rating, table.place_of(row, _factor_column(columns)))


def _read_share(table: Table, row: int, column: int | None, log: ProblemLog) -> bool | None:
    """Whether the row's comment is shared with the key account, as its share cell says; None where the
    cell is blank or there is no such column, for the workbook's view to decide once it is known (see
    :data:`~reportgen.reading.vocabulary.COMMENTS_SHARED_BY_DEFAULT`). A word that is neither yes nor no
    is an error, and shares nothing."""
    if column is None or not table.text(row, column):
        return None
    shared = share_named(table.value(row, column))
    if shared is None:
        log.error(table.place_of(row, column), msg.SHARE_UNKNOWN, value=table.text(row, column))
        return False
    return shared


def _factor_column(columns: dict[str, int]) -> int:
    return columns.get(FACTOR_ID.key, columns.get(FACTOR.key, 0))


def _match_factor(
    table: Table, row: int, columns: dict[str, int], matcher: FactorMatcher, log: ProblemLog
) -> str | None:
    for term in (FACTOR_ID, FACTOR):
        if term.key not in columns:
            continue
        text = table.text(row, columns[term.key])
        if not text:
            continue
        factor_id = matcher.match(text)
        if factor_id is None:
            suggestion = matcher.suggest(text)
            message = msg.UNKNOWN_FACTOR_NEAR if suggestion else msg.UNKNOWN_FACTOR
            log.error(
                table.place_of(row, columns[term.key]),
                message,
                value=text,
                catalog=matcher.catalog.label(),
                suggestion=suggestion,
            )
        return factor_id
    log.error(table.place_of(row, _factor_column(columns)), msg.CELL_EMPTY, field=FACTOR.label)
    return None


def _read_score(table: Table, row: int, column: int | None, catalog: Catalog, log: ProblemLog):
    if column is None:
        return None
    raw = table.value(row, column)
    if clean_text(raw) == "":
        return None
    scale = catalog.scale
    place = table.place_of(row, column)
    try:
        score = parse_number(raw)
    except NotANumber:
        return _read_scale_word(clean_text(raw), scale, place, log)
    if not math.isfinite(score) or not scale.contains(score):
        log.error(place, msg.SCORE_OUT_OF_SCALE, value=clean_text(raw), min=scale.min, max=scale.max)
        return None
    return score


_NUMBERED_WORD = re.compile(r"^(?P<number>\d+(?:[.,]\d+)?)\s*[-–—=:.)]?\s*(?P<word>\D.*)$")


def _word_key(text: str) -> str:
    """A scale word reduced for matching: case, spaces and punctuation do not count."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _read_scale_word(text: str, scale: Scale, place: Place, log: ProblemLog) -> float | None:
    """A score typed as the scale's word for it (``deutlich``, ``4 - deutlich``, ``clearly``), in
    either language; noted as read. A number beside the word must be the word's point."""
    points = {_word_key(word): point for point, label in scale.labels.items() for word in label.variants()}
    numbered = _NUMBERED_WORD.match(text)
    word = numbered["word"] if numbered else text
    point = points.get(_word_key(word))
    if point is None:
        log.error(place, msg.SCORE_NOT_A_NUMBER, value=text, min=scale.min, max=scale.max)
        return None
    if numbered and parse_number(numbered["number"]) != point:
        log.error(
            place,
            msg.SCORE_WORD_DISAGREES,
            value=text,
            number=numbered["number"],
            word=word.strip(),
            point=point,
            min=scale.min,
            max=scale.max,
        )
        return None
    log.warning(place, msg.SCORE_READ_AS, value=text, score=point, min=scale.min, max=scale.max)
    return float(point)


def summarise_score_words(problems: list[Problem]) -> list[Problem]:
    """*problems* with the notes on scores typed as words gathered into one per sheet.

    A workbook typed with words has them in most of its 32 score cells; a note for each would bury
    every other problem. One note per sheet counts them and shows the first few cells, so the user
    can still check how each was read – and a single one keeps its own cell.
    """
    notes: dict[tuple, list[Problem]] = {}
    for problem in problems:
        if problem.message is msg.SCORE_READ_AS and problem.place is not None:
            notes.setdefault((problem.place.file, problem.place.sheet), []).append(problem)
    summarised = []
    for problem in problems:
        if problem.message is not msg.SCORE_READ_AS or problem.place is None:
            summarised.append(problem)
            continue
        group = notes[(problem.place.file, problem.place.sheet)]
        if len(group) == 1:
            summarised.append(problem)
        elif problem is group[0]:
            shown = tuple(
                Phrase(msg.SCORE_EXAMPLE, {"cell": p.place.cell, **p.params}) for p in group[:SCORE_EXAMPLES]
            )
            message = msg.SCORES_READ_AS if len(group) <= SCORE_EXAMPLES else msg.SCORES_READ_AS_AMONG
            params = {**problem.params, "count": len(group), "examples": Listing(shown)}
            place = Place(problem.place.file, problem.place.sheet)
            summarised.append(Problem(place, message, params, Severity.WARNING))
    return summarised


SCORE_EXAMPLES = 3
"""How many of the scores typed as words a summary shows."""


def unique_ratings(rows: list[RowRating], log: ProblemLog) -> tuple[FactorRating, ...]:
    """The ratings with each factor once; a repeated factor is an error naming both rows."""
    first_place: dict[str, RowRating] = {}
    for row in rows:
        factor_id = row.rating.factor_id
        if factor_id in first_place:
            log.error(
                row.place, msg.DUPLICATE_FACTOR, factor=factor_id, first=first_place[factor_id].place.cell
            )
        else:
            first_place[factor_id] = row
    return tuple(row.rating for row in first_place.values())


def report_missing_factors(
    place: Place, catalog: Catalog, ratings: tuple[FactorRating, ...], log: ProblemLog
) -> None:
    """A warning naming the catalog's factors without a row, as the reports label them (in the
    message's language), not by id."""
    present = {rating.factor_id for rating in ratings}
    missing = [factor.short or factor.title for factor in catalog.factors if factor.id not in present]
    if missing:
        log.warning(place, msg.MISSING_FACTORS, count=len(missing), factors=quoted(*missing))


def report_nothing_rated(place: Place, ratings: tuple[FactorRating, ...], log: ProblemLog) -> None:
    """An error when no factor has both scores – unless errors in the rows already explain why."""
    if log.errors:
        return
    if not any(r.rated_both for r in ratings):
        log.error(place, msg.NOTHING_RATED_BOTH)
