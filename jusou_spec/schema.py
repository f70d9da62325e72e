"""Running the JSON Schemas and turning their errors into findings a planner can act on.

jsonschema reports every failing keyword, and for an ``anyOf`` every failing alternative; a planner wants one
message per place, in Japanese, about the alternative they evidently meant. So errors are grouped by location,
``anyOf`` is resolved to the alternative whose type fits (the ``{未記載: 理由}`` alternative only when the value
is such a mapping), and each remaining error is told in plain words, with a suggestion for a mistyped key.
"""

from __future__ import annotations

import difflib
import functools
from collections import defaultdict
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, cast

import jsonschema
from jsonschema.exceptions import ValidationError

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.jsonpointer import join, tokens
from jusou_spec.numeric import NumberError, short
from jusou_spec.numeric import parse as parse_number
from jusou_spec.resources import load_schema

__all__ = ["CHECKS", "NOT_STATED_KEY", "SYNONYMS", "flow", "validate", "validator"]

NOT_STATED_KEY = "未記載"
"""The key of the schema's not-stated object, ``{未記載: 理由}`` (``$defs/未記載``); the model reads it as NotStated."""

MISSING_KEY = Check(
    "SV001", "schema.missing-key", Severity.ERROR, Message(ja="必須のキーがない", en="A required key is missing")
)
UNKNOWN_KEY = Check(
    "SV002", "schema.unknown-key", Severity.ERROR, Message(ja="使えないキー", en="A key the schema does not know")
)
WRONG_TYPE = Check(
    "SV003", "schema.wrong-type", Severity.ERROR, Message(ja="値の種類が違う", en="A value of the wrong type")
)
INVALID_VALUE = Check(
    "SV004", "schema.invalid-value", Severity.ERROR, Message(ja="使えない値", en="A value the schema does not allow")
)
EMPTY_VALUE = Check("SV005", "schema.empty", Severity.ERROR, Message(ja="空の値", en="An empty value"))
CHECKS = (MISSING_KEY, UNKNOWN_KEY, WRONG_TYPE, INVALID_VALUE, EMPTY_VALUE)

SYNONYMS: Mapping[str, str] = {
    "評価指標": "成果目標",
    "実施計画評価指標": "成果目標",
    "支援機関": "活動場所",
    "活動場所等": "活動場所",
    "実施名称": "名称",
    "事業名": "名称",
    "所管": "所管課",
    "担当課": "所管課",
    "中心となる取組主体": "取組主体",
    "対象者": "支援対象者",
    "内容": "事業内容",
    "期間": "計画期間",
    "開催時期": "開催頻度",
    "参加者": "構成員",
}
"""Words the documents use for a concept whose key is another word (see docs/schema.md)."""

_TYPE_JA = {
    "string": "文字列",
    "array": "リスト",
    "object": "キーと値の組（マッピング）",
    "integer": "整数",
    "number": "数",
    "boolean": "true / false",
    "null": "空の値（null）",
}
_TYPE_EN = {"object": "mapping", "array": "list", "null": "null"}


@functools.cache
def validator(kind: str) -> jsonschema.protocols.Validator:
    """The compiled validator of document kind ``kind``, built once per process."""
    schema = load_schema(kind)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def validate(kind: str, data: Any) -> list[Finding]:
    """Findings for everything in ``data`` that the ``kind`` schema rejects, one per place."""
    by_place: dict[str, list[ValidationError]] = defaultdict(list)
    for error in validator(kind).iter_errors(data):
        for leaf in _leaves(error):
            by_place[_pointer(leaf)].append(leaf)
    findings: list[Finding] = []
    for pointer, errors in by_place.items():
        findings.extend(_findings_for(kind, pointer, errors))
    return findings


def _pointer(error: ValidationError) -> str:
    return join("", *error.absolute_path)


def _is_not_stated_branch(schema: Any) -> bool:
    return isinstance(schema, Mapping) and str(schema.get("$ref", "")) == f"#/$defs/{NOT_STATED_KEY}"


