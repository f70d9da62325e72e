"""The two schema engines agree: jsonschema-rs decides, jsonschema explains, and the findings are the reference's.

jsonschema-rs only says valid or invalid; what a planner reads comes from jsonschema. So the fast engine must give
jsonschema's verdict on every document we know of (every bundled document, every rule case, every test fixture,
every example of the rules' documentation and of the guide) and on generated ones (the hypothesis strategies',
valid and broken, and the benchmark corpus's); and the findings must be the same whether the fast engine is installed
or not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import jusou_spec.schema._explain as explaining
from benchmarks.corpus import generate_plan, plan_with_programs
from jusou_spec import schema
from jusou_spec.rules import RULES, Example, as_document, examples
from jusou_spec.source import parse_source

from .report_strategies import reports
from .strategies import plans
from .test_guide import DOCUMENTS as GUIDE_DOCUMENTS
from .test_guide import FRAGMENTS as GUIDE_FRAGMENTS
from .test_guide import _laid_over_the_plan

ROOT = Path(__file__).resolve().parent.parent
RULE_BY_CODE = {rule.code: rule for rule in RULES}


def _bundled() -> list[Path]:
    """Every bundled document the schema step sees (tests/fixtures/not-a-plan.yaml, without a marker, is not one)."""
    folders = ("plans", "reports", "examples", "tests/fixtures", "tests/plans")
    found = sorted(path for folder in folders for path in (ROOT / folder).rglob("*.y*ml"))
    return [path for path in found if parse_source(path.read_text(encoding="utf-8"), name=path.name).kind is not None]


def _rule_case_documents() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "tests" / "rule_cases").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            text = case["document"]
            if not text.startswith("jusou:"):
                kind = "report" if RULE_BY_CODE[data["rule"]].document == "report" else "plan"
                text = as_document(Example(passes=not case["expect"], label=case["name"], yaml=text), document=kind)
            found.append((f"{data['rule']}-{case['name']}", text))
    return found


def _agree(kind: str, data: Any) -> None:
    reference = explaining.explain(kind, data)
    fast = schema.is_valid(kind, data)
    assert fast is not None, "jsonschema-rs is a core dependency: it must judge every document we read"
    assert fast == (not reference), reference
    assert schema.validate(kind, data) == reference


def test_the_fast_engine_is_installed():
    """jsonschema-rs is a core dependency, so the goals are met with it: the engine in use says so."""
    assert schema.engine() == "jsonschema-rs"


@pytest.mark.parametrize("path", _bundled(), ids=lambda p: str(p.relative_to(ROOT)))
def test_both_engines_agree_on_every_bundled_document(path):
    """Every plan, report, example and fixture: the same verdict, and validate() gives the reference's findings."""
    source = parse_source(path.read_text(encoding="utf-8"), name=path.name)
    assert source.data is not None and source.kind is not None, [f.text("en") for f in source.findings]
    _agree(source.kind, source.data)


@pytest.mark.parametrize(("name", "text"), _rule_case_documents(), ids=lambda v: v if "\n" not in v else "")
def test_both_engines_agree_on_every_rule_case(name, text):
    """Every rule case's document (valid ones, and those written to fail their schema)."""
    source = parse_source(text, name="case.yaml")
    if source.data is not None and source.kind is not None:
        _agree(source.kind, source.data)


def _documented_examples() -> list[tuple[str, str]]:
    """Every Fails/Passes example of the rules' documentation (docs/rules.md), as the whole document it stands for."""
    found = []
    for rule in RULES:
        kind = "report" if rule.document == "report" else "plan"
        for index, example in enumerate(examples(rule.doc)):
            found.append((f"{rule.code}-{index}", as_document(example, document=kind)))
    return found


def _guide_documents() -> list[tuple[str, str]]:
    """The guide's whole plan and report, and each fragment laid over its plan (as tests/test_guide.py checks them)."""
    found = [(f"guide-{kind}", text) for kind, text in sorted(GUIDE_DOCUMENTS.items())]
    found += [(f"guide-fragment-{index}", _laid_over_the_plan(body)) for index, body in GUIDE_FRAGMENTS]
    return found


@pytest.mark.parametrize(
    ("name", "text"), [*_documented_examples(), *_guide_documents()], ids=lambda v: v if "\n" not in v else ""
)
def test_both_engines_agree_on_every_documented_example(name, text):
    """Every example the rules' documentation and the guide show a planner."""
    source = parse_source(text, name="example.yaml")
    if source.data is not None and source.kind is not None:
        _agree(source.kind, source.data)


@pytest.mark.parametrize("index", range(12))
def test_both_engines_agree_on_the_benchmark_corpus(index):
    """The generated plans the goals are measured on (long texts, transition years, umbrellas, many programs)."""
    _agree("plan", generate_plan(index))


def test_both_engines_agree_on_a_plan_of_many_programs():
    """A plan of 2,000 programs under umbrellas, as the scaling benchmark checks."""
    _agree("plan", plan_with_programs(2_000, umbrellas=True))


_ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=5),
    st.just(""),
    st.just([]),
    st.just({}),
    st.just({"未記載": ""}),
    st.lists(st.text(max_size=3), max_size=2),
)


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*path, index))
    return found


@st.composite
def broken(draw: st.DrawFn, documents: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """A generated document with one place changed: a value replaced by an odd one, or a key removed or added."""
    document = draw(documents)
    place = draw(st.sampled_from(_places(document)[1:] or [()]))
    if not place:
        return document
    parent = document
    for step in place[:-1]:
        parent = parent[step]
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "remove" and isinstance(parent, dict):
        del parent[place[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[draw(st.sampled_from(["備考", "名前", "id", "注記x"]))] = draw(_ODD_VALUES)
    else:
        parent[place[-1]] = draw(_ODD_VALUES)
    return document


@given(st.one_of(plans(), broken(plans())))
def test_both_engines_agree_on_generated_plans(document):
    """Generated plans, valid and with one place broken: the same verdict and the reference's findings."""
    _agree("plan", document)


@given(st.one_of(reports(), broken(reports())))
def test_both_engines_agree_on_generated_reports(document):
    """Generated reports, valid and with one place broken: the same verdict and the reference's findings."""
    _agree("report", document)


def test_without_the_fast_engine_the_reference_decides(monkeypatch):
    """Without jsonschema-rs, jsonschema decides alone and the findings do not change."""
    broken_plan = {"jusou": "plan/1", "自治体": {"名称": 3}}
    expected = schema.validate("plan", broken_plan)
    monkeypatch.setattr(schema, "_FAST", None)
    schema._decider.cache_clear()
    try:
        assert schema.engine() == "jsonschema"
        assert schema.is_valid("plan", broken_plan) is None
        assert schema.validate("plan", broken_plan) == expected != []
    finally:
        schema._decider.cache_clear()


def test_data_the_fast_engine_cannot_read_goes_to_the_reference():
    """An integer beyond 64 bits is judged by jsonschema (the fast engine has no verdict), not dropped."""
    huge = {"jusou": "plan/1", "自治体": {"名称": 10**40}}
    assert schema.is_valid("plan", huge) in (None, False)
    assert schema.validate("plan", huge) == explaining.explain("plan", huge) != []
