"""A time limit for one account's rendering, so that a pathological document cannot hang a batch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TimeLimitExceeded(BaseException):
    """The work inside :func:`time_limit` ran longer than it was allowed.

    A BaseException, like KeyboardInterrupt: the alarm strikes wherever the work happens to be, and code
    there that catches every ``Exception`` (a library's font lookup, say) would otherwise eat the one
    alarm and let the account run on without a limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` inside the block once *seconds* have passed.

    It uses the interval timer and ``SIGALRM``, which only the main thread of a POSIX process
    receives: a command-line run and every pool worker qualify. Elsewhere (another thread, Windows)
    the block runs without a limit, and a pool's own wait for the result stays the backstop. Code
    stuck inside one C call is interrupted when that call returns.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
