"""Problems and their messages: an error is said in words, or named by its kind."""

from __future__ import annotations

from reportgen.common.problems import failure_reason


def test_an_error_without_words_is_named_by_its_kind():
    assert failure_reason(ValueError("no such sheet")) == "no such sheet"
    assert failure_reason(MemoryError()) == "MemoryError"
