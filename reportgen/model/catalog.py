"""The criteria catalog (``criteria/*.yaml``): factors, scale, zone thresholds, coaching questions.

The catalog is data a user may copy and change; this module is its one typed schema. A broken
catalog is reported with the file, the key and what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from reportgen.common.i18n import LANGUAGES, N_
from reportgen.common.input_files import catalog_files
from reportgen.common.problems import Message, Place, Problem, ProblemsFound, os_reason
from reportgen.common.rounding import SCORE_DIGITS

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(_Strict):
    """A text in German and English; at least one of them must be given."""

    de: str | None = None
    en: str | None = None

    @model_validator(mode="after")
    def _one_language_at_least(self) -> LocalizedText:
        if not (self.de or self.en):
            raise ValueError("needs a German (de) or English (en) text")
        return self

    def get(self, lang: str) -> str:
        """The text in *lang*; where it is missing, the other language's, marked as such: ``Text [DE]``."""
        own = getattr(self, lang, None)
        if own:
            return own
        other = next(other for other in LANGUAGES if getattr(self, other))
        return f"{getattr(self, other)} [{other.upper()}]"

    def word(self, lang: str) -> str:
        """As a message parameter: the text in the message's language (see
        :mod:`reportgen.common.problems`)."""
        return self.get(lang)

    def missing(self) -> list[str]:
        """The languages this text is not given in."""
        return [lang for lang in LANGUAGES if not getattr(self, lang)]

    def variants(self) -> list[str]:
        return [text for text in (self.de, self.en) if text]


class Scale(_Strict):
    min: int = 1
    max: int = 5
    labels: dict[int, LocalizedText] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _ordered(self) -> Scale:
        if self.max <= self.min:
            raise ValueError(f"max ({self.max}) must be greater than min ({self.min})")
        stray = sorted(point for point in self.labels if not self.min <= point <= self.max)
        if stray:
            raise ValueError(f"labels for points outside the scale: {stray}")
        return self

    def normalise(self, score: float) -> float:
        """A score on this scale as 0–100 (min → 0, max → 100)."""
        return (score - self.min) / (self.max - self.min) * 100

    def contains(self, score: float) -> bool:
        return self.min <= score <= self.max

    @property
    def points(self) -> range:
        """Every whole point from min to max: those the template's instructions describe."""
        return range(self.min, self.max + 1)

    @property
    def worded_points(self) -> list[int]:
        """The points the catalog gives a word for, lowest first."""
        return sorted(self.labels)

    def point_text(self, point: int, lang: str, between: str = " = ") -> str:
        """A point as the workbook and the charts name it, ``4 = deutlich``, so that both read alike; a
        point without a word is its number alone. A chart's axis, short of room, joins with a space."""
        word = self.labels.get(point)
        return f"{point}{between}{word.get(lang)}" if word is not None else str(point)


class RelationshipType(_Strict):
    """A balanced relationship, typed by the lower of the two indices."""

    id: Identifier
    name: LocalizedText
    meaning: LocalizedText
    at_least: float | None = None
    above: float | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> RelationshipType:
        if self.at_least is not None and self.above is not None:
            raise ValueError("give either 'at_least' or 'above', not both")
        return self

    def start(self) -> float:
        """Where this type starts on the lower index (0 for the first)."""
        return self.above if self.above is not None else (self.at_least or 0)

    def admits(self, lower_index: float) -> bool:
        if self.above is not None:
            return lower_index > self.above
        return lower_index >= (self.at_least or 0)


class ImbalanceZone(_Strict):
    name: LocalizedText
    meaning: LocalizedText
    critical_meaning: LocalizedText | None = None


