"""MkDocs hook: the catalog reference's table of keys, checked against the catalog's schema at build time.

The page holds a hand-written table between ``<!-- catalog keys -->`` and ``<!-- /catalog keys -->``: each
row a key (``zones.balance_tolerance``) and what it means. The hook reads the schema reportgen validates a
catalog with (the pydantic model of ``criteria/*.yaml``, :class:`reportgen.model.catalog.Catalog`)
and adds to each row what the key holds, its limits and its default. A key of the schema
that the table leaves out, or a row naming no key of the schema (any more), is logged as a warning, so
that ``mkdocs build --strict`` fails until the table says what every key means.
"""

from __future__ import annotations

import logging
import re
import types
import typing

log = logging.getLogger("mkdocs.hooks.catalog_keys")

PAGE = "operations/catalog-reference.md"
TABLE = re.compile(r"<!-- catalog keys -->\n(?P<table>.*?)\n<!-- /catalog keys -->", re.S)
ROW = re.compile(r"^\|\s*`(?P<key>[^`]+)`\s*\|(?P<meaning>.*)\|\s*$")


def catalog_model():
    """The pydantic model a catalog file is validated with (a rename fails the build, as it should)."""
    from reportgen.model.catalog import Catalog

    return Catalog


def _is_text(model) -> bool:
    """A text in German and English (``{de: …, en: …}``): a value of its own, not keys to list."""
    return {"de", "en"} <= set(model.model_fields)


def _inner(annotation):
    """The annotation without ``| None`` and ``Annotated``."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _inner(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        others = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(others) == 1:
            return _inner(others[0])
    return annotation


def _model(annotation):
    from pydantic import BaseModel

    inner = _inner(annotation)
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def _kind(annotation) -> str:
    """What a value of *annotation* is, in the words of someone editing the YAML file."""
    inner = _inner(annotation)
    origin = typing.get_origin(inner)
    if origin is list:
        (item,) = typing.get_args(inner)
        return f"a list; each item {_kind(item)}"
    if origin is dict:
        key, value = typing.get_args(inner)
        return f"{_kind(value)} for each key ({_kind(key)})"
    model = _model(inner)
    if model is not None:
        if _is_text(model):
            extra = [name for name in model.model_fields if name not in ("de", "en")]
            return "`{de: …, en: …}`" + "".join(f" and `{name}`" for name in extra)
        return "keys of its own (below)"
    names = {str: "a text", int: "a whole number", float: "a number", bool: "true or false"}
    return names.get(inner, getattr(inner, "__name__", str(inner)))


def _limits(info) -> list[str]:
    words = {"ge": "at least", "gt": "more than", "le": "at most", "lt": "less than"}
    rules = [*info.metadata, *_annotated(info.annotation)]
    things = "characters" if _inner(info.annotation) is str else "items"
    said = []
    for rule in rules:
        for name, word in words.items():
            bound = getattr(rule, name, None)
            if bound is not None:
                said.append(f"{word} {bound:g}")
        if getattr(rule, "min_length", None) is not None:
            said.append(f"at least {rule.min_length} {things if rule.min_length != 1 else things[:-1]}")
        if getattr(rule, "max_length", None) is not None:
            said.append(f"at most {rule.max_length} {things}")
    if any(getattr(rule, "pattern", None) for rule in rules):
        said.append("lower-case letters, digits, `-` and `_`")
    return said


def _annotated(annotation) -> list:
    """The rules an ``Annotated`` type inside *annotation* carries (``Identifier | None``)."""
    rules = []
    for part in [annotation, *typing.get_args(annotation)]:
        if typing.get_origin(part) is typing.Annotated:
            rules.extend(typing.get_args(part)[1:])
    return rules


def _default(info) -> str:
    from pydantic import BaseModel
    from pydantic_core import PydanticUndefined

    if info.is_required():
        return "required"
    if info.default_factory is not None:
        made = info.default_factory()
        return "none" if made in ([], {}) else "as described"
    if info.default is None:
        return "none"
    if info.default is PydanticUndefined:
        return "required"
    if isinstance(info.default, BaseModel):
        return "each key's default"
    return f"`{info.default:g}`" if isinstance(info.default, float) else f"`{info.default}`"


def keys(model=None, prefix: str = "") -> dict[str, str]:
    """Every key of the catalog, as ``zones.balance_tolerance``, with what it holds (Markdown)."""
    model = model or catalog_model()
    found: dict[str, str] = {}
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        limits = "; ".join(_limits(info))
        found[path] = f"{_kind(info.annotation)}{f' ({limits})' if limits else ''}; default: {_default(info)}"
        inner = _model(info.annotation)
        item = typing.get_args(_inner(info.annotation))
        if inner is None and item and typing.get_origin(_inner(info.annotation)) is list:
            inner = _model(item[0])
        if inner is not None and not _is_text(inner):
            found.update(keys(inner, f"{path}[]." if inner is not _model(info.annotation) else f"{path}."))
    return found


def enrich(table: str, known: dict[str, str]) -> tuple[str, list[str], list[str]]:
    """The hand-written table with a column for what each key holds; the rows naming no key, and the
    keys no row names."""
    rows = [ROW.match(line) for line in table.splitlines()[2:]]
    named = [row["key"] for row in rows if row]
    out = ["| key | what it holds | meaning |", "|---|---|---|"]
    for row in rows:
        if row:
            holds = known.get(row["key"], "")
            out.append(f"| `{row['key']}` | {holds} | {row['meaning'].strip()} |")
    unknown = [key for key in named if key not in known]
    missing = [key for key in known if key not in named]
    return "\n".join(out), unknown, missing


def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.file.src_uri != PAGE:
        return markdown
    match = TABLE.search(markdown)
    if match is None:
        log.warning(f"{PAGE} has no table between <!-- catalog keys --> and <!-- /catalog keys -->.")
        return markdown
    table, unknown, missing = enrich(match["table"], keys())
    for key in unknown:
        log.warning(f"{PAGE} describes `{key}`, which is no key of a catalog (any more): remove its row.")
    for key in missing:
        log.warning(f"{PAGE} does not say what the catalog key `{key}` means: add a row for it.")
    return markdown[: match.start()] + table + markdown[match.end() :]
