"""The sheet layout of a workbook, derived from a document kind's schema: the one place sheets meet the schema.

Every array of mappings becomes a sheet (事業, 成果目標, 会議 …) whose rows are its items; the mappings inside an
item are spread into columns named by their path (``基準値/年度``); lists of words and prose go into one cell.
The top level becomes the two-column 基本情報 sheet. A child sheet's rows name their parent rows by number in
its first columns (``事業№``, ``成果目標№``), so a planner can add a row anywhere. Because the layout is read from
the schema, a key added to the schema is a column (or a sheet) in the next workbook, with nothing else to change.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from jusou_spec.resources import load_schema
from jusou_spec.schema import NOT_STATED_KEY

__all__ = ["ROOT_SHEET", "Column", "Layout", "Sheet", "layout"]

ROOT_SHEET = "基本情報"
"""The sheet of the top level, holding the ``jusou`` cell that tells a plan from a report."""

EXAMPLE_SHEET = "記入例"
HELP_SHEET = "使い方"
NUMBER_SUFFIX = "№"
_RECURSION = 2
"""How many times a recursive definition (内訳 → 項目 → 内訳) is unfolded into sheets of its own."""
_PROSE = "文章"
_LINES_WITHOUT_BREAKS = ("識別子",)


@attrs.frozen
class Column:
    """One cell of a row: where its value sits in the item (``path``) and how the cell is read and written.

    ``kind`` is one of ``text``, ``number``, ``integer``, ``boolean``, ``year``, ``lines`` (one item per line),
    ``prose`` (paragraphs separated by a blank line) or ``alternative`` (the cell that holds a table's
    ``{未記載: 理由}`` or its one-word shorthand, such as 実施形態: 本格実施).
    """

    header: str
    path: tuple[str, ...]
    kind: str
    types: frozenset[str] = frozenset()
    """The JSON types the schema accepts here (for a list, those of its items)."""
    choices: tuple[str, ...] = ()
    not_stated: bool = False
    single: bool = False
    """A list column whose one item may be written alone (the schema accepts the item or a list of them)."""
    title: str = ""
    description: str = ""
    examples: tuple[str, ...] = ()
    required: bool = False


@attrs.frozen
class Sheet:
    """One array of mappings: its name, where it sits (``path``, with ``*`` for each list), and its columns."""

    name: str
    path: tuple[str, ...]
    keys: tuple[str, ...]
    """The number columns that place a row: its ancestors' numbers, then its own."""
    columns: tuple[Column, ...]
    scalar: Column | None = None
    """For a list whose items may also be a bare value (事業内容's plain lines), the column holding it."""
    description: str = ""

    @property
    def parent(self) -> tuple[str, ...]:
        """The path of the list's parent item (without the trailing ``key/*``)."""
        return self.path[:-2]

    @property
    def headers(self) -> tuple[str, ...]:
        scalar = (self.scalar.header,) if self.scalar else ()
        return (*self.keys, *scalar, *(column.header for column in self.columns))


@attrs.frozen
class Layout:
    kind: str
    root: tuple[Column, ...]
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet | None:
        return next((sheet for sheet in self.sheets if sheet.name == name), None)


@attrs.frozen
class _About:
    """What the schema says of a key, for its column's comment and the 記入例 sheet."""

    title: str
    description: str
    examples: tuple[str, ...]
    required: bool

    def column(
        self,
        header: str,
        path: tuple[str, ...],
        kind: str,
        types: frozenset[str],
        choices: tuple[str, ...],
        not_stated: bool,
        single: bool = False,
    ) -> Column:
        return Column(
            header, path, kind, types, choices, not_stated, single, self.title, self.description, self.examples,
            self.required,
        )  # fmt: skip


@functools.cache
def layout(kind: str) -> Layout:
    """The workbook layout of document kind ``kind`` ("plan" or "report"), read from its schema."""
    schema = load_schema(kind)
    builder = _Builder(schema.get("$defs", {}))
    root = tuple(builder.columns(schema, (), (), ()))
    return Layout(kind=kind, root=root, sheets=_named(builder.tables))