def _leaves(error: ValidationError) -> Iterator[ValidationError]:
    """The errors that explain ``error``: itself, or for anyOf/oneOf those of the alternative the writer meant."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        yield error
        return
    instance = error.instance
    means_not_stated = isinstance(instance, Mapping) and NOT_STATED_KEY in instance
    alternatives: dict[int, list[ValidationError]] = defaultdict(list)
    for sub in error.context:
        # jsonschema's stubs let an error's fields be Unset, which only a hand-made error leaves them; an anyOf
        # error's value is its list of alternatives, and its context's schema paths begin with an index into it.
        index = cast(int, sub.relative_schema_path[0])
        branch = cast("list[Any]", error.validator_value)[index]
        if _is_not_stated_branch(branch) != means_not_stated:
            continue
        alternatives[index].append(sub)
    depth = len(error.absolute_path)

    def fits(errors: list[ValidationError]) -> tuple[bool, int]:
        type_mismatch = any(e.validator in ("type", "const", "$ref") and len(e.absolute_path) == depth for e in errors)
        type_mismatch = type_mismatch or any(
            e.validator in ("anyOf", "oneOf") and len(e.absolute_path) == depth and not _fitting(e) for e in errors
        )
        return (not type_mismatch, max(len(e.absolute_path) for e in errors))

    scored = [(fits(errs), index) for index, errs in alternatives.items()]
    fitting = [(score, index) for score, index in scored if score[0]]
    if not fitting:
        yield error
        return
    _, best = max(fitting)
    for sub in alternatives[best]:
        yield from _leaves(sub)


def _fitting(error: ValidationError) -> bool:
    """Whether some alternative of an anyOf error fits the value's type (so the error lies deeper)."""
    leaves = list(_leaves(error))
    return not (len(leaves) == 1 and leaves[0] is error)


def _findings_for(kind: str, pointer: str, errors: list[ValidationError]) -> Iterator[Finding]:
    """One finding for this place (the most telling error), plus one per unknown key and all missing keys."""
    missing = [e for e in errors if e.validator == "required"]
    unknown = [e for e in errors if e.validator in ("additionalProperties", "unevaluatedProperties")]
    rest = [e for e in errors if e not in missing and e not in unknown]
    if missing:
        yield _missing(pointer, missing)
    for error in unknown:
        yield from _unknown(pointer, error)
    if rest and not missing:
        yield _explain(kind, pointer, max(rest, key=_relevance))


def _relevance(error: ValidationError) -> int:
    order = ["anyOf", "type", "const", "enum", "pattern", "minItems", "minLength"]
    return -order.index(error.validator) if error.validator in order else -len(order)


def _subject(pointer: str, particle: str = "") -> tuple[str, str]:
    """「key」 (with a particle) to begin a message with, when the place is a mapping member."""
    last = tokens(pointer)[-1] if pointer else ""
    if not last or last.isdigit():
        return "", ""
    return f"「{last}」{particle}", f"'{last}': "


def _item_subject(pointer: str) -> tuple[str, str]:
    """Like :func:`_subject`, and for an item of a list, the list's key and the item's place: 「所管課」の1番目の値
    (a blank item such as ``所管課: ['   ']`` is named, not left as 「が空です」)."""
    parts = tokens(pointer) if pointer else []
    if not parts or not parts[-1].isdigit():
        return _subject(pointer)
    place = int(parts[-1]) + 1
    key = next((part for part in reversed(parts[:-1]) if not part.isdigit()), None)
    if key is None:
        return f"{place}番目の値", f"item {place}: "
    return f"「{key}」の{place}番目の値", f"'{key}' item {place}: "


def _either(words: list[str]) -> str:
    return " または ".join(words)


def _missing(pointer: str, errors: list[ValidationError]) -> Finding:
    instance = errors[0].instance
    keys: list[str] = []
    for error in errors:
        for name in cast("list[str]", error.validator_value):
            if isinstance(instance, Mapping) and name not in instance and name not in keys:
                keys.append(name)
    ja = "、".join(f"「{k}」" for k in keys)
    en = ", ".join(f"'{k}'" for k in keys)
    hint_ja = hint_en = ""
    if "号" in keys:
        hint_ja = "（号に当たらない関連事業なら「関連事業: true」、号の事業をまとめる上位事業なら「号全体: 第1号」のように書きます）"
        hint_en = " (for a related program outside the clauses, write '関連事業: true'; for an umbrella over an item's programs, '号全体: 第1号')"
    return MISSING_KEY.finding(
        Message(
            ja=f"{ja}がありません{hint_ja}。出典にないときは {{未記載: 理由}} と書きます",
            en=f"missing {en}{hint_en}; write {{未記載: reason}} when the source does not give it",
        ),
        pointer,
    )


