"""The comparison as text for a terminal: the coverage at a glance (号 × municipality, each program's delivery),
then each section with one line per municipality under each row."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from jusou_spec.comparison.table import Comparison
from jusou_spec.comparison.words import delivery_text, grids, municipality_label, notes, period_text, title

__all__ = ["as_text"]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(_pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]


def _glance(comparison: Comparison, lang: str) -> list[str]:
    """号 × municipality, each cell the delivery of the programs carrying the clause (× where there is none)."""
    header = ["号" if lang != "en" else "Clause", *(municipality_label(m, lang) for m in comparison.municipalities)]
    rows = [header]
    for row in comparison.coverage:
        joiner = "、" if lang != "en" else "; "
        cells = [joiner.join(delivery_text(cell.delivery, lang) for cell in cells) or "×" for cells in row.cells]
        rows.append([row.clause.label, *cells])
    return _table(rows)


def as_text(comparison: Comparison, lang: str) -> str:
    ja = lang != "en"
    labels = [municipality_label(m, lang) for m in comparison.municipalities]
    out = [title(lang), ""]
    out.append(("比較した計画: " if ja else "Plans compared: ") + str(len(labels)))
    for label, municipality in zip(labels, comparison.municipalities, strict=True):
        plan = municipality.plan
        period = period_text(plan, lang)
        span = f"（{period}）" if ja else f" ({period})"
        out.append(f"  {label}: {plan.title}{span} {municipality.file}")
    out.append("")
    out.append("■ " + ("号ごとの実施方式（× は事業の記載なし）" if ja else "Delivery by clause (× means no program)"))
    out.extend("  " + line for line in _glance(comparison, lang))
    width = max((_width(label) for label in labels), default=0)
    for number, grid in enumerate(grids(comparison, lang), start=1):
        out.extend(["", f"■ {number}. {grid.title}", grid.note])
        for heading, cells in grid.rows:
            out.append("　".join(heading) if ja else " ".join(heading))
            for label, cell in zip(labels, cells, strict=True):
                first, *rest = [str(line) for line in cell]
                out.append(f"  {_pad(label, width)}  {first}")
                out.extend(f"  {' ' * width}  {line}" for line in rest)
    left = notes(comparison, lang)
    if left:
        out.extend(["", "■ " + ("比較しなかった文書" if ja else "Documents not compared")])
        out.extend("  " + line for line in left)
    return "\n".join(out) + "\n"