class _Builder:
    def __init__(self, defs: Mapping[str, Any]) -> None:
        self.defs = defs
        self.tables: list[tuple[tuple[str, ...], tuple[str, ...], list[Column], Column | None, str]] = []

    def resolve(self, node: Any, seen: tuple[str, ...]) -> tuple[Any, tuple[str, ...], str]:
        """The node behind ``$ref``s, the definitions passed on the way, and the last definition's name."""
        name = ""
        while isinstance(node, Mapping) and "$ref" in node:
            name = str(node["$ref"]).rsplit("/", 1)[-1]
            seen = (*seen, name)
            merged = {key: value for key, value in node.items() if key != "$ref"}
            node = {**self.defs[name], **merged}
        return node, seen, name

    def alternatives(self, node: Any, seen: tuple[str, ...]) -> Iterator[tuple[Any, tuple[str, ...], str]]:
        """The plain alternatives of a node: its ``anyOf``/``oneOf`` branches, flattened, ``$ref``s resolved."""
        node, seen, name = self.resolve(node, seen)
        plain = not isinstance(node, Mapping) or "type" in node or "properties" in node
        branches = None if plain else node.get("anyOf") or node.get("oneOf")
        if not branches:
            yield node, seen, name
            return
        for branch in branches:
            for inner, inner_seen, inner_name in self.alternatives(branch, seen):
                yield inner, inner_seen, inner_name or name

    def columns(
        self, node: Any, path: tuple[str, ...], prefix: tuple[str, ...], keys: tuple[str, ...]
    ) -> Iterator[Column]:
        """The columns of a mapping at ``path`` (``prefix``: the keys from the row's item down to it)."""
        node, seen, _ = self.resolve(node, ())
        required = set(node.get("required", ()))
        for key, child in node.get("properties", {}).items():
            yield from self.member(child, (*path, key), (*prefix, key), keys, seen, key in required)

    def member(
        self,
        node: Any,
        path: tuple[str, ...],
        prefix: tuple[str, ...],
        keys: tuple[str, ...],
        seen: tuple[str, ...],
        required: bool,
    ) -> Iterator[Column]:
        outer, _, _ = self.resolve(node, ())
        title, description = str(outer.get("title", "")), str(outer.get("description", ""))
        examples = tuple(str(example) for example in outer.get("examples", ()))
        found = list(self.alternatives(node, seen))
        not_stated = any(_is_not_stated(alt) for alt, _, _ in found)
        found = [item for item in found if not _is_not_stated(item[0])]
        table = next((item for item in found if _is_table(item[0], self)), None)
        mapping = next((item for item in found if _is_mapping(item[0])), None)
        header = "/".join(prefix)
        common = _About(title, description, examples, required)
        if table is not None:
            scalars = [item for item in found if item is not table]
            if not_stated or scalars:
                types, choices = _types(scalars, self), _choices(scalars, self)
                yield common.column(header, prefix, "alternative", types, choices, not_stated)
            if table[1].count(table[1][-1]) <= _RECURSION if table[1] else True:
                self.table(table[0], table[1], path, keys, description)
            return
        if mapping is not None:
            if not_stated:
                yield common.column(header, prefix, "alternative", frozenset(), (), True)
            yield from self.columns(mapping[0], path, prefix, keys)
            return
        yield self.scalar_column(found, header, prefix, not_stated, common)

    def scalar_column(
        self, found: list[tuple[Any, tuple[str, ...], str]], header: str, prefix: tuple[str, ...], not_stated: bool,
        common: _About,
    ) -> Column:  # fmt: skip
        arrays = [item for item in found if _type_of(item[0]) == "array"]
        if arrays:
            items = list(self.alternatives(arrays[0][0].get("items", {}), arrays[0][1]))
            prose = any(name == _PROSE for _, _, name in found)
            kind = "prose" if prose else "lines"
            single = len(found) > len(arrays)
            return common.column(header, prefix, kind, _types(items, self), _choices(items, self), not_stated, single)
        names = {name for _, _, name in found}
        kind = "year" if names & {"年度", "年度範囲"} else _scalar_kind(_types(found, self))
        return common.column(header, prefix, kind, _types(found, self), _choices(found, self), not_stated)

    def table(self, node: Any, seen: tuple[str, ...], path: tuple[str, ...], keys: tuple[str, ...], about: str) -> None:
        items = list(self.alternatives(node.get("items", {}), seen))
        objects = [item for item in items if _is_mapping(item[0])]
        scalars = [item for item in items if not _is_mapping(item[0])]
        row_path = (*path, "*")
        own = _unique_key(path[-1] + NUMBER_SUFFIX, keys)
        row_keys = (*keys, own)
        index = len(self.tables)
        self.tables.append((row_path, row_keys, [], None, about))
        scalar = None
        if scalars:
            scalar = Column(path[-1], (), _scalar_kind(_types(scalars, self)), _types(scalars, self),
                            _choices(scalars, self))  # fmt: skip
        columns = [
            column for obj, obj_seen, _ in objects for column in self._object_columns(obj, obj_seen, row_path, row_keys)
        ]
        self.tables[index] = (row_path, row_keys, columns, scalar, about)

    def _object_columns(
        self, node: Any, seen: tuple[str, ...], path: tuple[str, ...], keys: tuple[str, ...]
    ) -> Iterator[Column]:
        required = set(node.get("required", ()))
        for key, child in node.get("properties", {}).items():
            yield from self.member(child, (*path, key), (key,), keys, seen, key in required)


