"""The examples in rule docstrings, as documents: each is a skeleton plan with the example's keys laid over it.

A rule's docstring carries ``Fails …::`` and ``Passes …::`` blocks of YAML. They are short because they give only
the keys that matter; this module completes them into checkable documents, so ``docs/rules.md`` shows exactly
what the test suite runs.
"""

from __future__ import annotations

import re
import textwrap

import attrs

__all__ = ["Example", "as_document", "examples"]

SKELETON = {
    "plan": """\
jusou: plan/1
自治体: {名称: 見本市, 都道府県: 見本県}
計画名: 見本市重層的支援体制整備事業実施計画
計画期間: R6～R8
実施形態: 本格実施
事業: []
""",
    "report": """\
jusou: report/1
自治体: {名称: 見本市, 都道府県: 見本県}
報告名: 見本市 実施状況
年度: R6
計画: {未記載: 見本}
""",
}

_BLOCK = re.compile(r"^(?P<kind>Fails|Passes)(?P<label>[^\n]*)::\n\n(?P<body>(?:(?: {4}.*)?\n)+)", re.MULTILINE)


@attrs.frozen
class Example:
    passes: bool
    label: str
    yaml: str


def examples(doc: str) -> list[Example]:
    """The ``Fails``/``Passes`` examples of a rule docstring, in order."""
    found = []
    for match in _BLOCK.finditer(doc + "\n"):
        label = match["label"].strip().strip("()").strip()
        found.append(Example(match["kind"] == "Passes", label, textwrap.dedent(match["body"]).strip() + "\n"))
    return found


def as_document(example: Example, *, document: str = "plan") -> str:
    """The example completed into a whole document: skeleton lines whose keys the example gives are dropped."""
    given = {
        line.split(":", 1)[0] for line in example.yaml.splitlines() if line and not line.startswith((" ", "-", "#"))
    }
    kept = [line for line in SKELETON[document].splitlines() if line.split(":", 1)[0] not in given]
    return "\n".join(kept) + "\n" + example.yaml
