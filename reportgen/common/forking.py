"""Forked helper processes: whether this system has them, and how a child keeps off the console.

A forked child starts with everything its parent has read and computed, so a stage can hand it work
without pickling its input. Used by the reading of many files and by the commands that render
meanwhile (:mod:`reportgen.commands.in_child`).
"""

from __future__ import annotations

import multiprocessing
import sys


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def quiet_child() -> None:
    """Give a forked child its own silent stdout and stderr: a lock on the parent's streams, taken by
    the progress bar's thread at the moment of the fork, would otherwise stay taken in the child for
    ever, and a warning (a glyph missing from the font, say) would wait on it."""
    import os
    import warnings

    warnings.simplefilter("ignore")
    sink = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the child
    sys.stdout = sys.stderr = sink
