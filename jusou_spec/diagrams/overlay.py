"""The findings overlay: which nodes carry errors or warnings from ``jusou check``.

A finding points into the document (a JSON pointer); each node of the graph knows the pointers of the parts of the
document it stands for, so the finding lands on the node whose pointer is the longest prefix of its own
(:func:`jusou_spec.graph.node_at`). Findings about the plan as a whole, and ``info`` findings, mark no node.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from jusou_spec.diagrams.style import ERROR, WARNING, Mark
from jusou_spec.findings import Finding, Severity
from jusou_spec.graph.queries import node_at

__all__ = ["Overlay", "marks"]


def marks(graph: nx.MultiDiGraph[str], findings: Iterable[Finding]) -> dict[str, Mark]:
    """Each node that carries an error or a warning, with its mark."""
    found: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.severity is Severity.INFO or finding.suppressed:
            continue
        node = node_at(graph, finding.pointer)
        if node is not None:
            found.setdefault(node, []).append(finding)
    result = {}
    for node, here in found.items():
        errors = sum(1 for f in here if f.severity is Severity.ERROR)
        codes = tuple(sorted({f.code for f in here}))
        ordered = sorted(here, key=lambda f: (f.severity is not Severity.ERROR, f.sort_key))
        words = tuple(dict.fromkeys(_first_sentence(f.text("ja")) for f in ordered))
        result[node] = Mark(
            colour=ERROR if errors else WARNING, codes=codes, errors=errors, warnings=len(here) - errors, words=words
        )
    return result


def _first_sentence(message: str) -> str:
    """The statement of a finding without its advice: 「「活動場所」は未記載です」.

    >>> _first_sentence("「活動場所」は未記載です: 原文の欄に記載がない。書いてください")
    '「活動場所」は未記載です'
    """
    for stop in ("。", ": ", "："):
        message = message.split(stop, 1)[0]
    return message


class Overlay:
    """The marks of one drawing: a view asks for each node it draws, and the caption counts what it showed."""

    def __init__(self, found: dict[str, Mark]) -> None:
        self._found = found
        self._shown: dict[str, Mark] = {}

    def get(self, node: str) -> Mark | None:
        mark = self._found.get(node)
        if mark is not None:
            self._shown[node] = mark
        return mark

    def caption(self) -> list[str]:
        """The title-block note that explains the overlay, counting the findings marked in this view."""
        if not self._shown:
            return []
        errors = sum(mark.errors for mark in self._shown.values())
        warnings = sum(mark.warnings for mark in self._shown.values())
        return [
            f"jusou check の指摘（この図の中）: エラー {errors} 件・警告 {warnings} 件。"
            "赤枠はエラー、橙枠は警告のある項目です"
        ]
