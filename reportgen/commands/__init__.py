"""The commands, one module each: a function from the run's settings and a reporter to an exit code; and
how a run goes: the jobs in worker processes under a time limit, charts drawn ahead, the console.

The command line (:mod:`reportgen.cli`) only declares the options, builds the settings and calls
:func:`execute`; nothing here is imported before a command runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn

from reportgen.commands.console import Reporter, guarded
from reportgen.common.settings import Settings

Command = Callable[..., int]


def execute(command: Command, settings: Settings, **arguments) -> NoReturn:
    """Run *command* and end the process with its exit code."""
    reporter = Reporter(settings.lang)
    sys.exit(guarded(reporter, settings.debug, lambda: command(settings, reporter, **arguments)))
