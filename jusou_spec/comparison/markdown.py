"""The comparison as GitHub-flavoured Markdown: one table per section (a row per 号, year, kind or pillar, a column
per municipality), the lines of a cell joined by ``<br>``, and the documents left out as a list."""

from __future__ import annotations

from jusou_spec.comparison.table import Comparison
from jusou_spec.comparison.words import Line, grids, municipality_label, notes, period_text, title

__all__ = ["as_markdown"]

_SPECIAL = str.maketrans({"|": "\\|", "<": "&lt;", ">": "&gt;", "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\["})


def _escape(text: str) -> str:
    """Plan text as literal Markdown: no table breaks, no HTML, no emphasis or links from the plan's words."""
    return " ".join(text.split()).translate(_SPECIAL)


def _cell(lines: tuple[Line, ...]) -> str:
    return "<br>".join(_escape(str(line)) for line in lines)


def as_markdown(comparison: Comparison, lang: str) -> str:
    ja = lang != "en"
    out = [f"# {title(lang)}", ""]
    out.append(
        "| "
        + (" | ".join(("自治体", "計画", "期間", "ファイル") if ja else ("Municipality", "Plan", "Period", "File")))
        + " |"
    )
    out.append("|---|---|---|---|")
    for municipality in comparison.municipalities:
        plan = municipality.plan
        period = period_text(plan, lang)
        facts = (municipality_label(municipality, lang), plan.title, period, municipality.file)
        out.append("| " + " | ".join(_escape(fact) for fact in facts) + " |")
    for number, grid in enumerate(grids(comparison, lang), start=1):
        out.extend(["", f"## {number}. {grid.title}", "", _escape(grid.note), ""])
        out.append("| " + " | ".join(_escape(text) for text in (grid.corner, *grid.columns)) + " |")
        out.append("|" + "---|" * (len(grid.columns) + 1))
        for heading, cells in grid.rows:
            out.append(
                "| " + " | ".join(["<br>".join(_escape(h) for h in heading), *(_cell(cell) for cell in cells)]) + " |"
            )
    left = notes(comparison, lang)
    if left:
        out.extend(["", "## " + ("比較しなかった文書" if ja else "Documents not compared"), ""])
        out.extend(f"- {_escape(line)}" for line in left)
    return "\n".join(out) + "\n"
