"""Words come from the catalogs, numbers and dates from Babel, and German is complete."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from reportgen.common.i18n import Formatter, translations

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("lang", "number", "day", "money", "signed"),
    [
        ("de", "3,5", "27. November 2026", "1.250.000\xa0€", "−4"),
        ("en", "3.5", "November 27, 2026", "€1,250,000", "−4"),
    ],
)
def test_numbers_and_dates_as_readers_expect_them(lang, number, day, money, signed):
    formatter = Formatter(lang)
    assert formatter.number(3.5, 1) == number
    assert formatter.date(date(2026, 11, 27)) == day
    assert formatter.money(1_250_000, "EUR") == money
    assert formatter.signed(-4.2) == signed
    assert formatter.signed(12) == "+12"
    assert formatter.signed(2.0, None) == "+2"
    assert formatter.score(None) == "–"


@pytest.mark.parametrize(
    ("lang", "currency", "money"),
    [("en", "CHF", "CHF\xa01,300,000"), ("de", "CHF", "1.300.000\xa0CHF"), ("en", "USD", "$1,300,000")],
)
def test_a_currency_written_in_letters_keeps_a_space_from_its_digits(lang, currency, money):
    """Regression: English wrote "CHF1,300,000"."""
    assert Formatter(lang).money(1_300_000, currency) == money


@pytest.mark.parametrize(
    ("lang", "currency", "money"),
    [
        ("de", "EUR", "\u221213.000\u00a0€"),
        ("en", "EUR", "\u2212€13,000"),
        ("en", "CHF", "\u2212CHF\u00a013,000"),
    ],
)
def test_a_loss_is_written_with_a_true_minus_as_signed_figures_are(lang, currency, money):
    assert Formatter(lang).money(-13_000, currency) == money


def source_messages() -> set[str]:
    method_map = [("reportgen/**.py", "python"), ("templates/**.html", "jinja2")]
    options_map = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    found = extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        directory_filter=lambda path: not Path(path).name.startswith((".", "__")),
    )
    ids = set()
    for _filename, _lineno, message, _comments, _context in found:
        ids.add(message if isinstance(message, str) else message[0])
    return ids


def test_every_word_in_code_and_templates_has_a_german_translation():
    from babel.messages.pofile import read_po

    with (ROOT / "locales/de/LC_MESSAGES/messages.po").open("rb") as po:
        german = {m.id if isinstance(m.id, str) else m.id[0]: m for m in read_po(po) if m.id}
    missing = sorted(
        m
        for m in source_messages()
        if m not in german
        or german[m].fuzzy
        or not all(german[m].string if isinstance(german[m].string, tuple) else [german[m].string])
    )
    assert not missing, "Run `make messages` and translate these in locales/de/LC_MESSAGES/messages.po"


def test_english_is_the_source_language():
    assert translations("en").gettext("Confidential") == "Confidential"
    assert translations("de").gettext("Confidential") == "Vertraulich"
