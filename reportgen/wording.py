"""How zones are named and explained in a report's language – shared by charts and views."""

from __future__ import annotations

from reportgen.analysis import zone_ids
from reportgen.catalog import Catalog
from reportgen.i18n import gettext_for
from reportgen.model import SUPPLIER_FRUSTRATION_CRITICAL, AccountAnalysis, ZoneKind


def zone_names(catalog: Catalog, lang: str) -> list[tuple[str, str]]:
    """(zone id, name) for every zone, in the order of :func:`zone_ids`; the critical zone says so."""
    zones = catalog.zones
    frustration = zones.supplier_frustration.name.get(lang)
    _ = gettext_for(lang)
    names = {r.id: r.name.get(lang) for r in zones.relationship_types}
    names[ZoneKind.SUPPLIER_FRUSTRATION] = frustration
    names[SUPPLIER_FRUSTRATION_CRITICAL] = _("{zone}, critical").format(zone=frustration)
    names[ZoneKind.ACCOUNT_INVESTS_MORE] = zones.account_invests_more.name.get(lang)
    return [(zone, names[zone]) for zone in zone_ids(catalog)]


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
