"""The graph as node-link JSON, for other tools (d3, Gephi, another language's networkx).

The layout is networkx's node-link format (``nx.node_link_graph(data, edges="edges")`` reads it back): a
``graph`` object, a ``nodes`` list and an ``edges`` list with ``source``, ``target`` and ``key``. Nodes and edges
keep document order and every object's keys are sorted, so the same plan always gives the same bytes.

>>> import jusou_spec, networkx as nx
>>> graph = jusou_spec.build_graph(jusou_spec.load("tests/fixtures/minimal-plan.yaml"))
>>> data = node_link(graph)
>>> data["graph"]["jusou"], data["nodes"][0]["id"], data["edges"][0]["key"]
('graph/1', 'plan', 'contains')
>>> again = nx.node_link_graph(data, edges="edges")
>>> sorted(again.edges) == sorted(graph.edges)
True
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import networkx as nx

__all__ = ["node_link", "node_link_json"]


def node_link(graph: nx.MultiDiGraph[str]) -> dict[str, Any]:
    """The graph as node-link data (plain dicts and lists)."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": dict(graph.graph),
        "nodes": [{**attributes, "id": node} for node, attributes in graph.nodes(data=True)],
        "edges": [
            {"source": source, "target": target, "key": key, **attributes}
            for source, target, key, attributes in graph.edges(keys=True, data=True)
        ],
    }


def node_link_json(graph: nx.MultiDiGraph[str]) -> str:
    """:func:`node_link` as UTF-8 JSON text with sorted keys and a closing newline."""
    return json.dumps(node_link(graph), ensure_ascii=False, indent=2, sort_keys=True, default=_json_number) + "\n"


def _json_number(value: object) -> int | float:
    """An exact figure (budgets, staffing) as a JSON number: whole ones exact, others as the nearest double."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"{type(value).__name__} is not a JSON value")
