"""How zones, views and perception gaps are named and explained in a report's language – shared by charts
and views."""

from __future__ import annotations

from reportgen.analysis.indices import zone_ids
from reportgen.common.i18n import N_, Formatter, Nn_, gettext_for
from reportgen.model.assessment import View
from reportgen.model.catalog import Catalog, Factor
from reportgen.model.findings import (
    SUPPLIER_FRUSTRATION_CRITICAL,
    AccountAnalysis,
    GapClass,
    IntendedFit,
    Zone,
    ZoneKind,
)

VIEW_NAMES = {View.SUPPLIER: N_("our view"), View.KEY_ACCOUNT: N_("the key account's view")}
"""Whose view figures give, as a phrase inside a sentence or a table."""

VIEW_LABELS = {View.SUPPLIER: N_("Our view"), View.KEY_ACCOUNT: N_("Key account's view")}
"""Whose view a mark on a chart gives, as a label standing on its own."""

GAP_CLASS_NAMES = {
    GapClass.UNSEEN_BY_ACCOUNT: N_("unseen by the key account"),
    GapClass.UNDERRATED_BY_US: N_("valued more by the key account"),
    GapClass.OVERRATED_ACCOUNT: N_("overrated by us"),
    GapClass.UNSEEN_BY_US: N_("unseen by us"),
    GapClass.ALIGNED: N_("aligned"),
}
"""A perception gap's class as a table shows it: whose investment is seen differently, and how."""

GAP_CLASS_MEANINGS = {
    GapClass.UNSEEN_BY_ACCOUNT: N_("We rate our investment higher than the key account does."),
    GapClass.UNDERRATED_BY_US: N_("The key account rates our investment higher than we do."),
    GapClass.OVERRATED_ACCOUNT: N_("We rate the key account's investment higher than it does."),
    GapClass.UNSEEN_BY_US: N_("The key account rates its own investment higher than we do."),
    GapClass.ALIGNED: N_("Both views agree within the catalog's threshold."),
}


INTENDED_FIT_WORDS = {
    IntendedFit.ON_TARGET: N_("on target"),
    IntendedFit.OVER_INVESTED: N_("over-invested: we invest more than this relationship needs"),
    IntendedFit.UNDER_INVESTED: N_("under-invested: the relationship falls short of this type"),
}
"""How the account stands against its intended relationship type, after the type's name."""

INTENDED_REGION = N_("Intended: {type}")
"""The intended type's region in a diagram's legend."""


def intended_fit_words(fit: IntendedFit, lang: str) -> str:
    return gettext_for(lang)(INTENDED_FIT_WORDS[fit])


def intended_region_label(type_name: str, lang: str) -> str:
    return gettext_for(lang)(INTENDED_REGION).format(type=type_name)


def view_name(view: View, lang: str) -> str:
    return gettext_for(lang)(VIEW_NAMES[view])


def view_label(view: View, lang: str) -> str:
    return gettext_for(lang)(VIEW_LABELS[view])


def gap_class_name(gap: GapClass, lang: str) -> str:
    return gettext_for(lang)(GAP_CLASS_NAMES[gap])


def gap_class_meaning(gap: GapClass, lang: str) -> str:
    return gettext_for(lang)(GAP_CLASS_MEANINGS[gap])


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
    return zone_name(analysis.zone, catalog, lang)


def zone_name(zone: Zone, catalog: Catalog, lang: str) -> str:
    """Any zone's name as a table shows it (the key account's view has one too), ", critical" included."""
    return dict(zone_names(catalog, lang))[zone.id]


def zone_words(analysis: AccountAnalysis, catalog: Catalog, lang: str) -> tuple[str, str]:
    """The zone's plain name and what it means, in *lang*."""
    return zone_meaning(analysis.zone, catalog, lang)


def zone_meaning(zone: Zone, catalog: Catalog, lang: str) -> tuple[str, str]:
    """A zone's plain name and what it means, in *lang*."""
    zones = catalog.zones
    if zone.relationship_type is not None:
        return zone.relationship_type.name.get(lang), zone.relationship_type.meaning.get(lang)
    if zone.kind is ZoneKind.SUPPLIER_FRUSTRATION:
        area = zones.supplier_frustration
        meaning = area.critical_meaning if zone.critical and area.critical_meaning else area.meaning
        return area.name.get(lang), meaning.get(lang)
    area = zones.account_invests_more
    return area.name.get(lang), area.meaning.get(lang)


WHOLE_RELATIONSHIP = N_("The relationship as a whole")
"""What an action that names no factor is about."""


def action_factor_name(factor_id: str | None, factor: Factor | None, lang: str) -> str:
    """What an action is about, as a narrow column names it: its factor's short name, the relationship as
    a whole, or the id of a factor no catalog at hand knows."""
    if factor_id is None:
        return gettext_for(lang)(WHOLE_RELATIONSHIP)
    return factor.label(lang) if factor else factor_id


INDICES = N_("S {supplier}, K {key_account}")
FACTOR_NAMED = N_("“{factor}” ({figures})")
LAST_OF_SEVERAL = N_("{first} and {last}")


def indices_text(supplier: float, key_account: float, lang: str) -> str:
    """ "S 81, K 23": an account's two indices as every text that names them writes them."""
    number = Formatter(lang).number
    return gettext_for(lang)(INDICES).format(supplier=number(supplier), key_account=number(key_account))


def factor_named(label: str, figures: str, lang: str) -> str:
    """ "“Frühe Einbindung” (figures)": a factor named in a sentence, with its scores."""
    return gettext_for(lang)(FACTOR_NAMED).format(factor=label, figures=figures)


def listed(items: list[str], lang: str) -> str:
    """*items* as a sentence lists them: "A", "A and B", "A, B and C"."""
    if len(items) == 1:
        return items[0]
    return gettext_for(lang)(LAST_OF_SEVERAL).format(first=", ".join(items[:-1]), last=items[-1])


HOURS = Nn_("{n} hour", "{n} hours")


def hours_text(hours: float, lang: str) -> str:
    """ "1.150 Stunden" / "1,150 hours", kept on one line, as every report words an effort."""
    shown = Formatter(lang).number(hours)
    return HOURS.pick(lang, hours).format(n=shown).replace(" ", "\u00a0")
