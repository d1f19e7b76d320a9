"""The catalog is data: the default one is complete, and a broken copy is explained key by key. A workbook
is read with the catalog it names: found among criteria/*.yaml without --criteria, or in a folder given
with --criteria; a catalog file given with --criteria is used for everything."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from reportgen.analysis.all_accounts import prepare
from reportgen.common import resources
from reportgen.common.problems import ProblemsFound
from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
from reportgen.model.catalog import load_catalog
from tests.conftest import CALLOWAY, run


def test_default_catalog_has_the_sixteen_efkam_factors_in_both_languages(catalog):
    assert catalog.id == "efkam-partnership"
    assert catalog.label() == "efkam-partnership v1.0"
    assert len(catalog.factors) == 16
    assert catalog.factors[0].title.de == "Frühzeitige Einbindung in Projekte"
    assert catalog.factors[-1].title.en.startswith("The corporate cultures")
    for factor in catalog.factors:
        for text in (factor.title, factor.short, factor.supplier, factor.key_account):
            assert text.de and text.en, factor.id
    assert (catalog.scale.min, catalog.scale.max) == (1, 5)
    assert catalog.scale.labels[1].de == "gar nicht"
    assert len(catalog.coaching_questions) == 3
    assert catalog.zones.supplier_frustration.name.de == "Lieferantenfrustrationszone"


def broken_copy(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "mein-katalog.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def messages(path: Path, lang: str = "en") -> list[str]:
    with pytest.raises(ProblemsFound) as caught:
        load_catalog(path)
    return [p.render(lang).replace(str(path.parent) + "/", "") for p in caught.value.problems]


def test_a_broken_value_names_file_key_and_problem(tmp_path):
    def change(data):
        data["factors"][3]["weight"] = -1

    (message,) = messages(broken_copy(tmp_path, change))
    assert message.startswith(
        "mein-katalog.yaml: factors[4] (co-specification).weight: Input should be greater than 0."
    )


def test_a_missing_key_and_an_unknown_one(tmp_path):
    def change(data):
        del data["factors"][0]["title"]
        data["factors"][1]["titel"] = "typo"

    found = messages(broken_copy(tmp_path, change), "de")
    assert found[0].startswith("mein-katalog.yaml: factors[1] (early-involvement).title: Field required.")
    assert found[1].startswith("mein-katalog.yaml: factors[2] (relationship-network).titel: Extra inputs")
    assert found[0].endswith(
        "Vergleichen Sie mit criteria/efkam-partnership.yaml; die Katalogreferenz des Benutzerhandbuchs "
        "beschreibt jeden Schlüssel."
    )


def test_unordered_thresholds(tmp_path):
    def change(data):
        data["zones"]["critical_imbalance"] = 5

    (message,) = messages(broken_copy(tmp_path, change))
    assert message.startswith(
        "mein-katalog.yaml: zones: critical_imbalance must not be smaller than balance_tolerance."
    )


def test_duplicate_factor_ids(tmp_path):
    def change(data):
        data["factors"][2]["id"] = data["factors"][1]["id"]

    (message,) = messages(broken_copy(tmp_path, change))
    assert message.startswith(
        "mein-katalog.yaml: (top level): factor id 'relationship-network' appears twice."
    )


def test_invalid_yaml_and_missing_file(tmp_path):
    path = tmp_path / "kaputt.yaml"
    path.write_text("factors: [unclosed", encoding="utf-8")
    (message,) = messages(path)
    assert message.startswith("kaputt.yaml: The catalog cannot be read:")
    (missing,) = messages(tmp_path / "gibt-es-nicht.yaml", "de")
    assert missing == (
        "gibt-es-nicht.yaml: Es gibt keine Katalogdatei und keinen Ordner dieses Namens. "
        "Geben Sie eine Katalogdatei an oder einen Ordner, der eine enthält."
    )


def test_a_factor_in_one_language_falls_back_to_the_other(tmp_path):
    def change(data):
        data["factors"].append(
            {
                "id": "joint-innovation",
                "title": {"de": "Gemeinsame Innovation"},
                "supplier": {"de": "Bringt Ideen ein."},
                "key_account": {"de": "Teilt Ideen."},
            }
        )

    catalog = load_catalog(broken_copy(tmp_path, change))
    added = catalog.factors[-1]
    assert added.title.get("en") == "Gemeinsame Innovation [DE]"  # visibly not English
    assert added.label("de") == "Gemeinsame Innovation"
    assert catalog.factor_numbers["joint-innovation"] == 17


@pytest.mark.parametrize("count", [2, 41])
def test_a_catalog_has_3_to_40_factors(tmp_path, count):
    def change(data):
        factor = data["factors"][0]
        data["factors"] = [{**factor, "id": f"factor-{n}"} for n in range(count)]

    (message,) = messages(broken_copy(tmp_path, change))
    assert message.startswith("mein-katalog.yaml: factors: List should have at")


def test_untranslated_texts_are_listed(tmp_path):
    def change(data):
        data["factors"][0]["title"] = {"de": "Nur deutsch"}
        data["coaching_questions"][2] = {"en": "Only English?"}

    catalog = load_catalog(broken_copy(tmp_path, change))
    assert catalog.untranslated() == [
        ("factors[1] (early-involvement).title", "en"),
        ("coaching_questions[3]", "de"),
    ]


@pytest.mark.parametrize("path", sorted(DEFAULT_CATALOG.parent.glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_catalog_answers_its_three_coaching_questions(path):
    """Regression: the shipped v0.9 catalog's questions named no kind, so a briefing of a 2025-Q4
    workbook asked them without answers."""
    from reportgen.analysis.coaching import QuestionKind

    kinds = [question.kind for question in load_catalog(path).coaching_questions]
    assert sorted(kinds) == sorted(QuestionKind)


@pytest.mark.parametrize(
    ("ref", "other"),
    [
        (None, None),
        ("", None),
        ("efkam-partnership", None),
        ("efkam-partnership v1.0", None),
        ("  efkam-partnership V1.0 ", None),
        ("efkam-partnership v0.9", "efkam-partnership v0.9"),
        ("another-catalog v1.0", "another-catalog v1.0"),
    ],
)
def test_a_reference_to_another_catalog_is_given_back_as_written(catalog, ref, other):
    """The reader's warning and the history's mark both ask this, so they agree on what is another."""
    assert catalog.other_named(ref) == other


def test_a_scale_point_is_named_with_its_word_in_the_language_asked_for():
    from reportgen.model.catalog import Scale

    scale = Scale(
        min=0,
        max=3,
        labels={0: {"de": "gar nicht", "en": "not at all"}, 2: {"de": "etwas", "en": "somewhat"}},
    )
    assert list(scale.points) == [0, 1, 2, 3]
    assert scale.worded_points == [0, 2]
    assert [scale.point_text(point, "de") for point in scale.points] == [
        "0 = gar nicht",
        "1",
        "2 = etwas",
        "3",
    ]
    assert scale.point_text(2, "en", between=" ") == "2 somewhat"


def load_catalogs(*args):
    from reportgen.model.catalog import load_catalogs

    return load_catalogs(*args)


def naming(make_workbook, name: str, catalog_ref: str | None) -> Path:
    """A workbook naming *catalog_ref* (None: naming none) with a row for the factor only 1.1 has."""
    path = make_workbook(name, lang="en")
    workbook = load_workbook(path)
    if catalog_ref:
        workbook["Account"].append(["Catalog", catalog_ref])
    workbook["Assessment"].append(["joint-sustainability", "", 5, 1, ""])
    workbook.save(path)
    return path


def test_without_criteria_the_catalog_the_workbook_names_is_found_in_criteria(
    criteria_folder, make_workbook, monkeypatch
):
    monkeypatch.setattr(resources, "CRITERIA_DIR", criteria_folder)
    monkeypatch.setattr(resources, "DEFAULT_CATALOG", criteria_folder / DEFAULT_CATALOG.name)
    path = naming(make_workbook, "acme.xlsx", "efkam-partnership v1.1")
    result = run("validate", str(path), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "1 file checked: 1 fine" in result.stderr
    fixed = run(
        "validate", str(path), "--criteria", str(criteria_folder / DEFAULT_CATALOG.name), "--lang", "en"
    )
    assert fixed.exit_code == 2  # a file keeps its meaning: that catalog for everything
    assert '"joint-sustainability" is not a factor of the catalog efkam-partnership v1.0' in fixed.stderr


def test_a_folder_given_with_criteria_is_searched_the_same_way(
    criteria_folder, make_workbook, tmp_path, catalog
):
    path = naming(make_workbook, "acme.xlsx", "efkam-partnership v1.1")
    result = run("validate", str(path), "--criteria", str(criteria_folder), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    (analysis,) = prepare([path], load_catalogs(criteria_folder)).analyses
    assert analysis.catalog.version == "1.1"
    assert analysis.coverage.total == len(catalog.factors) + 1


def test_a_folder_reads_a_workbook_naming_no_catalog_with_its_newest_version(criteria_folder, make_workbook):
    path = naming(make_workbook, "acme.xlsx", None)
    assert load_catalogs(criteria_folder).default.version == "1.1"
    assert run("validate", str(path), "--criteria", str(criteria_folder), "--lang", "en").exit_code == 0


def test_a_catalog_named_but_not_found_is_read_with_the_default_and_warned(make_workbook):
    path = make_workbook("acme.xlsx", lang="en")
    workbook = load_workbook(path)
    workbook["Account"].append(["Catalog", "efkam-partnership v0.7"])
    workbook.save(path)
    result = run("validate", str(path), "--lang", "en")
    assert result.exit_code == 0
    assert 'made for the catalog "efkam-partnership v0.7", but it is read with "efkam-partnership v1.0"' in (
        result.stderr
    )


def test_the_calloway_example_is_read_with_the_v0_9_catalog_it_names():
    result = run("validate", *map(str, CALLOWAY), "--lang", "en")
    assert result.exit_code == 0
    assert "made for the catalog" not in result.stderr
    assert "3 files checked: 3 fine" in result.stderr
    workload = prepare(CALLOWAY, load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG))
    assert [a.catalog.label() for a in workload.analyses] == [
        "efkam-partnership v0.9",
        "efkam-partnership v1.0",
        "efkam-partnership v1.0",
    ]
    old = workload.analyses[0]
    as_if_new = prepare(CALLOWAY[:1], load_catalog(DEFAULT_CATALOG)).analyses[0]
    assert old.supplier_index != as_if_new.supplier_index  # v0.9 weighs other factors