class Zones(_Strict):
    balance_tolerance: float = Field(10, ge=0, le=100)
    critical_imbalance: float = Field(20, ge=0, le=100)
    strategic_capacity: int = Field(3, ge=0, le=1000)
    relationship_types: list[RelationshipType] = Field(min_length=1)
    supplier_frustration: ImbalanceZone
    account_invests_more: ImbalanceZone

    def relationship_type(self, type_id: str | None) -> RelationshipType | None:
        """The relationship type of that id (an account's intended relationship), None if there is none."""
        return next((t for t in self.relationship_types if t.id == type_id), None)

    @model_validator(mode="after")
    def _consistent(self) -> Zones:
        if self.critical_imbalance < self.balance_tolerance:
            raise ValueError("critical_imbalance must not be smaller than balance_tolerance")
        first, *rest = self.relationship_types
        if first.at_least not in (None, 0) or first.above is not None:
            raise ValueError("the first relationship type must start at 0 (leave out 'at_least'/'above')")
        bounds = [t.above if t.above is not None else t.at_least for t in rest]
        if any(b is None for b in bounds):
            raise ValueError("every relationship type after the first needs 'at_least' or 'above'")
        if bounds != sorted(bounds):
            raise ValueError("relationship types must be listed from the lowest bound to the highest")
        return self


SHOWN_STEP = 10**-SCORE_DIGITS
"""The smallest difference of two scores a report can show (0.1): a smaller threshold would flag scores
that read alike."""


class Voices(_Strict):
    """How the ratings of several raters and of the key account's own view are compared, in scale points."""

    disagreement_points: float = Field(2, ge=SHOWN_STEP)
    """The team's scores of one side of a factor differing by this much or more: discuss it in the team."""
    perception_gap_points: float = Field(1, ge=SHOWN_STEP)
    """Our view and the key account's differing by this much or more on a side: a perception gap."""
    smallest_role_group: int = Field(3, ge=1, le=1000)
    """Figures by role only for roles with at least this many raters, so no one's scores can be singled
    out."""


class Rebalancing(_Strict):
    """How large a rebalancing proposal may be (see :mod:`reportgen.analysis.rebalancing`): a plan that asks
    for more moves than a team can make and check in a quarter is no plan."""

    max_moves: int = Field(4, ge=1, le=40)
    """At most this many factor moves in one proposal."""


class Economics(_Strict):
    """What an hour of our people's time costs, for the cost to serve an account (see
    :mod:`reportgen.analysis.cost_to_serve`); a workbook that gives its own hourly rate overrides it.
    Without a rate here, only workbooks that give one get a cost to serve."""

    hourly_rate: float | None = Field(None, gt=0, le=100_000)
    """The internal cost of one hour (salary, overheads), in *currency*."""
    currency: str = Field("EUR", pattern=r"^[A-Z]{3}$")
    """The ISO code of the hourly rate's currency: it counts only for accounts whose amounts are in it."""


class Group(_Strict):
    id: Identifier
    name: LocalizedText


class Factor(_Strict):
    id: Identifier
    title: LocalizedText
    short: LocalizedText | None = None
    supplier: LocalizedText
    key_account: LocalizedText
    weight: float = Field(1.0, gt=0, le=100)
    group: Identifier | None = None
    questionnaire_supplier: LocalizedText | None = None
    """What investing means for the supplier, worded for the key account's own questionnaire: the
    key account's contacts read it, so it names both companies (``{supplier}``, ``{account}``) instead
    of "we" and "you"."""
    questionnaire_key_account: LocalizedText | None = None
    """What investing means for the key account, worded for its own questionnaire, like
    *questionnaire_supplier*."""

    def label(self, lang: str) -> str:
        """The short chart label, or the title where no short label is given."""
        return (self.short or self.title).get(lang)

    def questionnaire_texts(self, lang: str) -> tuple[str, str]:
        """What each side invests (supplier first), as the key account's questionnaire words it.

        Without a questionnaire text the title stands in: the texts for our own team speak of "us" and
        would name the wrong company to the key account's contacts; the title names neither."""
        return tuple(
            (text or self.title).get(lang)
            for text in (self.questionnaire_supplier, self.questionnaire_key_account)
        )


class CoachingQuestion(LocalizedText):
    """A question for the meeting. Its ``kind`` says which answer reports compute for it (see
    :mod:`reportgen.analysis.coaching`); a question without a known kind is asked for the reader to reflect
    on."""

    kind: Identifier | None = None


