"""MkDocs hook: the command line reference shows each command's description as ``--help`` prints it.

mkdocs-click hands a command's description to Markdown as it is, so the help's plain text would be read
as markup: ``<account>_<period>_<lang>.pdf`` would vanish as an HTML tag, and underscores would turn to
italics. The hook escapes what Markdown would read as markup in those lines, and only there. Should
mkdocs-click no longer make descriptions the way this expects, the hook says so, and ``--strict`` fails.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger("mkdocs.hooks.cli_text")

MARKUP = re.compile(r"([\\`*_\[\]#])")


def plain(line: str) -> str:
    """*line* as Markdown that shows it as written."""
    return MARKUP.sub(r"\\\1", line).replace("<", "&lt;").replace(">", "&gt;")


def on_config(config):
    try:
        from mkdocs_click import _docs
    except ImportError:
        log.warning("mkdocs-click is not installed: the command line reference cannot be made.")
        return config
    make = getattr(_docs, "_make_description", None)
    if make is None:
        log.warning("mkdocs-click no longer has _make_description: check how the reference shows --help.")
        return config
    if getattr(make, "escapes_markup", False):
        return config

    def described(*args, **kwargs):
        for line in make(*args, **kwargs):
            yield plain(line)

    described.escapes_markup = True
    _docs._make_description = described
    return config
