"""JSON pointers: one escaping function, the model's pointer helper, and no key spelled outside the model."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jusou_spec import jsonpointer
from jusou_spec.model import (
    Indicator,
    NotStated,
    Plan,
    Program,
    Report,
    key_of,
    pointer_in,
    pointer_to,
)
from jusou_spec.model._build import BuildContext, build, key, location, unbuild, walk

from .report_strategies import reports
from .strategies import plans

PACKAGE = Path(__file__).resolve().parent.parent / "jusou_spec"
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ABSENT = object()


# ---------------------------------------------------------------- escaping, in one place


def test_escape_and_unescape_are_inverse_for_tilde_and_slash():
    """``~`` is written ``~0`` and ``/`` ``~1``, in that order, so ``~1`` in a key survives the round trip."""
    assert jsonpointer.escape("a/b~c") == "a~1b~0c"
    assert jsonpointer.escape("~1") == "~01"
    assert jsonpointer.unescape("~01") == "~1"
    assert jsonpointer.unescape("a~1b~0c") == "a/b~c"
    assert jsonpointer.join("/事業", 3, "所管課") == "/事業/3/所管課"


def test_resolve_follows_keys_and_indexes_and_reports_what_is_missing():
    """``resolve`` reads mappings by key and lists by index; a missing place is the default, or KeyError."""
    data = {"a/b": {"~": [10, 20]}}
    assert jsonpointer.resolve(data, "/a~1b/~0/1") == 20
    assert jsonpointer.resolve(data, "") is data
    assert jsonpointer.resolve(data, "/a~1b/~0/2", None) is None
    assert jsonpointer.resolve(data, "/a~1b/~0/01", None) is None  # RFC 6901: no leading zeros
    with pytest.raises(KeyError):
        jsonpointer.resolve(data, "/ab")
    with pytest.raises(ValueError, match="starts with '/'"):
        jsonpointer.tokens("事業/0")


_KEYS = st.text(st.sampled_from("~/01aあ事"), max_size=5)


@given(st.lists(_KEYS, max_size=6))
def test_tokens_read_back_what_join_wrote(keys):
    """Property: any keys, ``~`` and ``/`` included, come back unchanged from the pointer they were joined into."""
    assert jsonpointer.tokens(jsonpointer.join("", *keys)) == tuple(keys)


@given(st.lists(_KEYS, min_size=1, max_size=4), st.integers())
def test_the_pointer_of_a_nested_key_resolves_to_its_value(keys, value):
    """Property: a value stored under nested keys is found again through the pointer joined from those keys."""
    data: Any = value
    for part in reversed(keys):
        data = {part: data}
    assert jsonpointer.resolve(data, jsonpointer.join("", *keys)) == value


# ---------------------------------------------------------------- the model's pointer helper


@attrs.frozen
class Odd:
    """A model class whose keys need escaping (the real documents' keys do not, but a pointer must not care)."""

    slash: str | None = key("a/b")
    tilde: tuple[Odd, ...] = key("~x", default=())
    pointer: str = location()


def test_the_model_escapes_keys_it_declares():
    """A declared key with ``/`` or ``~`` is escaped in the pointers the builder keeps and the helper gives."""
    odd = build(Odd, {"a/b": "v"}, "/~0", BuildContext())
    assert pointer_to(odd, "slash") == "/~0/a~1b"
    assert pointer_in(Odd, "tilde", 2, "slash") == "/~0x/2/a~1b"
    assert jsonpointer.resolve({"~": {"a/b": "v"}}, pointer_to(odd, "slash")) == "v"


def test_pointer_to_names_attributes_in_english_and_indexes_as_numbers():
    """A program's 所管課 and one of its departments, an indicator's baseline value, a report's 実績."""
    plan, _ = Plan.from_document(
        {
            "jusou": "plan/1",
            "事業": [
                {"id": "a", "名称": "甲"},
                {"id": "b", "名称": "乙", "所管課": ["福祉課", "介護課"], "成果目標": [{"id": "x", "名称": "件数"}]},
            ],
        }
    )
    program = plan.programs[1]
    assert pointer_to(program) == "/事業/1"
    assert pointer_to(program, "departments", 1) == "/事業/1/所管課/1"
    assert pointer_to(program.indicators[0], "baseline", "value") == "/事業/1/成果目標/0/基準値/値"
    assert pointer_to(plan, "programs") == "/事業"
    assert pointer_to(plan) == ""
    report, _ = Report.from_document({"jusou": "report/1", "実績": []})
    assert pointer_to(report, "actuals", 0, "value") == "/実績/0/値"


def test_pointer_in_and_key_of_read_the_declarations_without_an_object():
    """Code that reads the document as data asks the class: the path from a Plan or Report is absolute."""
    assert pointer_in(Plan, "period") == "/計画期間"
    assert pointer_in(Report, "plan", "file") == "/計画/ファイル"
    assert pointer_in(Program, "indicators", 0, "targets", 1, "years") == "/成果目標/0/目標/1/年度"
    assert key_of(Program, "departments") == "所管課"
    assert key_of(Indicator, "targets") == "目標"


def test_asking_for_what_the_model_does_not_declare_is_an_error():
    """An unknown attribute, an attribute below a plain value, or an object without its own pointer is refused."""
    plan, _ = Plan.from_document({"jusou": "plan/1", "事業": [{"id": "a", "名称": "甲", "成果目標": []}]})
    with pytest.raises(ValueError, match="no attribute 'departmnets'"):
        pointer_to(plan.programs[0], "departmnets")
    with pytest.raises(ValueError, match="holds no attributes"):
        pointer_in(Program, "name", "value")
    with pytest.raises(ValueError, match="no attribute 'pointer'"):
        pointer_in(Program, "pointer")
    with pytest.raises(TypeError, match="does not keep its pointer"):
        pointer_to(plan.municipality, "name")
    with pytest.raises(TypeError):
        pointer_to(NotStated("不明", "/計画期間"), "years")
    assert pointer_to(NotStated("不明", "/計画期間")) == "/計画期間"


def _document_form(obj: Any, field: attrs.Attribute) -> Any:  # type: ignore[type-arg]
    """What ``to_document`` writes for one attribute (None when it leaves the key out)."""
    value = getattr(obj, field.name)
    if value is None or (value == () and not field.metadata.get("keep_empty")):
        return None
    if value is False and field.default is False:
        return None
    unconvert = field.metadata.get("unconvert")
    return unconvert(value) if unconvert else unbuild(value)


def _keeps_pointer(obj: Any) -> bool:
    return attrs.has(type(obj)) and ("pointer" in attrs.fields_dict(type(obj)) or isinstance(obj, Plan | Report))


def _assert_pointers_hold(document: dict[str, Any], model: Plan | Report) -> None:
    written = model.to_document()
    again = type(model).from_document(written)[0]
    checked = 0
    for built, data in ((model, document), (again, written)):
        for obj in walk(built):
            if not _keeps_pointer(obj) or isinstance(obj, NotStated):
                continue
            if not isinstance(jsonpointer.resolve(data, pointer_to(obj)), dict):
                continue  # written in shorthand (直営 for {方式: 直営}): no keys of its own
            for field in attrs.fields(type(obj)):
                if not field.metadata.get("ja") or _document_form(obj, field) is None:
                    continue
                if data is document and getattr(obj, field.name) == field.default:
                    continue  # a default the document may leave out (関連事業: false)
                where = pointer_to(obj, field.name)
                found = jsonpointer.resolve(data, where, ABSENT)
                assert found is not ABSENT, where
                if data is written:
                    assert found == _document_form(obj, field), where
                value = getattr(obj, field.name)
                if isinstance(found, list) and isinstance(value, tuple):
                    for index, child in enumerate(value):
                        if _keeps_pointer(child):
                            assert child.pointer == pointer_to(obj, field.name, index)
                elif _keeps_pointer(value):
                    assert value.pointer == where
                checked += 1
    assert checked


@SETTINGS
@given(plans())
def test_the_pointer_the_model_gives_for_a_plan_value_names_that_value(document):
    """Property: for every attribute of every located object of a plan, the pointer the model gives exists in the
    document it was built from, and in the written-back document resolves to exactly that attribute's value."""
    plan, _ = Plan.from_document(document)
    _assert_pointers_hold(document, plan)


@SETTINGS
@given(reports(plan_indicator_ids=("x",)) | reports())
def test_the_pointer_the_model_gives_for_a_report_value_names_that_value(document):
    """Property: the same for status reports (actuals, nested breakdowns, tables, activities)."""
    report, _ = Report.from_document(document)
    _assert_pointers_hold(document, report)


# ---------------------------------------------------------------- no key spelled outside the model

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _spelled_pointers(tree: ast.AST) -> list[tuple[int, str]]:
    """String constants and f-string parts that write a JSON pointer step with a (Japanese) key."""
    found: list[tuple[int, str]] = []
    in_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = [part for part in node.values if isinstance(part, ast.Constant)]
            in_fstrings.update(id(part) for part in parts)
            text = "".join(part.value if isinstance(part, ast.Constant) else "{…}" for part in node.values)
            if re.search(r"(?:^|})/[^\x00-\x7f]", text):
                found.append((node.lineno, text))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in in_fstrings
            and re.fullmatch(r"/\S*", node.value)
            and _NON_ASCII.search(node.value)
        ):
            found.append((node.lineno, node.value))
    return found


def test_the_scan_finds_the_ways_a_pointer_was_spelled_by_hand():
    """The scan below catches a literal pointer, a key appended in an f-string, and leaves messages alone."""
    code = 'a = "/事業"\nb = f"{program.pointer}/所管課/{i}"\nc = f"「{key}」は未記載です"\nd = "R6/R7"\n'
    assert [text for _, text in _spelled_pointers(ast.parse(code))] == ["{…}/所管課/{…}", "/事業"]


def test_no_pointer_is_spelled_from_japanese_keys_outside_the_model():
    """Rules, resolvers and renderers ask the model (pointer_to, pointer_in) instead of spelling a key again."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name == "model":
            continue
        for line, text in _spelled_pointers(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {text}")
    assert offenders == []


def test_pointer_tokens_are_escaped_and_unescaped_only_in_jsonpointer():
    """``~0``/``~1`` appear in one module: every other pointer is built and read through it."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "jsonpointer.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(r"~[01]", node.value):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert offenders == []