class Catalog(_Strict):
    id: Identifier
    version: str
    title: LocalizedText
    scale: Scale = Scale()
    zones: Zones
    groups: list[Group] = Field(default_factory=list)
    factors: list[Factor] = Field(min_length=3, max_length=40)
    coaching_questions: list[CoachingQuestion] = Field(default_factory=list)
    joint_questions: list[LocalizedText] = Field(default_factory=list)
    """Questions for the meeting with the key account, which its edition of the briefing asks of both
    companies; older catalogs have none, and that edition then leaves them out."""
    voices: Voices = Voices()
    rebalancing: Rebalancing = Rebalancing()
    economics: Economics = Economics()

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int | float) else value

    @model_validator(mode="after")
    def _references(self) -> Catalog:
        seen: set[str] = set()
        for factor in self.factors:
            if factor.id in seen:
                raise ValueError(f"factor id '{factor.id}' appears twice")
            seen.add(factor.id)
        group_ids = {group.id for group in self.groups}
        for factor in self.factors:
            if factor.group and group_ids and factor.group not in group_ids:
                raise ValueError(
                    f"factor '{factor.id}' names group '{factor.group}', which is not in 'groups'"
                )
        return self

    @cached_property
    def factor_numbers(self) -> dict[str, int]:
        """Each factor's number in reports and charts (1-based, in catalog order)."""
        return {factor.id: number for number, factor in enumerate(self.factors, start=1)}

    def label(self) -> str:
        return f"{self.id} v{self.version}"

    def is_named_by(self, ref: str) -> bool:
        """Whether a workbook's ``Katalog`` entry (``efkam-partnership v1.0``; the version optional) names
        this catalog."""
        declared_id, version = parse_catalog_ref(ref)
        return declared_id == self.id and version in (None, self.version)

    def other_named(self, ref: str | None) -> str | None:
        """*ref* as written when it names another catalog than this one, else None (also for no *ref*).

        An assessment read or shown with this catalog says so, since its factors and scale may differ
        from the ones it was made for."""
        return ref if ref and not self.is_named_by(ref) else None

    def untranslated(self) -> list[tuple[str, str]]:
        """(key, missing language) for every text given in one language only."""
        found: list[tuple[str, str]] = []

        def visit(node, key: str) -> None:
            if isinstance(node, LocalizedText):
                found.extend((key, lang) for lang in node.missing())
            elif isinstance(node, BaseModel):
                for name in type(node).model_fields:
                    visit(getattr(node, name), f"{key}.{name}" if key else name)
            elif isinstance(node, list):
                for index, item in enumerate(node, start=1):
                    label = f"[{index}]" + (f" ({item.id})" if hasattr(item, "id") else "")
                    visit(item, key + label)
            elif isinstance(node, dict):
                for name, item in node.items():
                    visit(item, f"{key}.{name}")

        visit(self, "")
        return found


def parse_catalog_ref(text: str) -> tuple[str, str | None]:
    """``"efkam-partnership v1.0"`` → ``("efkam-partnership", "1.0")``; the version is optional."""
    parts = text.strip().split()
    version = parts[1].removeprefix("v").removeprefix("V") if len(parts) > 1 else None
    return (parts[0] if parts else ""), version


