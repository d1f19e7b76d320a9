"""The one publish step: a file written atomically, counted and announced."""

from __future__ import annotations

from reportgen.commands.results import BatchResult, Publisher


def test_publishing_writes_counts_and_announces(tmp_path):
    announced = []
    publish = Publisher(BatchResult(), announced.append)
    target = tmp_path / "out" / "a.pdf"
    publish(target, b"%PDF")
    assert target.read_bytes() == b"%PDF"
    assert publish.result.written == announced == [target]
    assert list(target.parent.iterdir()) == [target]  # no temporary file left beside it