def _unknown(pointer: str, error: ValidationError) -> Iterator[Finding]:
    properties = cast("Mapping[str, Any]", error.schema).get("properties", {})
    allowed = list(properties)
    instance = error.instance if isinstance(error.instance, Mapping) else {}
    for name in instance:
        if name in allowed:
            continue
        if isinstance(name, str) and name[:1] == "\u3000":
            ja = (
                f"「{name}」は使えないキーです。字下げに全角スペース（「　」）が使われています。字下げは半角スペースで"
                "書いてください（全角スペースは字下げにならず、キーの一部になります）"
            )
            en = f"unknown key '{name}': it is indented with a full-width space (U+3000); indent with ASCII spaces"
            yield UNKNOWN_KEY.finding(Message(ja=ja, en=en), join(pointer, name))
            continue
        suggestion = SYNONYMS.get(name) if SYNONYMS.get(name) in allowed else None
        if suggestion is None:
            alike = [key for key in allowed if _accepts(properties[key], instance[name])]
            close = difflib.get_close_matches(name, alike, n=1, cutoff=0.5)
            suggestion = close[0] if close else None
        if suggestion:
            ja = f"「{name}」は使えないキーです。「{suggestion}」のことですか"
            en = f"unknown key '{name}'; did you mean '{suggestion}'?"
        else:
            ja = f"「{name}」は使えないキーです。使えるキー: {'、'.join(allowed)}"
            en = f"unknown key '{name}'; allowed keys: {', '.join(allowed)}"
        yield UNKNOWN_KEY.finding(Message(ja=ja, en=en), join(pointer, name))


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    for python_type, name in (
        (str, "string"),
        (list, "array"),
        (dict, "object"),
        (int, "integer"),
        (float | Decimal, "number"),
    ):
        if isinstance(value, python_type):
            return name
    return "null"


def _types(schema: Any, seen: frozenset[str] = frozenset()) -> set[str] | None:
    """The JSON types a (sub)schema can accept, or None when it does not say (any type)."""
    if not isinstance(schema, Mapping):
        return None
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        return None if name in seen else _types(load_schema_defs().get(name, {}), seen | {name})
    if "enum" in schema or "const" in schema:
        return {_json_type(value) for value in schema.get("enum", [schema.get("const")])}
    found: set[str] = set()
    for alternative in [*schema.get("anyOf", []), *schema.get("oneOf", [])]:
        types = _types(alternative, seen)
        if types is None:
            return None
        found |= types
    declared = schema.get("type")
    found |= {declared} if isinstance(declared, str) else set(declared or [])
    return found or None


def _accepts(schema: Any, value: Any) -> bool:
    """Whether a key's schema takes a value of this kind (a list, a mapping, text, a number, true/false), so that
    "did you mean" names only keys the value could belong to."""
    types = _types(schema)
    kind = _json_type(value)
    return types is None or kind in types or (kind == "integer" and "number" in types) or kind == "null"