def version_order(version: str) -> tuple:
    """``"0.9"`` < ``"1.0"`` < ``"1.10"``: numbers compare as numbers, anything else as text after them."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in version.split("."))


@dataclass(frozen=True)
class Catalogs:
    """The catalogs an assessment may be read with: the one it names, when it is here, else the default.

    ``--criteria FILE`` gives one catalog for everything; a folder (``criteria/`` unless told
    otherwise) gives every catalog in it, so each workbook is read with the catalog it was made for.
    """

    default: Catalog
    found: tuple[Catalog, ...] = ()
    """Every catalog a workbook may name; the default among them."""
    files: tuple[Path, ...] = ()
    """The file of each catalog in *found*, where known."""

    @classmethod
    def only(cls, catalog: Catalog, file: Path | None = None) -> Catalogs:
        return cls(catalog, (catalog,), (file,) if file else ())

    def holds(self, catalog: Catalog) -> bool:
        """Whether a workbook that names *catalog* is read with it, contents and all."""
        return self.named(catalog.label()) == catalog

    def named(self, ref: str | None) -> Catalog | None:
        """The catalog *ref* names (``efkam-partnership v0.9``; without a version, its newest), if here."""
        if not ref:
            return None
        matches = [c for c in self.found if c.is_named_by(ref)]
        return max(matches, key=lambda c: version_order(c.version)) if matches else None

    def for_ref(self, ref: str | None) -> Catalog:
        """The catalog to read an assessment with that names *ref* (None: names none)."""
        return self.named(ref) or self.default


def as_catalogs(catalogs: Catalogs | Catalog) -> Catalogs:
    """A single catalog is used for everything, as ``--criteria FILE`` asks."""
    return catalogs if isinstance(catalogs, Catalogs) else Catalogs.only(catalogs)


CATALOG_UNREADABLE = Message(
    N_("The catalog cannot be read: {reason}."),
    N_("Check that the file exists and is valid YAML."),
)
CATALOG_INVALID = Message(
    N_("{key}: {reason}."),
    N_(
        "Compare with criteria/efkam-partnership.yaml; the user guide's catalog reference describes "
        "every key."
    ),
)


def load_catalog(path: Path) -> Catalog:
    """Read and validate a catalog; raise :class:`ProblemsFound` naming the file, key and problem."""
    import yaml
    from pydantic import ValidationError

    place = Place(path)
    if not path.exists():
        raise ProblemsFound([Problem(place, CATALOG_NOT_FOUND)])
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else str(exc).splitlines()[0]
        raise ProblemsFound([Problem(place, CATALOG_UNREADABLE, {"reason": reason})]) from exc
    if not isinstance(data, dict):
        raise ProblemsFound([Problem(place, CATALOG_UNREADABLE, {"reason": "no YAML mapping"})])
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        raise ProblemsFound([_catalog_problem(place, error, data) for error in exc.errors()]) from exc


CATALOG_TWICE = Message(
    N_("{label} is also in {other}, with other contents."),
    N_("Give a changed copy its own id or version, so that a workbook names exactly one of them."),
)
CATALOG_NOT_FOUND = Message(
    N_("There is no catalog file or folder of this name."),
    N_("Give a catalog file, or a folder that holds one."),
)
NO_CATALOG_IN_FOLDER = Message(
    N_("There is no catalog (.yaml) in this folder."),
    N_("Give a catalog file, or a folder that holds one."),
)


def load_catalogs(path: Path, default: Path | None = None) -> Catalogs:
    """A catalog file: that catalog for everything. A folder: each of its catalogs, for the workbooks
    that name it; the default is *default* when given, else the newest version in the folder (ties:
    the first file by name). Every broken or ambiguous catalog is reported at once."""
    if not path.is_dir():
        return Catalogs.only(load_catalog(path), path)
    files = catalog_files(path)
    if not files:
        raise ProblemsFound([Problem(Place(path), NO_CATALOG_IN_FOLDER)])
    problems: list[Problem] = []
    loaded: dict[Path, Catalog] = {}
    for file in files:
        try:
            loaded[file] = load_catalog(file)
        except ProblemsFound as found:
            problems.extend(found.problems)
    by_label: dict[str, Path] = {}
    for file, catalog in loaded.items():
        first = by_label.setdefault(catalog.label(), file)
        if first != file and loaded[first] != catalog:
            problems.append(
                Problem(Place(file), CATALOG_TWICE, {"label": catalog.label(), "other": first.name})
            )
    if problems:
        raise ProblemsFound(problems)
    found = tuple(loaded[file] for file in by_label.values())
    chosen = next((c for f, c in loaded.items() if default and f.resolve() == default.resolve()), None)
    if chosen is None:
        chosen = max(found, key=lambda c: version_order(c.version))
    return Catalogs(chosen, found, tuple(by_label.values()))


def _catalog_problem(place: Place, error: dict, data: dict) -> Problem:
    key = _key_path(error["loc"], data)
    reason = error["msg"].removeprefix("Value error, ")
    return Problem(place, CATALOG_INVALID, {"key": key or "(top level)", "reason": reason})


def _key_path(loc: tuple, data: object) -> str:
    """``factors[3].weight`` with the factor's id where known: ``factors[3] (exclusivity).weight``."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int):
            label = f"[{item + 1}]"
            node = node[item] if isinstance(node, list) and item < len(node) else None
            if isinstance(node, dict) and "id" in node:
                label += f" ({node['id']})"
            parts.append(label)
        else:
            parts.append(("." if parts else "") + str(item))
            node = node.get(item) if isinstance(node, dict) else None
    return "".join(parts)
