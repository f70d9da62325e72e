"""The diagrams: golden DOT, escaping against hostile text, byte-identical output, fonts, overlay, order."""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import jusou_spec
from jusou_spec.diagrams import VIEWS, render, to_dot
from jusou_spec.diagrams.dot import clean, identifier, text
from jusou_spec.diagrams.style import FONT
from jusou_spec.graph import build_graph
from jusou_spec.model import Plan

from .graph_cases import dot_text, golden_path, plans
from .profiles import scaled
from .strategies import plans as generated_plans

ROOT = Path(__file__).resolve().parent.parent
ASHIYA_LIKE = ROOT / "tests/fixtures/graph-ashiya-like.yaml"
UOZU_LIKE = ROOT / "tests/fixtures/graph-uozu-like.yaml"
SVG = "{http://www.w3.org/2000/svg}"
CASES = [(name, path, view) for name, path in plans().items() for view in VIEWS]


@pytest.mark.parametrize(("name", "path", "view"), CASES, ids=[f"{n}-{v}" for n, _, v in CASES])
def test_dot_matches_its_golden_file(name, path, view):
    """Each view of each bundled plan and fixture gives exactly its golden DOT (regenerate: scripts/regenerate)."""
    golden = golden_path(name, view)
    assert golden.exists(), f"missing {golden.name}: run scripts/regenerate"
    assert dot_text(path, view) == golden.read_text(encoding="utf-8")


def test_no_golden_file_is_left_without_its_plan():
    """Every golden DOT file belongs to a current plan and view (a removed plan's files are removed)."""
    expected = {golden_path(name, view).name for name, _, view in CASES}
    assert {p.name for p in (ROOT / "tests/golden/graph").glob("*.dot")} == expected


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_output_is_byte_identical_between_runs(view, fmt):
    """Rendering the same plan twice gives the same SVG and PNG bytes (no time stamps, fixed fonts)."""
    plan = jusou_spec.load(ASHIYA_LIKE)
    assert render(plan, view, format=fmt) == render(plan, view, format=fmt)


def test_pdf_renders():
    """PDF output is produced (it carries Graphviz' creation time, so it is not compared byte for byte)."""
    assert render(jusou_spec.load(ASHIYA_LIKE), "flow", format="pdf").startswith(b"%PDF")


def test_svg_names_the_japanese_font_with_its_fallbacks_and_keeps_the_glyphs():
    """Every text in the SVG uses the explicit font list, and the Japanese text arrives unchanged."""
    svg = render(jusou_spec.load(ASHIYA_LIKE), "flow", format="svg").decode("utf-8")
    families = set(re.findall(r'font-family="([^"]*)"', svg))
    assert families == {FONT}
    assert "多機関協働推進委員会" in svg


def _node_texts(svg: bytes) -> dict[str, str]:
    """Each SVG node's title (its DOT id) and all its text, joined."""
    found = {}
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        if group.get("class") == "node":
            title = group.find(f"{SVG}title").text or ""
            found[title] = "".join(t.text or "" for t in group.iter(f"{SVG}text"))
    return found


def _positions(svg: bytes) -> dict[str, float]:
    """Each SVG node's title and the y of its first text (larger is lower on the page)."""
    found = {}
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        if group.get("class") == "node":
            first = next(group.iter(f"{SVG}text"))
            found[group.find(f"{SVG}title").text] = float(first.get("y"))
    return found


def test_clauses_read_top_to_bottom_in_the_laws_order():
    """The clauses view lists 第1号イ … 第6号 from the top down, and the programs of 第1号ハ in document order."""
    positions = _positions(render(jusou_spec.load(ASHIYA_LIKE), "clauses", format="svg"))
    clauses = [
        positions[f"clause:{label}"]
        for label in (
            "第1号イ",
            "第1号ロ",
            "第1号ハ",
            "第1号ニ",
            "第2号",
            "第3号イ",
            "第3号ロ",
            "第3号ハ",
            "第3号ニ",
            "第3号",
            "第4号",
            "第5号",
            "第6号",
        )
    ]
    assert clauses == sorted(clauses)
    assert positions["program:利用者支援特定型"] < positions["program:利用者支援センター型"]


