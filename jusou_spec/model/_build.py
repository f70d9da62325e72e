"""The machinery that turns a schema-valid document into frozen model objects, and back.

Each model field declares the document's Japanese key and a converter in its metadata (:func:`key`); one generic
builder reads them. That keeps the Japanese ↔ English mapping in one place (the class definitions), and makes
``to_document`` the exact inverse of ``from_document`` without a second table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import attrs

from jusou_spec import jsonpointer
from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.fiscal import FiscalRange, FiscalYear, FiscalYearError, parse_range, parse_year
from jusou_spec.numeric import Number
from jusou_spec.numeric import parse as parse_number
from jusou_spec.schema import NOT_STATED_KEY

if TYPE_CHECKING:
    from attrs import AttrsInstance

__all__ = ["BuildContext", "NotStated", "key", "not_stated", "record_not_stated", "walk"]

T = TypeVar("T")
A = TypeVar("A", bound="AttrsInstance")
E = TypeVar("E", bound=Enum)
R = TypeVar("R")

YEAR_UNREADABLE = Check(
    "YR001",
    "years.unreadable",
    Severity.ERROR,
    Message(ja="年度・期間として読めない値", en="A value that is not a fiscal year or period"),
)


@attrs.frozen
class NotStated:
    """A value the source document does not give, with the reason (the document's ``{未記載: 理由}``)."""

    reason: str
    pointer: str = attrs.field(default="", eq=False)

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return f"未記載（{self.reason}）"


@attrs.define
class BuildContext:
    """What the builder collects on the way: findings from normalisation (unknown clause, unreadable year), and
    every not-stated value it made (so NS001 need not walk the whole model to find them again)."""

    findings: list[Finding] = attrs.field(factory=list)
    not_stated: list[NotStated] = attrs.field(factory=list)

    def report(self, check: Check, message: Message, pointer: str) -> None:
        self.findings.append(check.finding(message, pointer))


Converter: TypeAlias = Callable[[Any, str, BuildContext], R]
Unconverter = Callable[[Any], Any]


def key(
    ja: str,
    convert: Converter[Any] | None = None,
    *,
    default: Any = None,
    unconvert: Unconverter | None = None,
    keep_empty: bool = False,
) -> Any:
    """A model field stored under the Japanese key ``ja``; ``convert`` builds it from the document's value.

    ``keep_empty`` writes an empty list back (for a required key such as 事業); other empty values are left out.
    """
    return attrs.field(
        default=default,
        metadata={"ja": ja, "convert": convert or plain, "unconvert": unconvert, "keep_empty": keep_empty},
        kw_only=True,
    )


def location() -> Any:
    """The object's JSON pointer in its document (not part of equality: a moved item is the same item)."""
    return attrs.field(default="", eq=False, kw_only=True, metadata={"ja": None})


# ---------------------------------------------------------------- converters


def plain(value: Any, pointer: str, context: BuildContext) -> Any:
    return value


def not_stated_or(convert: Converter[T]) -> Converter[T | NotStated]:
    """Accept ``{未記載: 理由}`` in place of a value, as the schema does. The reason is read without the spaces
    around it, which say nothing and which a workbook cell (「未記載: 理由」) cannot keep."""

    def converter(value: Any, pointer: str, context: BuildContext) -> T | NotStated:
        if isinstance(value, Mapping) and NOT_STATED_KEY in value:
            made = NotStated(str(value[NOT_STATED_KEY]).strip(), pointer)
            context.not_stated.append(made)
            return made
        return convert(value, pointer, context)

    return converter


def prose(value: Any, pointer: str, context: BuildContext) -> tuple[str, ...]:
    """A string or a list of lines, always a tuple of lines."""
    if isinstance(value, str):
        return (value,)
    return tuple(str(line) for line in value)


def texts(value: Any, pointer: str, context: BuildContext) -> tuple[str, ...]:
    return tuple(str(item) for item in value)


def tuple_of(convert: Converter[T]) -> Converter[tuple[T, ...]]:
    def converter(value: Any, pointer: str, context: BuildContext) -> tuple[T, ...]:
        return tuple(convert(item, f"{pointer}/{index}", context) for index, item in enumerate(value))

    return converter


def one_or_many(convert: Converter[T]) -> Converter[tuple[T, ...]]:
    """A single value or a list of them, always a tuple."""

    def converter(value: Any, pointer: str, context: BuildContext) -> tuple[T, ...]:
        if isinstance(value, list):
            return tuple_of(convert)(value, pointer, context)
        return (convert(value, pointer, context),)

    return converter


def enum_of(enum: type[E]) -> Converter[E]:
    def converter(value: Any, pointer: str, context: BuildContext) -> E:
        return enum(value)

    return converter


def number(value: Any, pointer: str, context: BuildContext) -> Number:
    """A figure as written (10, "1,113", "１０", 10.2), exactly: an int when whole, else a Decimal.

    The schema has already refused anything :func:`jusou_spec.numeric.parse` would (text that is no figure, a
    figure out of range), so on schema-valid data this never raises.

    >>> number("1,113", "", BuildContext()), number("12345678901234567890", "", BuildContext())
    (1113, 12345678901234567890)
    """
    return parse_number(value)


def _year_error(error: FiscalYearError, pointer: str, context: BuildContext) -> None:
    context.report(YEAR_UNREADABLE, Message(ja=error.reason_ja, en=error.reason_en), pointer)


def year(value: Any, pointer: str, context: BuildContext) -> FiscalYear | None:
    try:
        return parse_year(value)
    except FiscalYearError as error:
        _year_error(error, pointer, context)
        return None


def year_range(value: Any, pointer: str, context: BuildContext) -> FiscalRange | None:
    try:
        return parse_range(value)
    except FiscalYearError as error:
        _year_error(error, pointer, context)
        return None


def nested(cls: type[A]) -> Converter[A]:
    def converter(value: Any, pointer: str, context: BuildContext) -> A:
        return build(cls, value, pointer, context)

    return converter


# ---------------------------------------------------------------- the builder


def build(cls: type[A], data: Mapping[str, Any], pointer: str, context: BuildContext) -> A:
    """An instance of the attrs class ``cls`` from the document mapping ``data`` found at ``pointer``."""
    values: dict[str, Any] = {}
    for name, ja, token, convert in _build_fields(cls):
        if convert is None:
            values[name] = pointer
        elif ja in data:
            values[name] = convert(data[ja], pointer + token, context)
    return cls(**values)


_BUILD_FIELDS: dict[type, tuple[tuple[str, str, str, Converter[Any] | None], ...]] = {}


def _build_fields(cls: type) -> tuple[tuple[str, str, str, Converter[Any] | None], ...]:
    """An attrs class's fields as the builder reads them: name, Japanese key, the key as a pointer's last token
    ("/名称"), and converter (None for the object's own pointer, :func:`location`). Read from the class once, not
    for every object built."""
    fields = _BUILD_FIELDS.get(cls)
    if fields is None:
        fields = _BUILD_FIELDS[cls] = tuple(
            (field.name, ja or "", jsonpointer.join("", ja or ""), None if ja is None else field.metadata["convert"])
            for field in attrs.fields(cls)
            if (ja := field.metadata.get("ja", "")) is None or ja
        )
    return fields


def document_of(obj: AttrsInstance) -> dict[str, Any]:
    """The document form of a plan or report: a mapping, as its top level always is."""
    data = unbuild(obj)
    assert isinstance(data, dict)
    return data


def unbuild(obj: Any) -> Any:
    """The document form of a model object (the inverse of :func:`build`, up to spelling normalisation)."""
    if isinstance(obj, NotStated):
        return {NOT_STATED_KEY: obj.reason}
    if isinstance(obj, FiscalYear | FiscalRange):
        return str(obj)
    if attrs.has(type(obj)):
        out: dict[str, Any] = {}
        for field in attrs.fields(type(obj)):
            ja = field.metadata.get("ja")
            if not ja:
                continue
            value = getattr(obj, field.name)
            if value is None or (value == () and not field.metadata.get("keep_empty")):
                continue
            if value is False and field.default is False:
                continue  # a flag left at its default is not written (関連事業: false), as the documents do
            unconvert = field.metadata.get("unconvert")
            out[ja] = unconvert(value) if unconvert else unbuild(value)
        return out
    if isinstance(obj, tuple | list | frozenset):
        items = sorted(obj, key=str) if isinstance(obj, frozenset) else obj
        return [unbuild(item) for item in items]
    if isinstance(obj, Enum):
        return obj.value
    return obj


def walk(obj: Any) -> Iterator[Any]:
    """Every value inside a model object, depth first in field order (for rules that look at all values)."""
    yield obj
    if isinstance(obj, _LEAVES):
        return
    names = _document_fields(type(obj))
    if names is not None:
        for name in names:
            yield from walk(getattr(obj, name))
    elif isinstance(obj, tuple | list | frozenset):
        for item in obj:
            yield from walk(item)


def not_stated(obj: Any) -> list[NotStated]:
    """Every not-stated value inside a model object, in the order of :func:`walk` (without visiting the others'
    every character: strings, numbers and years are skipped at once). A plan or report just built from its document
    carries the list its builder made (:func:`record_not_stated`), which is read instead of walking it."""
    recorded: tuple[NotStated, ...] | None = getattr(obj, "_built_not_stated", None)
    if recorded is not None:
        return list(recorded)
    found: list[NotStated] = []
    _collect_not_stated(obj, found)
    return found


def _collect_not_stated(obj: Any, found: list[NotStated]) -> None:
    if isinstance(obj, NotStated):
        found.append(obj)
        return
    if isinstance(obj, _LEAVES):
        return
    if isinstance(obj, tuple | list | frozenset):
        for item in obj:
            if not isinstance(item, _LEAVES) or isinstance(item, NotStated):
                _collect_not_stated(item, found)
        return
    names = _document_fields(type(obj))
    for name in names or ():
        value = getattr(obj, name)
        if not isinstance(value, _LEAVES) or isinstance(value, NotStated):
            _collect_not_stated(value, found)


def record_not_stated(document: A, context: BuildContext) -> A:
    """``document`` (a plan or report just built with ``context``) with the not-stated values its builder made
    attached, in the order :func:`walk` meets them, which is the order they were made in: the builder reads the
    fields and items in the order the walk visits them. The record is kept out of the value (an evolved copy, which
    may differ, has none and is walked)."""
    object.__setattr__(document, "_built_not_stated", tuple(context.not_stated))
    return document


_LEAVES = (str, int, float, NotStated, FiscalYear, FiscalRange, Enum, type(None))


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _document_fields(cls: type) -> tuple[str, ...] | None:
    """The names of an attrs class's fields that hold document values (None for a class that is not attrs): read
    from the class once, not at every node of every walk."""
    if cls not in _FIELDS:
        fields = attrs.fields(cls) if attrs.has(cls) else None
        _FIELDS[cls] = None if fields is None else tuple(f.name for f in fields if f.metadata.get("ja"))
    return _FIELDS[cls]
