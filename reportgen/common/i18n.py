"""Languages, gettext catalogs and locale-aware formatting.

English is the source language of every message; German comes from
``locales/de/LC_MESSAGES/messages.po``. The ``.po`` file is compiled in memory when first needed,
so there is no build step and no stale ``.mo`` file to forget.
"""

from __future__ import annotations

import gettext
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from reportgen.common.resources import LOCALES_DIR
from reportgen.common.rounding import half_up

_LETTERS_TOUCHING_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")

LANGUAGES: tuple[str, ...] = ("de", "en")
SOURCE_LANGUAGE = "en"
_BABEL_LOCALES: Mapping[str, str] = {"de": "de_DE", "en": "en_US"}


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


@dataclass(frozen=True)
class Plural:
    """A message in its singular and plural form; each language's own rule picks one by a count."""

    singular: str
    plural: str

    def pick(self, lang: str, count: float) -> str:
        """The form for *count*; a fraction reads as plural in both languages ("1,5 Punkte", "1.5 points"),
        which gettext's rules, made for whole numbers, do not know."""
        whole = int(count) if float(count).is_integer() else 2
        return translations(lang).ngettext(self.singular, self.plural, whole)


def Nn_(singular: str, plural: str) -> Plural:
    """Mark a singular and plural pair for extraction (``pybabel extract -k Nn_:1,2``)."""
    return Plural(singular, plural)


@dataclass(frozen=True)
class Counted:
    """A number of things, worded with *noun* ("{n} file" / "{n} files") once the language is known."""

    noun: Plural
    count: int

    def word(self, lang: str) -> str:
        return self.noun.pick(lang, self.count).format(n=self.count)


@dataclass(frozen=True)
class LocalDate:
    """A day, worded as a reader of the language expects it (``1. Juli 2026``) once that is known."""

    day: date

    def word(self, lang: str) -> str:
        return Formatter(lang).date(self.day)


@dataclass(frozen=True)
class LocalTime:
    """A moment, worded with its day and time (``15.09.2026, 14:03:05``) once the language is known."""

    moment: datetime

    def word(self, lang: str) -> str:
        return Formatter(lang).moment(self.moment)


@dataclass(frozen=True)
class LocalMoney:
    """An amount in a currency, worded as the reports write it once the language is known: ``1.300.000 €``
    / ``€1,300,000`` (see :meth:`Formatter.money`)."""

    amount: float
    currency: str

    def word(self, lang: str) -> str:
        return Formatter(lang).money(self.amount, self.currency)


@dataclass(frozen=True)
class LocalNumber:
    """A number, worded as the reports write it once the language is known: ``1.150`` / ``1,150``."""

    value: float

    def word(self, lang: str) -> str:
        return Formatter(lang).number(self.value)


@dataclass(frozen=True)
class LocalShare:
    """A share, worded as a percentage once the language is known: ``18 %`` / ``18%``."""

    fraction: float

    def word(self, lang: str) -> str:
        return Formatter(lang).percent(self.fraction)


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The gettext translations for *lang* (English returns the source strings)."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    po_path = LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer)


def gettext_for(lang: str):
    return translations(lang).gettext


def message_language(requested: str | None) -> str:
    """The language for console messages: the one asked for, else (None, or ``all``) the user's locale,
    else English."""
    if requested in LANGUAGES:
        return requested
    env = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "de" if env.lower().startswith("de") else SOURCE_LANGUAGE


@dataclass(frozen=True)
class Formatter:
    """Numbers and dates as a reader of *lang* expects them (``3,5`` / ``27. November 2026``)."""

    lang: str

    @property
    def locale(self) -> str:
        return _BABEL_LOCALES[self.lang]

    def number(self, value: float | None, digits: int = 0) -> str:
        from babel.numbers import format_decimal

        if value is None:
            return "–"
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(half_up(value, digits) + 0.0, format=pattern, locale=self.locale)

    def signed(self, value: float | None, digits: int | None = 0) -> str:
        """A number with an explicit sign and a true minus: ``+12`` / ``−4``.

        ``digits=None`` shows whole numbers without decimals and others with one, as :meth:`score` does.
        """
        if value is None:
            return "–"
        if digits is None:
            digits = 0 if float(value).is_integer() else 1
        text = self.number(abs(value), digits)
        if half_up(value, digits) == 0:
            return text
        return ("+" if value > 0 else "−") + text

    def score(self, value: float | None) -> str:
        """A scale score: whole numbers without decimals, averages with one."""
        if value is None:
            return "–"
        return self.number(value, 0 if float(value).is_integer() else 1)

    def percent(self, fraction: float) -> str:
        from babel.numbers import format_percent

        return format_percent(fraction, locale=self.locale)

    def date(self, value: date | None) -> str:
        from babel.dates import format_date

        if value is None:
            return "–"
        return format_date(value, format="long", locale=self.locale)

    def moment(self, value: datetime) -> str:
        """A day with its time to the second: two copies of a file saved the same day are told apart."""
        from babel.dates import format_datetime

        return format_datetime(value, format="medium", locale=self.locale)

    def short_date(self, value: date | None) -> str:
        """A day in a table's narrow column: ``27.11.2026`` / ``Nov 27, 2026``."""
        from babel.dates import format_date

        if value is None:
            return "–"
        return format_date(value, format="medium", locale=self.locale)

    def money(self, amount: float | None, currency: str) -> str:
        from babel import Locale
        from babel.numbers import format_currency

        if amount is None:
            return "–"
        pattern = Locale.parse(self.locale).currency_formats["standard"].pattern
        whole_units = pattern.split(";")[0].replace(".00", "")
        written = format_currency(
            amount, currency, format=whole_units, locale=self.locale, currency_digits=False
        )
        # Unicode's rule for a currency written in letters, which Babel leaves out: a space keeps it
        # from its digits ("CHF 1,300,000", not "CHF1,300,000"), and does not break; and a loss with a
        # true minus, as signed figures have it ("−13.000 €", not "-13.000 €")
        return _LETTERS_TOUCHING_DIGITS.sub("\u00a0", written).replace("-", "\u2212", 1)
