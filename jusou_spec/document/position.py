"""The 位置づけ diagram of the related-plans chapter: the plan among the plans it must be in harmony with.

A plan printed as 上位計画 stands to the left of this plan; the others to the right, each with its kind and the
relation the plan states (整合, 連携, or the sentence it writes) inside its box, in the plan's order. Drawn with the diagrams' own
DOT builder, so plan text reaches Graphviz through the same escaping door as every other diagram.
"""

from __future__ import annotations

from jusou_spec.diagrams.dot import Dot, Html, tags, text
from jusou_spec.diagrams.style import GREY, INK, detail, start
from jusou_spec.document.content import name_text
from jusou_spec.model import Plan

__all__ = ["position_dot"]


def _upper(relation: str | None) -> bool:
    return relation is not None and relation.startswith("上位")


def position_dot(plan: Plan) -> str:
    """The diagram as DOT text (left to right: 上位計画, this plan, the others)."""
    dot: Dot = start(rankdir="LR", dpi=None, nodesep=0.12, ranksep=0.9)
    dot.node("plan", label=tags("<B>", text(plan.title, width=24), "</B>"), fillcolor="#e3eef9", penwidth=2)
    others = []
    for index, related in enumerate(plan.related_plans):
        node = f"related:{index}"
        relation = related.relation
        rows = [text(name_text(related.name), width=30), detail(related.kind, width=36)]
        if relation:
            rows.append(detail(f"関係: {relation}", width=40, colour=INK))
        dot.node(node, label=Html("<BR/>".join(rows)))
        if _upper(relation):
            dot.edge(node, "plan", arrowhead="none")
        else:
            dot.edge("plan", node, arrowhead="none", color=GREY)
            others.append(node)
    dot.same_rank(others, ordered=True)
    return dot.source()
