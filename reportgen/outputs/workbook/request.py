"""What a fillable workbook is made for: its language, the account and quarter where they are known, whose
view it asks for (our team's workbook or the key account's questionnaire), who rates, and the names the
questionnaire gives both companies. Every sheet reads it, so it stands below them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.common.i18n import N_, gettext_for
from reportgen.model.assessment import View

YOUR_COMPANY = N_("your company")
"""The key account where the questionnaire does not know its name; the catalog's texts place
``{account}`` where this reads right in German too (nominative or accusative)."""


@dataclass(frozen=True)
class WorkbookRequest:
    lang: str
    account: str | None = None
    period: str | None = None
    view: View = View.SUPPLIER
    supplier: str | None = None
    """Our company's name, which the key account's questionnaire names."""
    rater: str | None = None
    role: str | None = None

    @property
    def for_key_account(self) -> bool:
        return self.view is View.KEY_ACCOUNT

    def company_names(self) -> dict[str, str]:
        """The two companies as the questionnaire names them: ``supplier`` and ``account``."""
        account = self.account or gettext_for(self.lang)(YOUR_COMPANY)
        return {"supplier": self.supplier or "", "account": account}


def with_companies(text: str, names: dict[str, str]) -> str:
    """*text* with ``{supplier}`` and ``{account}`` replaced by the companies' names; any other brace
    in a user's catalog stays as it is written."""
    for key, name in names.items():
        text = text.replace("{" + key + "}", name)
    return text


def in_header(name: str) -> str:
    """A company's name put in brackets in a column header: the reader ignores what is in brackets, and
    a bracket in the name itself would end them early, so its round brackets become square ones."""
    return name.replace("(", "[").replace(")", "]")
