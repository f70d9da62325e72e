"""The plan graph holds what the plan says, with stable ids, and its queries answer from it."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import networkx as nx
import pytest
from hypothesis import given

import jusou_spec
from jusou_spec.graph import (
    EdgeKind,
    NodeKind,
    build_graph,
    clause_coverage,
    connected_to,
    escalation_paths,
    missing_clauses,
    node_link,
    node_link_json,
    nodes_of,
    programs_by_department,
    uncovered_measures,
)
from jusou_spec.model import Plan

from .strategies import plans

ROOT = Path(__file__).resolve().parent.parent
ASHIYA_LIKE = ROOT / "tests/fixtures/graph-ashiya-like.yaml"
UOZU_LIKE = ROOT / "tests/fixtures/graph-uozu-like.yaml"
BUNDLED = sorted((ROOT / "plans").glob("*.yaml"))


def _graph(path: Path) -> nx.MultiDiGraph:
    return build_graph(jusou_spec.load(path))


def _edges(graph: nx.MultiDiGraph, kind: EdgeKind) -> set[tuple[str, str]]:
    return {(s, t) for s, t, k in graph.edges(data="kind") if k == kind.value}


def test_ashiya_like_meetings_escalate_a_to_b_to_c_and_d():
    """A passes cases to B's parts, B proposes to C and D, and C ↔ D is cooperation, not escalation."""
    graph = _graph(ASHIYA_LIKE)
    assert escalation_paths(graph) == [
        ["meeting:A", "meeting:B", "meeting:C"],
        ["meeting:A", "meeting:B", "meeting:D"],
    ]
    assert _edges(graph, EdgeKind.REFERS_TO) == {("meeting:A", "meeting:B-1"), ("meeting:A", "meeting:B-2")}
    assert _edges(graph, EdgeKind.COOPERATES_WITH) == {("meeting:C", "meeting:D")}
    assert {("meeting:B-1", "meeting:B"), ("meeting:B-2", "meeting:B")} <= _edges(graph, EdgeKind.PART_OF)


@pytest.mark.skipif(not (ROOT / "plans/ashiya.yaml").exists(), reason="the bundled Ashiya plan is not present")
def test_bundled_ashiya_escalates_from_the_team_meeting_through_b_to_c_and_d():
    """In 芦屋市's plan, paths run A → B → C and A → B → D (図2)."""
    paths = [
        [node.removeprefix("meeting:") for node in path]
        for path in escalation_paths(_graph(ROOT / "plans/ashiya.yaml"))
    ]
    heads = {tuple(path[:3]) for path in paths}
    assert ("A", "B", "C") in heads and ("A", "B", "D") in heads


@pytest.mark.parametrize("path", [ASHIYA_LIKE, UOZU_LIKE, *BUNDLED], ids=lambda p: p.stem)
def test_every_program_reaches_its_clauses_pillars_and_departments(path):
    """Each program's edges lead to the clauses, pillars and departments its YAML names."""
    plan = jusou_spec.load(path)
    graph = build_graph(plan)
    for program in plan.programs:
        node = f"program:{program.id}"
        clauses = {t for s, t in _edges(graph, EdgeKind.IMPLEMENTS) if s == node}
        assert clauses == {f"clause:{c.label}" for c in program.clauses}
        for clause in program.clauses:
            assert nx.has_path(graph, node, f"pillar:{clause.pillar.value}")
        if isinstance(program.departments, tuple):
            owners = {graph.nodes[t]["key"] for s, t in _edges(graph, EdgeKind.OWNED_BY) if s == node}
            assert owners == {jusou_spec.model.resolve.department_key(d) for d in program.departments}


def test_repeats_leads_and_item_links_come_from_the_resolver():
    """(2)ウ repeats (1)イ; leads resolve to a meeting, a department or an organisation; 施策 numbers link."""
    graph = _graph(ASHIYA_LIKE)
    assert _edges(graph, EdgeKind.REPEATS) == {("item:(2)ウ", "item:(1)イ")}
    leads = _edges(graph, EdgeKind.LED_BY)
    assert ("item:(1)イ", "meeting:A") in leads
    assert ("item:(1)ア", "department:地域福祉課") in leads
    assert ("item:(2)ア", "organisation:社会福祉協議会") in leads
    assert uncovered_measures(graph) == ["measure:地域福祉計画:3", "measure:地域福祉計画:4"]
    assert graph.nodes["action:推進計画:7"]["checked"] is False


def test_departments_merge_across_their_spellings_and_the_matrix_reaches_pillars():
    """民生部社会福祉課 (a program's 所管課) and 社会福祉課 (a matrix row) are one node; columns map to pillars."""
    graph = _graph(UOZU_LIKE)
    node = graph.nodes["department:社会福祉課"]
    assert node["names"] == ["民生部社会福祉課", "社会福祉課"]
    cooperation = {t for s, t in _edges(graph, EdgeKind.COOPERATES_WITH) if s == "department:社会福祉課"}
    assert cooperation == {"pillar:相談支援", "pillar:参加支援", "pillar:地域づくり", "column:庁内"}
    assert programs_by_department(graph)["民生部社会福祉課"] == ["program:包括", "program:参加"]


def test_a_rename_is_an_attribute_never_a_flow():
    """庁内連携会議 ⇒ 連携会議 is kept on the meeting; no edge joins the two names."""
    graph = _graph(UOZU_LIKE)
    assert graph.nodes["meeting:庁内連携会議"]["renames"] == [{"years": "R7～", "name": "連携会議"}]
    assert "meeting:連携会議" not in graph