def _unique_key(name: str, taken: tuple[str, ...]) -> str:
    if name not in taken:
        return name
    number = 2
    while f"{name[: -len(NUMBER_SUFFIX)]}{number}{NUMBER_SUFFIX}" in taken:
        number += 1
    return f"{name[: -len(NUMBER_SUFFIX)]}{number}{NUMBER_SUFFIX}"


def _type_of(node: Any) -> str:
    if not isinstance(node, Mapping):
        return ""
    if "type" in node:
        return node["type"] if isinstance(node["type"], str) else ""
    if "properties" in node:
        return "object"
    if "enum" in node or "const" in node:
        return "string"
    return ""


def _is_not_stated(node: Any) -> bool:
    return isinstance(node, Mapping) and NOT_STATED_KEY in node.get("properties", {}) and len(node["properties"]) == 1


def _is_mapping(node: Any) -> bool:
    return _type_of(node) == "object"


def _is_table(node: Any, builder: _Builder) -> bool:
    if _type_of(node) != "array":
        return False
    return any(_is_mapping(item) for item, _, _ in builder.alternatives(node.get("items", {}), ()))


def _types(found: list[tuple[Any, tuple[str, ...], str]], builder: _Builder) -> frozenset[str]:
    types: set[str] = set()
    for node, _, _ in found:
        kind = _type_of(node)
        if kind == "array":
            types.update(_types(list(builder.alternatives(node.get("items", {}), ())), builder))
        elif kind:
            types.add(kind)
        elif isinstance(node, Mapping) and node.get("type") is None and not node:
            types.add("string")
    return frozenset(types)


def _choices(found: list[tuple[Any, tuple[str, ...], str]], builder: _Builder) -> tuple[str, ...]:
    out: list[str] = []
    for node, _, _ in found:
        if not isinstance(node, Mapping):
            continue
        if _type_of(node) == "array":
            out.extend(_choices(list(builder.alternatives(node.get("items", {}), ())), builder))
        out.extend(str(value) for value in node.get("enum", ()))
        if "const" in node:
            out.append(str(node["const"]))
    return tuple(dict.fromkeys(out))


def _scalar_kind(types: frozenset[str]) -> str:
    if types == {"boolean"}:
        return "boolean"
    if types <= {"integer"} and types:
        return "integer"
    if types and types <= {"number", "integer"}:
        return "number"
    if "number" in types or "integer" in types:
        return "number"
    return "text"


def _named(
    tables: list[tuple[tuple[str, ...], tuple[str, ...], list[Column], Column | None, str]],
) -> tuple[Sheet, ...]:
    """Each table named by the shortest tail of its path that no other table shares (成果目標, スケジュール・セル)."""
    keys_of = [tuple(part for part in path if part != "*") for path, *_ in tables]
    names = []
    for own in keys_of:
        for size in range(1, len(own) + 1):
            name = "・".join(own[-size:])
            if sum(1 for other in keys_of if other[-size:] == own[-size:]) == 1 and name != ROOT_SHEET:
                break
        names.append(name[:31])
    return tuple(
        Sheet(name=name, path=path, keys=keys, columns=tuple(columns), scalar=scalar, description=about)
        for name, (path, keys, columns, scalar, about) in zip(names, tables, strict=True)
    )
