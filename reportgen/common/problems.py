"""Problems found in a user's files, kept as data until they are worded in the reader's language.

Every problem knows its place (file › sheet › cell) and a message with a hint on how to fix it.
Readers collect all problems of a file instead of stopping at the first one.
"""

from __future__ import annotations

import errno
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from reportgen.common.i18n import N_, Plural, gettext_for


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Place:
    """Where a problem sits: a file, and where known its sheet and cell (``C7``) or CSV line."""

    file: Path
    sheet: str | None = None
    cell: str | None = None

    def at(self, cell: str) -> Place:
        return Place(self.file, self.sheet, cell)

    def describe(self) -> str:
        return " › ".join(str(part) for part in (display_path(self.file), self.sheet, self.cell) if part)


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def shell_path(path: Path) -> str:
    """The path as a command in a hint shows it (see :func:`display_path`), quoted as a shell needs it:
    ``'Ordner mit Ümläuten/größe.xlsx'``, so that the command works when pasted."""
    return shlex.quote(display_path(path))


@dataclass(frozen=True)
class Message:
    """An English message template (the gettext msgid) and an optional hint on how to fix it.

    A :class:`~reportgen.common.i18n.Plural` text is picked by the ``count`` parameter.
    """

    text: str | Plural
    hint: str | None = None

    def word(self, lang: str, params: Mapping[str, Any]) -> str:
        """The message and its hint in *lang*. Parameters that are messages or counted things are
        worded in *lang* too."""
        _ = gettext_for(lang)
        values = {key: _word_value(value, lang) for key, value in params.items()}
        text = self.text.pick(lang, params["count"]) if isinstance(self.text, Plural) else _(self.text)
        text = text.format(**values)
        if self.hint:
            text += " " + _(self.hint).format(**values)
        return text


def _word_value(value: Any, lang: str) -> Any:
    """A parameter as the message shows it in *lang*: a message, or anything that words itself (a
    count, a date, a catalog text, a phrase), is worded in *lang*; other values stay as they are."""
    if isinstance(value, Message):
        return value.word(lang, {})
    word = getattr(value, "word", None)
    if callable(word):
        return word(lang)
    return value


@dataclass(frozen=True)
class Phrase:
    """A message with its own parameters, worded inside another message once the language is known."""

    message: Message
    params: Mapping[str, Any] = field(default_factory=dict)

    def word(self, lang: str) -> str:
        return self.message.word(lang, self.params)


@dataclass(frozen=True)
class Listing:
    """Several parameters worded one after another, separated by commas."""

    items: tuple[Any, ...]

    def word(self, lang: str) -> str:
        return ", ".join(str(_word_value(item, lang)) for item in self.items)


QUOTED = Message(N_('"{text}"'))
"""A name as a message quotes it: "…" in English, „…“ in German."""


def quoted(*texts: Any) -> Listing:
    """*texts* (plain, or worded in the message's language) quoted as the language quotes."""
    return Listing(tuple(Phrase(QUOTED, {"text": text}) for text in texts))


@dataclass(frozen=True)
class Problem:
    place: Place | None
    """Where it sits; None for a problem of the whole run (no input, no such period or account)."""
    message: Message
    params: dict[str, Any] = field(default_factory=dict)
    severity: Severity = Severity.ERROR

    def render(self, lang: str) -> str:
        """``file › sheet › cell: what is wrong. How to fix it.`` in *lang* (without a place for a
        problem of the whole run)."""
        text = self.message.word(lang, self.params)
        return f"{self.place.describe()}: {text}" if self.place is not None else text


def failure_reason(error: BaseException) -> str:
    """An unexpected error in the words a user is shown: its own text, else at least its kind."""
    return str(error) or type(error).__name__


NOT_THERE = Message(N_("the file does not exist"))
NO_PERMISSION = Message(N_("you have no permission for it"))
READ_ONLY = Message(N_("the drive is read-only"))
DRIVE_FULL = Message(N_("the drive is full"))
QUOTA_USED_UP = Message(N_("your storage quota is used up"))
NOT_A_FOLDER = Message(N_("a part of its path is a file, not a folder"))
IS_A_FOLDER = Message(N_("it is a folder, not a file"))
FOLDER_NOT_THERE = Message(N_("its folder does not exist"))

OS_REASONS: dict[int, Message] = {
    code: reason
    for code, reason in (
        (errno.ENOENT, NOT_THERE),
        (errno.EACCES, NO_PERMISSION),
        (errno.EPERM, NO_PERMISSION),
        (errno.EROFS, READ_ONLY),
        (errno.ENOSPC, DRIVE_FULL),
        (getattr(errno, "EDQUOT", None), QUOTA_USED_UP),  # not on Windows
        (errno.ENOTDIR, NOT_A_FOLDER),
        (errno.EISDIR, IS_A_FOLDER),
    )
    if code is not None
}
"""The common reasons a file cannot be read or written, worded in the message's language: the system's
own words (``strerror``) are English whatever language was chosen. This is the one place that knows
what an error number means; a message says the reason after a colon, as a clause of its own (which
German begins with a capital)."""

WRITE_REASONS: dict[int, Message] = {**OS_REASONS, errno.ENOENT: FOLDER_NOT_THERE, errno.EEXIST: NOT_A_FOLDER}
"""The reasons a file cannot be written: a file about to be written is not there yet, so a missing one
is its folder; and its folder is made first, which fails where a file of the folder's name is."""


def os_reason(error: OSError, writing: bool = False) -> Message | str:
    """Why *error* happened (when a file was read, or *writing*), in the message's language where it is
    one of :data:`OS_REASONS` (or :data:`WRITE_REASONS`); else the system's own words."""
    reasons = WRITE_REASONS if writing else OS_REASONS
    return reasons.get(error.errno) or error.strerror or str(error)


class ProblemsFound(Exception):
    """Raised by a stage that found problems it cannot work around; carries all of them."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


class ProblemLog:
    """Collects problems while a file is read, so all of them can be reported at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.sheet_order: list[str] = []
        """The file's sheets as the workbook orders them, so problems can be listed in that order."""

    def error(self, place: Place, message: Message, **params: Any) -> None:
        self.problems.append(Problem(place, message, params))

    def warning(self, place: Place, message: Message, **params: Any) -> None:
        self.problems.append(Problem(place, message, params, Severity.WARNING))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]
