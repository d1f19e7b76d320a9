"""MkDocs hook: the guide's list of every message reportgen can show, made from the code at build time.

A message is a module-level ``Message`` of the package (its text and its hint on what to do, both gettext
msgids): every module is walked with pkgutil, so a message is found wherever its module lies. A page
places messages with a marker naming them by their constant's name::

    <!-- messages: FILE_NOT_FOUND EMPTY_FILE -->

and the hook puts there each message's English text and hint, and the German of both as the reports'
own catalog (locales/de/LC_MESSAGES/messages.po) translates them. Two constants with the same text and
hint are one entry. A message the page places nowhere, or a name that is no message (any more), is
logged as a warning, so that ``mkdocs build --strict`` fails until the page says where it belongs: the
list can never leave a message out.
"""

from __future__ import annotations

import html
import importlib
import logging
import pkgutil
import re
import warnings
from dataclasses import dataclass, field
from functools import cache

log = logging.getLogger("mkdocs.hooks.messages")

MARKER = re.compile(r"<!--\s*messages:\s*(?P<names>[A-Z0-9_\s]+?)\s*-->")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
PAGE = "operations/messages.md"


@dataclass
class Entry:
    """One message as users read it; *names* are the constants that hold it."""

    text: str
    hint: str | None
    german: str
    german_hint: str | None
    names: list[str] = field(default_factory=list)


@cache
def entries() -> tuple[Entry, ...]:
    """Every message of the package, each once, in the order the modules define them."""
    import reportgen
    from reportgen.common.i18n import Plural, translations
    from reportgen.common.problems import Message

    german = translations("de")
    found: dict[tuple[str, str | None], Entry] = {}
    modules = sorted(info.name for info in pkgutil.walk_packages(reportgen.__path__, "reportgen."))
    for name in modules:
        if name.rsplit(".", 1)[-1] == "__main__":  # running it starts the command line
            continue
        for constant, value in vars(_imported(name)).items():
            if not isinstance(value, Message):
                continue
            if isinstance(value.text, Plural):  # shown as it reads for several things
                text = value.text.plural
                worded = german.ngettext(value.text.singular, value.text.plural, 2)
            else:
                text, worded = value.text, german.gettext(value.text)
            key = (text, value.hint)
            entry = found.get(key)
            if entry is None:
                hint = german.gettext(value.hint) if value.hint else None
                entry = found[key] = Entry(text, value.hint, worded, hint)
            if constant not in entry.names:
                entry.names.append(constant)
    return tuple(found.values())


def _words(text: str) -> str:
    """A message as HTML, its placeholders (``{account}``) set apart as what the message fills in."""
    return PLACEHOLDER.sub(r"<var>\1</var>", html.escape(text))


def _row(entry: Entry) -> str:
    def cell(text: str, hint: str | None, lang: str) -> str:
        said = f'<p class="message-text">{_words(text)}</p>'
        todo = f'<p class="message-hint">{_words(hint)}</p>' if hint else ""
        return f'<td lang="{lang}">{said}{todo}</td>'

    names = " ".join(entry.names)
    return (
        f'<tr data-names="{names}">{cell(entry.text, entry.hint, "en")}'
        f"{cell(entry.german, entry.german_hint, 'de')}</tr>"
    )


def table(chosen: list[Entry]) -> str:
    rows = "\n".join(_row(entry) for entry in chosen)
    return (
        '<table class="messages">\n<thead><tr><th>What it says, and what to do</th>'
        '<th lang="de">Auf Deutsch</th></tr></thead>\n<tbody>\n' + rows + "\n</tbody>\n</table>"
    )


def place(markdown: str, known: tuple[Entry, ...]) -> tuple[str, list[str], list[Entry]]:
    """*markdown* with each marker replaced by its messages' table; the names no message has, and the
    messages no marker placed."""
    by_name = {name: entry for entry in known for name in entry.names}
    unknown: list[str] = []
    placed: set[int] = set()

    def replace(match: re.Match) -> str:
        chosen: list[Entry] = []
        for name in match["names"].split():
            entry = by_name.get(name)
            if entry is None:
                unknown.append(name)
            elif id(entry) not in placed:
                placed.add(id(entry))
                chosen.append(entry)
        return table(chosen) if chosen else ""

    markdown = MARKER.sub(replace, markdown)
    return markdown, unknown, [entry for entry in known if id(entry) not in placed]


def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.file.src_uri != PAGE:
        return markdown
    markdown, unknown, left_out = place(markdown, entries())
    for name in unknown:
        log.warning(f"{PAGE} names {name}, which is no message of reportgen (any more): remove it.")
    for entry in left_out:
        log.warning(
            f"{PAGE} does not list the message {' / '.join(entry.names)} ({entry.text!r}): "
            "add its name to the marker of the section it belongs to."
        )
    if left_out:
        markdown += "\n\n## Not yet sorted\n\n" + table(left_out) + "\n"
    return markdown


def _imported(name: str):
    """The module of that name; what a library warns of on import (a system library it would like) is
    no concern of the guide's build."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return importlib.import_module(name)
