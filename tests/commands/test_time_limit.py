"""The time limit interrupts work that runs too long and leaves no alarm behind."""

from __future__ import annotations

import contextlib
import signal
import threading
import time

import pytest

from reportgen.commands.time_limit import TimeLimitExceeded, time_limit


def test_work_over_the_limit_is_interrupted():
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        time.sleep(600)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_limit_holds_even_where_the_work_catches_every_error():
    """Regression: the alarm came while matplotlib was drawing, inside code that catches Exception; the
    account then ran on without a limit (a test of a stuck account hung for ten minutes)."""
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        with contextlib.suppress(Exception):  # as a library's code may do
            time.sleep(600)
        time.sleep(3)  # the work goes on: without the limit the block would end here, unraised


def test_work_within_the_limit_keeps_its_result_and_the_previous_handler():
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        total = sum(range(1000))
    assert total == 499500
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_no_limit_outside_the_main_thread_or_when_none_is_given():
    outcome = []

    def elsewhere():
        with time_limit(0.01):
            time.sleep(0.1)
        outcome.append("finished")

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    with time_limit(None):
        time.sleep(0.05)
    assert outcome == ["finished"]
