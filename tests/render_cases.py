"""Documents shared by the render tests: the bundled plans, and a plan whose every text is hostile markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
PLANS = {path.stem: path for path in sorted((ROOT / "plans").glob("*.yaml"))}
REPORTS = {"imizu": [ROOT / "reports" / "imizu-r6.yaml"]}

HOSTILE = ("<script>alert(1)</script>", "</td></tr></table>", "{{ 7*7 }}{% raw %}", "]]>", "| a | *b* [c](d) #e")
"""Texts that would end a cell, run a script, run a template or end a CDATA block if any layer let them through."""


def hostile_plan(directory: Path) -> Path:
    """The Uozu-like fixture with hostile text in the municipality, programs, meetings, flows and matrix."""
    data: Any = yaml.safe_load((ROOT / "tests" / "fixtures" / "graph-uozu-like.yaml").read_text(encoding="utf-8"))
    data["自治体"]["名称"] = "試験市" + HOSTILE[0]
    data["計画名"] = "計画" + HOSTILE[2]
    data["事業"][0]["名称"] = "包括" + HOSTILE[1]
    data["事業"][1]["名称"] = "参加" + HOSTILE[3]
    data["事業"][1]["所管課"] = ["課" + HOSTILE[4]]
    data["会議"][0]["名称"] = "会議" + HOSTILE[0]
    data["会議の流れ"][0]["内容"] = 'A"]-->B' + HOSTILE[1]
    data["庁内連携体制"]["担当課"][0]["課"] = "課" + HOSTILE[4]
    path = directory / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