def test_coverage_and_missing_clauses_show_the_gaps():
    """A clause with no program has an empty list in the coverage and is listed as missing."""
    graph = _graph(UOZU_LIKE)
    assert clause_coverage(graph)["参加支援"] == {"第2号": ["program:参加"]}
    assert missing_clauses(graph, required_only=True) == [
        "第3号イ",
        "第3号ロ",
        "第3号ハ",
        "第3号ニ",
        "第4号",
        "第5号",
        "第6号",
    ]
    assert "第3号" in missing_clauses(graph)


def test_connected_to_a_department_holds_its_programs_and_not_the_whole_plan():
    """The neighbourhood stops at shared nodes: a department's picture is its own programs and what they touch."""
    graph = _graph(ASHIYA_LIKE)
    around = connected_to(graph, "department:高齢介護課")
    assert {
        "program:包括",
        "program:介護予防",
        "program:生活支援",
        "clause:第1号イ",
        "organisation:見本市社会福祉協議会",
    } <= set(around)
    assert "program:多機関協働" not in around and "plan" not in around
    with pytest.raises(KeyError):
        connected_to(graph, "department:ない課")


def test_node_ids_are_stable_across_a_revision():
    """Revising a plan (a program renamed, another added) keeps every other node's id, and the renamed one's."""
    plan = jusou_spec.load(ASHIYA_LIKE)
    renamed = attrs.evolve(plan.programs[0], name="地域包括支援センター運営事業")
    revised, _ = Plan.from_document(attrs.evolve(plan, programs=(renamed, *plan.programs[1:])).to_document())
    before, after = build_graph(plan), build_graph(revised)
    assert set(before) == set(after)
    assert after.nodes["program:包括"]["label"] == "地域包括支援センター運営事業"


def test_node_link_json_is_deterministic_and_reads_back():
    """The JSON export is the same bytes for the same plan and networkx reads it back to the same graph."""
    first = node_link_json(_graph(ASHIYA_LIKE))
    assert first == node_link_json(_graph(ASHIYA_LIKE))
    again = nx.node_link_graph(json.loads(first), edges="edges")
    assert sorted(again.edges(keys=True)) == sorted(_graph(ASHIYA_LIKE).edges(keys=True))
    assert node_link(_graph(ASHIYA_LIKE))["multigraph"] is True


def test_every_node_and_edge_is_typed():
    """Every node carries a known kind and a label; every edge a known kind."""
    graph = _graph(ASHIYA_LIKE)
    kinds = {kind.value for kind in NodeKind}
    assert all(data["kind"] in kinds and data["label"] for _, data in graph.nodes(data=True))
    edge_kinds = {kind.value for kind in EdgeKind}
    assert all(kind in edge_kinds for _, _, kind in graph.edges(data="kind"))
    assert len(nodes_of(graph, NodeKind.CLAUSE)) == 13


@given(plans())
def test_any_valid_plan_builds_a_graph_whose_edges_join_existing_nodes(document):
    """Property: every schema-valid plan builds; no edge invents a node, and unresolved references are left out."""
    plan, _ = Plan.from_document(document)
    graph = build_graph(plan)
    assert all("kind" in data for _, data in graph.nodes(data=True))
    json.loads(node_link_json(graph))


def test_umbrellas_areas_and_delivery_by_year_are_in_the_graph():
    """上位事業 becomes member_of edges, 圏域 area nodes with serves and part_of edges, 実施方式 keeps its years."""
    graph = _graph(ROOT / "tests/fixtures/mihon.yaml")
    members = {s for s, t in _edges(graph, EdgeKind.MEMBER_OF) if t == "program:包括的相談支援"}
    assert members == {"program:地域包括", "program:障害相談", "program:利用者支援", "program:自立相談"}
    assert graph.nodes["program:包括的相談支援"]["whole"] == ["第1号"]
    assert not [t for _, t, k in graph.out_edges("program:包括的相談支援", keys=True) if k == "implements"]
    assert set(nodes_of(graph, NodeKind.AREA)) == {f"area:{a}" for a in ("東部", "西部", "北部", "中部", "南部")}
    assert ("area:北部", "area:東部") in _edges(graph, EdgeKind.PART_OF)
    assert ("program:参加支援", "area:中部") in _edges(graph, EdgeKind.SERVES)
    delivery = graph.nodes["program:自立相談"]["delivery"]
    assert [(d["mode"], d["years"]) for d in delivery] == [("直営", "R6"), ("委託", "R7～R8")]
    assert graph.nodes["program:参加支援"]["budgets"][0] == {
        "year": "R7",
        "amount": 4800000,
        "unit": "円",
        "funding": ["重層的支援体制整備事業交付金"],
    }


def test_a_change_of_delivery_by_year_shows_on_the_contractor_edges():
    """R6 直営 → R7～R8 委託: the delivered_by edge to the contractor carries the years it holds for; an undated one
    carries none (it holds whenever the program runs)."""
    graph = _graph(ROOT / "tests/fixtures/mihon.yaml")
    edges = {
        (s, t): data.get("years")
        for s, t, data in graph.edges(data=True)
        if data["kind"] == EdgeKind.DELIVERED_BY.value
    }
    assert edges[("program:自立相談", "organisation:見本市社会福祉協議会")] == "R7～R8"
    assert edges[("program:アウトリーチ", "organisation:特定非営利活動法人見本ネット")] == "R7～R8"
    assert edges[("program:生活支援", "organisation:見本市社会福祉協議会")] is None