def flow(value: Any) -> str:
    """A value written as a planner would type it on one line in YAML: ``[福祉政策課]``, ``{未記載: 理由}``.

    >>> flow({"方式": "委託", "委託先": ["見本市社会福祉協議会"]})
    '{方式: 委託, 委託先: [見本市社会福祉協議会]}'
    >>> flow(["R6", 2024, True, "時間: 10時"])
    '[R6, 2024, true, "時間: 10時"]'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{flow(key)}: {flow(item)}" for key, item in value.items()) + "}"
    text = str(value)
    plain = text and text.strip() == text and not any(mark in text for mark in (": ", " #", ",", "[", "]", "{", "}"))
    if plain and not text.startswith(("-", "?", ":", "!", "&", "*", "|", ">", "'", '"', "%", "@", "`", "#")):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _describe(value: Any) -> tuple[str, str]:
    name = _json_type(value)
    if name == "boolean":
        return "true / false", "a boolean"
    return _TYPE_JA[name], _TYPE_EN.get(name, name)


def _key_schema(kind: str, error: ValidationError) -> tuple[str, Mapping[str, Any]] | None:
    """The key nearest above the error and its own schema (the property, with its title and examples), found by
    following the error's path through the schema; ``$ref`` is followed where the path goes on inside it."""
    node: Any = load_schema(kind)
    found: tuple[str, Mapping[str, Any]] | None = None
    previous: object = None
    for token in error.absolute_schema_path:
        while isinstance(node, Mapping) and token not in node and "$ref" in node:
            node = load_schema_defs().get(str(node["$ref"]).rsplit("/", 1)[-1], {})
        try:
            node = node[token]
        except (KeyError, IndexError, TypeError):
            return found
        if previous == "properties" and isinstance(node, Mapping):
            found = (str(token), node)
        previous = token
    return found


def _example(kind: str, pointer: str, error: ValidationError) -> tuple[str, str]:
    """「。例: 所管課: [福祉政策課]」: the first example of the key's own schema, written as YAML on one line; for an
    item of a list, the example of the list's key."""
    last = tokens(pointer)[-1] if pointer else ""
    own = error.schema.get("examples") if isinstance(error.schema, Mapping) else None
    if isinstance(own, list) and own and last and not last.isdigit():
        shown = f"{flow(last)}: {flow(own[0])}"
    else:
        keyed = _key_schema(kind, error)
        examples = keyed[1].get("examples") if keyed else None
        if keyed is None or not isinstance(examples, list) or not examples:
            return "", ""
        shown = f"{flow(keyed[0])}: {flow(examples[0])}"
    return f"。例: {shown}", f"; for example {shown}"


def _items_of(pointer: str) -> tuple[str, str]:
    """「「所管課」の項目には」 for an item of a list under a key, to begin a message with."""
    parts = tokens(pointer)
    if len(parts) >= 2 and parts[-1].isdigit() and not parts[-2].isdigit():
        return f"「{parts[-2]}」の項目には", f"an item of '{parts[-2]}': "
    return "", ""


def _expected(schema: Any) -> tuple[list[str], list[str]]:
    """What a (sub)schema accepts, in words: 文字列, リスト, {未記載: 理由}, 「本格実施」 …"""
    if not isinstance(schema, Mapping):
        return [], []
    if _is_not_stated_branch(schema):
        return ["{未記載: 理由}"], ["{未記載: reason}"]
    if "$ref" in schema:
        target = load_schema_defs().get(str(schema["$ref"]).rsplit("/", 1)[-1], {})
        return _expected(target)
    if "enum" in schema:
        values = [str(v) for v in schema["enum"]]
        return ["「" + "」「".join(values) + "」のいずれか"], ["one of " + ", ".join(values)]
    if "const" in schema:
        return [f"「{schema['const']}」"], [repr(schema["const"])]
    ja: list[str] = []
    en: list[str] = []
    for alternative in schema.get("anyOf", []) + schema.get("oneOf", []):
        alt_ja, alt_en = _expected(alternative)
        ja += [a for a in alt_ja if a not in ja]
        en += [a for a in alt_en if a not in en]
    types = schema.get("type")
    for name in [types] if isinstance(types, str) else types or []:
        ja.append(_TYPE_JA[name])
        en.append(_TYPE_EN.get(name, name))
    return ja, en


@functools.cache
def load_schema_defs() -> dict[str, Any]:
    defs = dict(load_schema("report")["$defs"])
    defs.update(load_schema("plan")["$defs"])
    return defs


def _titled(error: ValidationError) -> Mapping[str, Any]:
    """The nearest schema above the error that carries a title (年度, 号 …), for naming what was expected."""
    current: ValidationError | None = error
    while current is not None:
        if isinstance(current.schema, Mapping) and current.schema.get("title"):
            return current.schema
        current = cast("ValidationError | None", current.parent)
    return {}


