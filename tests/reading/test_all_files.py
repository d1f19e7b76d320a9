"""Every file of a run read: many files by one forked worker per core, with the same results as here."""

from __future__ import annotations

import os

import pytest

from reportgen.reading import all_files
from reportgen.reading.all_files import read_all
from tests.conftest import EXAMPLES

READ = all_files._read


def read_saying_where(path, catalogs, digested):
    """A file read as the run reads it, with the process that read it in place of its digest."""
    result = READ(path, catalogs, digested)
    result.digest = str(os.getpid())
    return result


def summary(results):
    """What a run learns from its files: each file's assessments (whole) and problems, in order."""
    return [(r.path, r.digest, r.assessments, [str(p) for p in r.problems]) for r in results]


@pytest.fixture
def many_files_from_two(monkeypatch):
    """Workers from the second file on, and two of them, as on a machine with two cores."""
    monkeypatch.setattr(all_files, "READ_APART_FROM", 2)
    monkeypatch.setattr(all_files, "default_jobs", lambda: 2)


@pytest.mark.parametrize("digested", [False, True])
def test_files_read_in_workers_give_what_files_read_here_give(catalog, bad, good, digested, monkeypatch):
    paths = [EXAMPLES, bad, good]
    here = read_all(paths, catalog, digested=digested)
    with monkeypatch.context() as patch:
        patch.setattr(all_files, "READ_APART_FROM", 2)
        patch.setattr(all_files, "default_jobs", lambda: 2)
        apart = read_all(paths, catalog, digested=digested)
    assert summary(apart) == summary(here)
    assert any(r.problems for r in apart) and any(r.assessments for r in apart)


def test_the_workers_read_the_files_not_this_process(catalog, bad, good, monkeypatch, many_files_from_two):
    monkeypatch.setattr(all_files, "_read", read_saying_where)  # workers are forked: they take it along
    readers = {result.digest for result in read_all([EXAMPLES, bad, good], catalog)}
    assert readers and str(os.getpid()) not in readers


def test_a_few_files_are_read_here(catalog, good, monkeypatch):
    monkeypatch.setattr(all_files, "_read", read_saying_where)
    assert {result.digest for result in read_all([good], catalog)} == {str(os.getpid())}


def test_one_worker_asked_for_reads_here(catalog, bad, good, monkeypatch, many_files_from_two):
    """``--jobs 1``: the files are read in this process, however many there are."""
    monkeypatch.setattr(all_files, "_read", read_saying_where)
    readers = {result.digest for result in read_all([EXAMPLES, bad, good], catalog, workers=1)}
    assert readers == {str(os.getpid())}