def test_initiatives_and_measures_read_top_to_bottom_in_document_order():
    """取組 (1) is above (2), and 施策 1 … 4 run downwards."""
    positions = _positions(render(jusou_spec.load(ASHIYA_LIKE), "initiatives", format="svg"))
    assert positions["initiative:(1)"] < positions["initiative:(2)"]
    measures = [positions[f"measure:地域福祉計画:{n}"] for n in range(1, 5)]
    assert measures == sorted(measures)


def test_a_missing_mandatory_clause_is_a_red_dashed_placeholder():
    """Without a 第2号 program, the clauses view draws a red dashed 事業なし box joined to 第2号."""
    plan = jusou_spec.load(ASHIYA_LIKE)
    gap = attrs.evolve(plan, programs=tuple(p for p in plan.programs if p.id != "参加支援"))
    dot = to_dot(build_graph(gap), "clauses")
    assert re.search(
        r'"missing:第2号" \[label=<事業なし（法定の必須事業）.*style="dashed,rounded" color="#c00000"', dot
    )
    assert '"clause:第2号" -> "missing:第2号"' in dot
    assert "missing:" not in to_dot(build_graph(plan), "clauses")


def test_findings_overlay_marks_the_nodes_they_are_about():
    """A warning on meeting B's 本人同意 colours B's box orange and names the code; without findings, nothing."""
    plan = jusou_spec.load(ASHIYA_LIKE)
    findings = jusou_spec.check(ASHIYA_LIKE)
    assert {f.pointer for f in findings if f.code == "NS001"} >= {"/会議/1/本人同意"}
    marked = to_dot(build_graph(plan), "flow", findings=findings)
    plain = to_dot(build_graph(plan), "flow")
    line = next(line for line in marked.splitlines() if line.lstrip().startswith('"meeting:B" '))
    assert 'COLOR="#d98200"' in line and "「本人同意」は未記載です" in line and "NS001" not in line
    assert "未記載です" not in plain and "jusou check の指摘" in marked and "jusou check の指摘" not in plain


def test_departments_view_is_the_circle_table():
    """The departments view is one table: the matrix's rows and columns, ○ where the plan puts one."""
    plan = jusou_spec.load(UOZU_LIKE)
    dot = to_dot(build_graph(plan), "departments")
    assert dot.count("<TABLE") == 1 and "->" not in dot
    assert dot.count(">○<") == 4 + 4 + 2 + 3
    assert dot.index("社会福祉課") < dot.index("こども課") < dot.index("市民課") < dot.index("地域協働課")
    assert "(4)<BR/>庁内連携" in dot and "会議等" in dot


def test_clauses_view_links_clauses_5_and_6_and_names_a_variant_once():
    """第5号 and 第6号 are linked; a program whose name ends with its 類型 is not given it twice."""
    plan = jusou_spec.load(UOZU_LIKE)
    assert '"clause:第5号" -> "clause:第6号"' in to_dot(build_graph(plan), "clauses")
    program = attrs.evolve(
        plan.programs[0], name="利用者支援事業（こども家庭センター型）", variant="こども家庭センター型"
    )
    assert program.label == "利用者支援事業（こども家庭センター型）"
    assert attrs.evolve(program, name="利用者支援事業").label == "利用者支援事業（こども家庭センター型）"


hostile = st.text(
    st.characters(blacklist_categories=(), min_codepoint=0, max_codepoint=0x10FFFF), min_size=1, max_size=40
) | st.sampled_from(
    ['"', "\\", "\\N", "\\G", "<b>x</b>", "&amp;", "]]>", "-->", "}", "{", "a\nb", '" ] ; x -> y [', '\\"']
)


@scaled(5)
@given(hostile)
def test_escaped_text_has_no_markup_of_its_own(value):
    """Property: escaped text contains no raw <, >, " and every & starts an entity; backslashes come in pairs."""
    escaped = text(value)
    without_breaks = escaped.replace("<BR/>", "")
    assert "<" not in without_breaks and ">" not in without_breaks and '"' not in without_breaks
    assert re.fullmatch(r"(?:[^&]|&(?:amp|lt|gt|quot);)*", without_breaks)
    assert all(len(run) % 2 == 0 for run in re.findall(r"\\+", without_breaks))


