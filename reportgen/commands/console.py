"""What a user sees of a run besides its files: messages in the chosen language, the paths written,
a progress bar, and how a command ends (its exit code; never a traceback, unless asked for)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from reportgen.common.i18n import N_, gettext_for, message_language
from reportgen.common.problems import Message, Problem, Severity, display_path, failure_reason

EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING_DONE = 0, 1, 2
EXIT_READER_GONE = 141
"""A reader of standard output stopped early (``| head``): 128 + SIGPIPE, as a shell says of a command
such a pipe ended."""

RENDERING = Message(N_("Rendering"))
UNEXPECTED = Message(
    N_("Something unexpected went wrong: {reason}"), N_("Run again with --debug for details.")
)


class Reporter:
    """Says what happens, in the chosen language: messages to standard error, PDF paths to standard
    output (when no progress bar is shown), a progress bar only on an interactive terminal."""

    def __init__(self, lang: str):
        from rich.console import Console

        self.lang = message_language(lang)  # "all": the user's locale
        self._ = gettext_for(self.lang)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self.out = Console(highlight=False, soft_wrap=True)
        self.interactive = self.err.is_terminal and not os.environ.get("CI")
        self._progress = None

    def say(self, message: Message, style: str = "", **params) -> None:
        self.err.print(message.word(self.lang, params), style=style, markup=False)

    def problem(self, problem: Problem) -> None:
        label = "✗" if problem.severity is Severity.ERROR else "!"
        style = "red" if problem.severity is Severity.ERROR else "yellow"
        self.err.print(f"{label} {problem.render(self.lang)}", style=style, markup=False)

    def written(self, path: Path) -> None:
        if not self.interactive:
            self.out.print(display_path(path), markup=False)

    def progress(self, done: int, total: int) -> None:
        if not self.interactive or total < 2:
            return
        from rich.progress import Progress

        if self._progress is None:
            self._progress = Progress(console=self.err, transient=True)
            self._progress.start()
            self._task = self._progress.add_task(self._(RENDERING.text), total=total)
        self._progress.update(self._task, completed=done)
        if done >= total:
            self._progress.stop()
            self._progress = None


class Stop(Exception):
    """Ends a command early with *code*, once the reason has been said."""

    def __init__(self, code: int = EXIT_NOTHING_DONE):
        super().__init__(code)
        self.code = code


def guarded(reporter: Reporter, debug: bool, command: Callable[[], int]) -> int:
    """The exit code of *command*. No traceback for users: an unexpected error becomes one sentence
    and exit code 2 (unless *debug*)."""
    try:
        return command()
    except Stop as stop:
        return stop.code
    except BaseException as error:
        if isinstance(error, SystemExit | KeyboardInterrupt) or debug:
            raise
        reporter.say(UNEXPECTED, style="red", reason=failure_reason(error))
        return EXIT_NOTHING_DONE
