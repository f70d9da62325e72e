"""The schemas: well-formed, in step with the parsers, and their errors told one per place in plain words."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from jusou_spec import schema
from jusou_spec.fiscal import FiscalYearError, parse_range, parse_year
from jusou_spec.resources import load_schema

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = yaml.safe_load((ROOT / "tests/fixtures/minimal-plan.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", ["plan", "report"])
def test_schemas_are_draft_2020_12_with_versioned_ids_and_japanese_titles(kind):
    """Each schema is valid Draft 2020-12, has a versioned $id and a Japanese title on every definition."""
    document = load_schema(kind)
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert re.search(rf"{kind}:1$", document["$id"])
    untitled = [name for name, d in document["$defs"].items() if not d.get("title") and "properties" in d]
    assert untitled == []


def test_shared_definitions_are_identical_in_both_schemas():
    """The report schema repeats the plan's shared definitions (so each file stands alone); they must not drift."""
    plan, report = load_schema("plan")["$defs"], load_schema("report")["$defs"]
    shared = set(plan) & set(report)
    assert {"未記載", "年度", "年度範囲", "数値", "指標", "目標値", "自治体", "文書出典", "出典位置"} <= shared
    assert {name: plan[name] for name in shared} == {name: report[name] for name in shared}


def test_objects_refuse_unknown_keys():
    """Every object definition sets additionalProperties false, so a typo cannot vanish."""
    for kind in ("plan", "report"):
        document = load_schema(kind)
        objects = [document, *document["$defs"].values()]
        for definition in objects:
            for candidate in [definition, *definition.get("anyOf", [])]:
                if candidate.get("type") == "object":
                    assert candidate.get("additionalProperties") is False, candidate.get("title")


YEAR_PATTERN = re.compile(load_schema("plan")["$defs"]["年度"]["anyOf"][0]["pattern"])
RANGE_PATTERN = re.compile(load_schema("plan")["$defs"]["年度範囲"]["anyOf"][0]["pattern"])
year_like = st.from_regex(
    r"\A(?:[RHSＲ]?[0-9０-９]{1,4}|令和[0-9元]{1,2}|平成[0-9]{1,2}|昭和[0-9]{1,2})(?:年度|年)?"
    r"(?:[～~\-](?:[RHSＲ]?[0-9]{1,4}|令和[0-9]{1,2}|平成[0-9]{1,2})?(?:年度|年)?)?\Z"
)


def _parses(parser, text):
    try:
        parser(text)
    except FiscalYearError:
        return False
    return True


@given(year_like)
def test_schema_year_pattern_accepts_what_the_parser_reads(text):
    """Property: a year the parser reads is never refused by the schema's pattern (the editor agrees with the tool)."""
    if _parses(parse_year, text):
        assert YEAR_PATTERN.search(text), text
    if _parses(parse_range, text):
        assert RANGE_PATTERN.search(text), text


def _findings(mutate):
    document = copy.deepcopy(MINIMAL)
    mutate(document)
    return [(f.code, f.pointer, f.message.ja, f.message.en) for f in schema.validate("plan", document)]


def test_the_minimal_plan_is_valid():
    """The fixture the other tests mutate is itself valid."""
    assert schema.validate("plan", MINIMAL) == []


def test_a_misspelt_key_gets_one_finding_with_a_suggestion():
    """所管 for 所管課: one SV002 at the key, suggesting the right key (the missing 所管課 is reported too)."""

    def mutate(d):
        d["事業"][0]["所管"] = d["事業"][0].pop("所管課")

    found = _findings(mutate)
    assert ("SV002", "/事業/0/所管") in [(c, p) for c, p, _, _ in found]
    message = next(ja for c, p, ja, _ in found if c == "SV002")
    assert "「所管課」のことですか" in message


def test_a_synonym_key_names_the_chosen_key():
    """評価指標 is the documents' other word for 成果目標; the message says so."""
    found = _findings(lambda d: d["事業"][0].__setitem__("評価指標", []))
    assert [(c, p) for c, p, _, _ in found] == [("SV002", "/事業/0/評価指標")]
    assert "成果目標" in found[0][2]


def test_a_string_where_a_list_is_expected_is_one_type_finding():
    """所管課 as a bare string: one SV003 naming both accepted forms, not a cascade of anyOf errors."""
    found = _findings(lambda d: d["事業"][0].__setitem__("所管課", "高齢介護課"))
    assert len(found) == 1
    code, pointer, ja, en = found[0]
    assert (code, pointer) == ("SV003", "/事業/0/所管課")
    assert "リスト" in ja and "{未記載: 理由}" in ja and "文字列" in ja
    assert "list" in en


def test_a_wrong_enum_value_suggests_the_close_one():
    """分野 高齢者 → SV004 suggesting 高齢 and listing the allowed values."""
    found = _findings(lambda d: d["事業"][0].__setitem__("分野", "高齢者"))
    assert [(c, p) for c, p, _, _ in found] == [("SV004", "/事業/0/分野")]
    assert "「高齢」のことですか" in found[0][2]


def test_missing_keys_are_one_finding_per_object():
    """Two missing keys of one program are one SV001 naming both, with the 未記載 hint."""

    def mutate(d):
        del d["事業"][0]["名称"], d["事業"][0]["所管課"]

    found = _findings(mutate)
    assert len(found) == 1 and found[0][:2] == ("SV001", "/事業/0")
    assert "「名称」" in found[0][2] and "「所管課」" in found[0][2] and "未記載" in found[0][2]


def test_a_program_without_clause_is_told_about_related_programs():
    """A missing 号 is reported with the hint that related programs say 関連事業: true."""
    found = _findings(lambda d: d["事業"][0].pop("号"))
    assert found[0][0] == "SV001" and "関連事業: true" in found[0][2]


def test_an_unreadable_year_names_what_a_year_looks_like():
    """A period in words is an SV004 that explains the accepted spellings."""
    found = _findings(lambda d: d.__setitem__("計画期間", "令和四年から"))
    assert found[0][:2] == ("SV004", "/計画期間")
    assert "R4～R8" in found[0][2]


def test_an_empty_reason_for_not_stated_is_its_own_message():
    """{未記載: ''} asks for the reason, not for a value."""
    found = _findings(lambda d: d["事業"][0].__setitem__("所管課", {"未記載": ""}))
    assert found[0][0] == "SV005" and "理由" in found[0][2]


def test_every_schema_finding_is_in_both_languages():
    """All five schema codes produce Japanese and English text."""
    cases = [
        lambda d: d["事業"][0].pop("所管課"),
        lambda d: d["事業"][0].__setitem__("x", 1),
        lambda d: d.__setitem__("事業", {}),
        lambda d: d.__setitem__("実施形態", "本格"),
        lambda d: d["事業"][0].__setitem__("所管課", []),
    ]
    codes = set()
    for case in cases:
        for code, _, ja, en in _findings(case):
            codes.add(code)
            assert ja and en and ja != en
    assert codes == {"SV001", "SV002", "SV003", "SV004", "SV005"}


def test_schema_command_output_is_the_shipped_file():
    """The schema a user gets is the top-level file, byte for byte (it is the single source)."""
    from jusou_spec.resources import schema_text

    assert schema_text("plan") == (ROOT / "schemas/plan.schema.json").read_text(encoding="utf-8")
    assert json.loads(schema_text("report"))["$id"].endswith("report:1")
