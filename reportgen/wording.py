"""How zones are named and explained in a report's language – shared by charts and views."""

from __future__ import annotations

from reportgen.catalog import Catalog
from reportgen.i18n import gettext_for
from reportgen.model import AccountAnalysis, ZoneKind


def zone_names(catalog: Catalog, lang: str) -> list[tuple[str, str]]:
    """(zone id, name) for every zone, in legend order; the critical zone says so."""
    zones = catalog.zones
    frustration = zones.supplier_frustration.name.get(lang)
    _ = gettext_for(lang)
    return [
        *((r.id, r.name.get(lang)) for r in zones.relationship_types),
        ("supplier_frustration", frustration),
        ("supplier_frustration_critical", _("{zone}, critical").format(zone=frustration)),
        ("account_invests_more", zones.account_invests_more.name.get(lang)),
    ]


def zone_label(analysis: AccountAnalysis, catalog: Catalog, lang: str) -> str:
    """The zone's name as a table shows it, ", critical" included."""
    return dict(zone_names(catalog, lang))[analysis.zone.id]


def zone_words(analysis: AccountAnalysis, catalog: Catalog, lang: str) -> tuple[str, str]:
    """The zone's plain name and what it means, in *lang*."""
    zone, zones = analysis.zone, catalog.zones
    if zone.relationship_type is not None:
        return zone.relationship_type.name.get(lang), zone.relationship_type.meaning.get(lang)
    if zone.kind is ZoneKind.SUPPLIER_FRUSTRATION:
        area = zones.supplier_frustration
        meaning = area.critical_meaning if zone.critical and area.critical_meaning else area.meaning
        return area.name.get(lang), meaning.get(lang)
    area = zones.account_invests_more
    return area.name.get(lang), area.meaning.get(lang)
