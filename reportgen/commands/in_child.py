"""Work done meanwhile in a forked child, so that a run with a core to spare uses it.

A forked child starts at once with everything this process has read and computed, and hands its
result back once through a pipe: nothing is pickled on the way in. It is used where two parts of a
run do not depend on each other, such as the charts of a single briefing while WeasyPrint loads
(:mod:`reportgen.commands.charts_ahead`) and the portfolio's second language beside its first.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any

from reportgen.common.forking import quiet_child


class ChildFailed(Exception):
    """The child's work raised, or the child died: *reason* says what happened in one sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _run(sender, work: Callable[..., Any], args: tuple) -> None:
    from reportgen.common.problems import failure_reason

    quiet_child()
    try:
        outcome: tuple[bool, Any] = (True, work(*args))
    except Exception as exc:
        outcome = (False, failure_reason(exc))
    sender.send(outcome)
    sender.close()


class InChild:
    """``work(*args)`` run in a forked child from now on; :meth:`result` waits for what it returns."""

    def __init__(self, work: Callable[..., Any], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(sender, work, args), daemon=True)
        self._process.start()
        sender.close()

    def result(self) -> Any:
        """What the work returned; :class:`ChildFailed` if it raised or the child died."""
        try:
            done, value = self._receiver.recv()
        except (EOFError, OSError) as exc:
            raise ChildFailed(f"the helper process ended early ({type(exc).__name__})") from None
        finally:
            self.close()
        if not done:
            raise ChildFailed(value)
        return value

    def close(self) -> None:
        """Stop the child if it still runs (an interrupted run must not leave it behind)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._receiver.close()