@functools.cache
def _ashiya_like() -> Plan:
    return jusou_spec.load(ASHIYA_LIKE)


@functools.cache
def _reference_node_texts(view: str) -> dict[str, str]:
    """The nodes of the unchanged plan's SVG, drawn once per view (Graphviz is the property's cost)."""
    return _node_texts(render(_ashiya_like(), view, format="svg"))


def _hostile_plan(value: str) -> Plan:
    plan = _ashiya_like()
    meetings = tuple(attrs.evolve(m, name=value) if m.id == "C" else m for m in plan.meetings)
    programs = tuple(attrs.evolve(p, id=value, name=value) if p.id == "参加支援" else p for p in plan.programs)
    document = attrs.evolve(plan, meetings=meetings, programs=programs).to_document()
    return Plan.from_document(document)[0]


@given(hostile.filter(lambda v: clean(v) != ""))
def test_hostile_names_cannot_break_or_inject_into_dot_or_svg(value):
    """Property: a meeting and a program named with any text still give one well-formed SVG with the same nodes,
    and the text shows as written (cleaned), inside its own node."""
    plan = _hostile_plan(value)
    shown = clean(value).replace("\n", "")
    for view, node in (("flow", "meeting:C"), ("clauses", f"program:{value}")):
        svg = render(plan, view, format="svg")
        texts = _node_texts(svg)
        assert len(texts) == len(_reference_node_texts(view))
        assert "".join(shown.split()) in "".join(texts[identifier(node)[1:-1]].split())


@given(generated_plans())
def test_every_view_draws_any_schema_valid_plan(document):
    """Property: every view gives DOT text for any schema-valid plan (umbrellas without members, unresolved ids …)."""
    plan, _ = Plan.from_document(document)
    graph = build_graph(plan)
    for view in VIEWS:
        assert to_dot(graph, view).startswith("digraph")


def test_umbrellas_without_members_are_drawn_in_the_band_of_their_whole_item(tmp_path):
    """With no 上位事業 left, 包括的相談支援事業 (号全体: 第1号) is a box in the 相談支援 band, not a related program."""
    text = (ROOT / "tests/fixtures/mihon.yaml").read_text(encoding="utf-8")
    lonely = tmp_path / "mihon.yaml"
    lonely.write_text(re.sub(r"\n    上位事業: \S+", "", text), encoding="utf-8")
    dot = to_dot(build_graph(jusou_spec.load(lonely)), "clauses")
    band = dot.split('subgraph "cluster_consultation"', 1)[1].split("subgraph", 1)[0]
    assert '"program:包括的相談支援"' in band
    assert '"program:包括的相談支援"' not in dot.split('subgraph "cluster_related"', 1)[-1]


def test_an_umbrella_is_a_group_around_its_members_and_a_delivery_shows_its_change_by_year():
    """In the clauses view each umbrella is a cluster (labelled 上位事業（第1号全体）) holding exactly its members, and a
    program whose delivery changes by year is labelled 直営（R6） → 委託（…、R7～R8）."""
    plan = jusou_spec.load(ROOT / "tests/fixtures/mihon.yaml")
    assert isinstance(plan, Plan)
    dot = to_dot(build_graph(plan), "clauses")
    for umbrella, whole in (("包括的相談支援", "第1号全体"), ("地域づくり", "第3号全体")):
        program = plan.references.programs[umbrella]
        cluster = next(
            part for part in dot.split("subgraph ")[1:] if f"<B>{program.name}</B>" in part and "umbrella" in part
        )
        assert f"上位事業（{whole}）" in cluster
        inside = set(re.findall(r'^\s+"(program:[^"]+)" \[', cluster.split("}", 1)[0], flags=re.MULTILINE))
        assert inside == {f"program:{m.id}" for m in plan.members_of(program)}
    label = next(line for line in dot.splitlines() if line.strip().startswith('"program:自立相談" ['))
    assert "直営（R6） → 委託（見本市社会福祉協議会、<BR/>R7～R8）" in label
