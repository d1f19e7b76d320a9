"""What the user reads: an unexpected error is one sentence in the chosen language, a traceback only with --debug."""

from __future__ import annotations

from tests.conftest import run


def test_unexpected_errors_are_one_sentence_unless_debug(tmp_path, good, monkeypatch):
    def explode(*_args, **_kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr("reportgen.analysis.all_accounts.read_all", explode)
    result = run("briefing", str(good), "--lang", "de")
    assert result.exit_code == 2
    assert (
        "Etwas Unerwartetes ist schiefgegangen: kaputt Starten Sie erneut mit --debug für Details."
        in result.stderr
    )
    debug = run("briefing", str(good), "--debug")
    assert isinstance(debug.exception, RuntimeError)
