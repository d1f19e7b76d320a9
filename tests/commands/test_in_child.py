"""Work done in a forked child: its result handed back, its failure said in one sentence, no child left."""

from __future__ import annotations

import os
import time

import pytest

from reportgen.commands.in_child import ChildFailed, InChild


def twice(value):
    return value * 2


def broken(message):
    raise ValueError(message)


def test_the_child_hands_back_what_the_work_returns():
    child = InChild(twice, b"pdf")
    assert child.result() == b"pdfpdf"
    assert not child._process.is_alive()


def test_a_failure_in_the_child_is_said_in_one_sentence():
    child = InChild(broken, "the page has no room")
    with pytest.raises(ChildFailed) as failed:
        child.result()
    assert "the page has no room" in failed.value.reason
    assert not child._process.is_alive()


def test_a_child_that_dies_is_a_failure_not_a_wait():
    child = InChild(os._exit, 3)
    with pytest.raises(ChildFailed, match="ended early"):
        child.result()


def test_closing_early_stops_the_child():
    child = InChild(time.sleep, 600)
    pid = child._process.pid
    child.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