NUMBER_TITLE = "数値"
"""The title of ``$defs/数値``, whose range :mod:`jusou_spec.numeric` states and checks."""
_NUMBER_KEYWORDS = frozenset({"pattern", "exclusiveMaximum", "exclusiveMinimum", "maximum", "minimum"})


def _number(pointer: str, value: Any) -> Finding:
    """SV004 for a figure that is no figure or lies outside the range, in the words of :mod:`jusou_spec.numeric`."""
    subject_ja, subject_en = _subject(pointer, "の")
    try:
        parse_number(value)
    except NumberError as error:
        reason_ja, reason_en = error.reason_ja, error.reason_en
    else:  # the schema and the parser disagree: say what the schema says
        reason_ja = f"「{short(value)}」は数値として読めません"
        reason_en = f"'{short(value)}' is not a figure"
    return INVALID_VALUE.finding(Message(ja=f"{subject_ja}{reason_ja}", en=f"{subject_en}{reason_en}"), pointer)


def _explain(kind: str, pointer: str, error: ValidationError) -> Finding:
    subject_ja, subject_en = _subject(pointer, "の")
    value = error.instance
    shown = short(value) if isinstance(value, str | int | float | Decimal) and not isinstance(value, bool) else None
    if error.validator in ("anyOf", "oneOf", "type", "$ref"):
        exp_ja, exp_en = _expected(error.schema)
        got_ja, got_en = _describe(value)
        example_ja, example_en = _example(kind, pointer, error)
        item_ja, item_en = _items_of(pointer)
        return WRONG_TYPE.finding(
            Message(
                ja=f"{_subject(pointer, 'には')[0] or item_ja}{_either(exp_ja) or '別の種類の値'} を書きます"
                f"（{got_ja}が書かれています）{example_ja}",
                en=f"{subject_en or item_en}expected {' or '.join(exp_en) or 'another kind of value'}, found {got_en}"
                f"{example_en}",
            ),
            pointer,
        )
    if error.validator in ("enum", "const"):
        values = cast("list[Any]", error.validator_value) if error.validator == "enum" else [error.validator_value]
        allowed = [str(v) for v in values]
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.4)
        hint_ja = f"「{close[0]}」のことですか。" if close else ""
        hint_en = f" Did you mean '{close[0]}'?" if close else ""
        return INVALID_VALUE.finding(
            Message(
                ja=f"{subject_ja}「{value}」は使えません。{hint_ja}使える値: {'、'.join(allowed)}",
                en=f"{subject_en}'{value}' is not allowed.{hint_en} Allowed: {', '.join(allowed)}",
            ),
            pointer,
        )
    if error.validator in ("minItems", "minLength") or (
        error.validator == "pattern" and error.validator_value == r"\S"
    ):
        if pointer.endswith("/" + NOT_STATED_KEY):
            return EMPTY_VALUE.finding(
                Message(
                    ja="未記載の理由が空です。出典のどこを見て何が書かれていなかったかを書きます",
                    en="the reason for 未記載 is empty; say where in the source the value is missing",
                ),
                pointer,
            )
        empty_ja, empty_en = _item_subject(pointer)
        return EMPTY_VALUE.finding(
            Message(
                ja=f"{empty_ja}が空です。値を書くか、出典にないときは {{未記載: 理由}} と書きます",
                en=f"{empty_en}empty; give a value, or {{未記載: reason}} when the source does not give it",
            ),
            pointer,
        )
    titled = _titled(error)
    if titled.get("title") == NUMBER_TITLE and error.validator in _NUMBER_KEYWORDS:
        return _number(pointer, value)
    if error.validator == "pattern" and titled:
        how = cast("Mapping[str, Any]", error.schema).get("patternErrorMessage") or titled.get("description", "")
        return INVALID_VALUE.finding(
            Message(
                ja=f"{subject_ja}「{shown}」は{titled['title']}として読めません。{how}",
                en=f"{subject_en}'{shown}' is not a valid {titled['title']}",
            ),
            pointer,
        )
    return INVALID_VALUE.finding(
        Message(
            ja=f"{subject_ja}値が正しくありません（{error.validator}: {error.validator_value}）",
            en=f"{subject_en}invalid value ({error.message})",
        ),
        pointer,
    )
