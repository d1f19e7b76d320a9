"""Synthetic but realistic assessments for the benchmark: N accounts, two quarters each, fixed seed.

Every zone appears; a few scores are blank; some comments carry umlauts; revenues spread like a real
portfolio's. Written as xlsx workbooks, the way users hand them in.
"""

from __future__ import annotations

import random
from pathlib import Path

from reportgen.model.catalog import Catalog
from reportgen.outputs.spreadsheets import write_xlsx
from reportgen.reading.vocabulary import (
    ACCOUNT_ID,
    ACCOUNT_NAME,
    ACCOUNT_SHEET,
    ANNUAL_REVENUE,
    ASSESSED_BY,
    ASSESSMENT_SHEET,
    CATALOG,
    KEY_ACCOUNT_MANAGER,
    PERIOD,
    RATING_COLUMNS,
)

STEMS = ["Nord", "Süd", "Alpen", "Rhein", "Hansa", "Elb", "Donau", "Weser", "Isar", "Main", "Ostsee", "Harz"]
TRADES = ["werk", "logistik", "technik", "bau", "chemie", "medizin", "energie", "foods", "systeme", "stahl"]
FORMS = ["GmbH", "AG", "SE", "KG", "GmbH & Co. KG", "Ltd", "Inc."]
COMMENTS = [
    "Früh in die Planung eingebunden – gute Erfahrung.",
    "Zusagen zu Abrufmengen wurden zweimal verschoben.",
    "Gemeinsamer Workshop zur Prozessoptimierung im Frühjahr.",
    "Feedback kommt nur auf Nachfrage; Gespräch mit dem Einkauf geplant.",
    "Exklusive Kapazitäten reserviert, Gegenleistung offen.",
    "Strong reference customer; joint press release in May.",
]
PERIODS = ("2026-Q2", "2026-Q3")


def _score(rng: random.Random, level: float) -> int | None:
    if rng.random() < 0.04:
        return None
    return max(1, min(5, round(1 + 4 * level / 100 + rng.gauss(0, 0.7))))


def write_accounts(folder: Path, catalog: Catalog, count: int, seed: int = 2026) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(count):
        name = f"{rng.choice(STEMS)}{rng.choice(TRADES)} {number:03d} {rng.choice(FORMS)}"
        supplier_level, account_level = rng.uniform(10, 95), rng.uniform(10, 95)
        revenue = round(rng.lognormvariate(14.5, 1.0), -3)
        for period in PERIODS:
            supplier_level = min(100, max(0, supplier_level + rng.gauss(0, 6)))
            account_level = min(100, max(0, account_level + rng.gauss(0, 6)))
            facts = [
                [ACCOUNT_NAME.heading("de"), name],
                [ACCOUNT_ID.heading("de"), f"KA-{number:04d}"],
                [PERIOD.heading("de"), period],
                [KEY_ACCOUNT_MANAGER.heading("de"), "Jürgen Weiß"],
                [ASSESSED_BY.heading("de"), "Anja Groß"],
                [ANNUAL_REVENUE.heading("de"), revenue],
                [CATALOG.heading("de"), catalog.label()],
            ]
            rows = [[term.heading("de") for term in RATING_COLUMNS]]
            for factor in catalog.factors:
                comment = rng.choice(COMMENTS) if rng.random() < 0.2 else ""
                rows.append(
                    [
                        factor.id,
                        factor.title.de,
                        _score(rng, supplier_level),
                        _score(rng, account_level),
                        comment,
                    ]
                )
            path = folder / f"account-{number:03d}_{period}.xlsx"
            write_xlsx(path, {ACCOUNT_SHEET.heading("de"): facts, ASSESSMENT_SHEET.heading("de"): rows})
            written.append(path)
    return written
