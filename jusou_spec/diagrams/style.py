"""The look shared by every view: fonts, colours, sizes, the title block and the findings overlay's marks.

The font is named explicitly, with a fallback list, because Graphviz's default (Times) has no Japanese glyphs:
IPAexGothic is what the project's set-up installs (Debian ``fonts-ipaexfont-gothic``); the others are what other
machines commonly have. SVG keeps the same list as its CSS ``font-family``, so a browser without IPAexGothic falls
back the same way. Sizes are chosen so that a view printed at A4 width keeps its text at 7 pt or more.
"""

from __future__ import annotations

from typing import Any

import attrs

from jusou_spec.diagrams.dot import Dot, Html, tags, text
from jusou_spec.law import Pillar

__all__ = ["FONT", "PILLAR_COLOURS", "PILLAR_TITLES", "Mark", "detail", "finish", "start", "title_label"]

FONT = "IPAexGothic,IPAGothic,Noto Sans CJK JP,Noto Sans JP,sans-serif"
TEXT_SIZE = 11
DETAIL_SIZE = 9
TITLE_SIZE = 15
INK = "#333333"
GREY = "#777777"
ERROR = "#c00000"
WARNING = "#d98200"
PNG_DPI = 150
"""Bitmap resolution: crisp when a diagram is printed at A4 width; only PNG output carries it."""

PILLAR_COLOURS = {
    Pillar.CONSULTATION: "#e3eef9",
    Pillar.PARTICIPATION: "#e5f3e0",
    Pillar.COMMUNITY: "#fdebdc",
    Pillar.OUTREACH: "#efe7f6",
    Pillar.COLLABORATION: "#fff5d6",
}
"""Light fills that stay distinct when printed in grey."""

PILLAR_TITLES = {
    Pillar.CONSULTATION: "包括的相談支援（第1号）",
    Pillar.PARTICIPATION: "参加支援（第2号）",
    Pillar.COMMUNITY: "地域づくりに向けた支援（第3号）",
    Pillar.OUTREACH: "アウトリーチ等を通じた継続的支援（第4号）",
    Pillar.COLLABORATION: "多機関協働・支援プラン（第5号・第6号）",
}


@attrs.frozen
class Mark:
    """What the findings overlay puts on one node: the worst severity's colour and, in words, what was found."""

    colour: str
    codes: tuple[str, ...]
    errors: int
    warnings: int
    words: tuple[str, ...] = ()
    """The findings' own Japanese messages, worst first: a 課長 reads 「所管課が未記載」, not a rule code."""

    def line(self) -> Html:
        """Small lines saying what was found (shown inside the node's label): at most two messages, then a count."""
        shown = [("エラー: " if index < self.errors else "警告: ") + word for index, word in enumerate(self.words[:2])]
        rest = len(self.words) - len(shown)
        if rest > 0:
            shown.append(f"ほか{rest}件")
        return Html("<BR/>".join(detail(line, colour=self.colour, width=44) for line in shown))


def detail(value: str, *, colour: str = GREY, width: int | None = None) -> Html:
    """A secondary line in small grey type."""
    return tags(f'<FONT POINT-SIZE="{DETAIL_SIZE}" COLOR="{colour}">', text(value, width=width), "</FONT>")


def title_label(title: str, notes: list[str]) -> Html:
    return tags(
        f'<FONT POINT-SIZE="{TITLE_SIZE}">',
        text(title, width=60),
        "</FONT>",
        *(tags("<BR/>", detail(note, width=90)) for note in notes),
    )


def start(*, rankdir: str, dpi: int | None, nodesep: float = 0.3, ranksep: float = 0.5, newrank: bool = False) -> Dot:
    """A new diagram with the shared defaults; ``newrank`` lets a rank constraint reach into clusters."""
    dot = Dot()
    dot.defaults(
        "graph",
        charset="UTF-8",
        fontname=FONT,
        fontsize=TEXT_SIZE,
        labelloc="t",
        labeljust="l",
        rankdir=rankdir,
        nodesep=nodesep,
        ranksep=ranksep,
        pad="0.2",
        newrank=newrank or None,
        bgcolor="white",
        dpi=dpi,
    )
    dot.defaults(
        "node",
        fontname=FONT,
        fontsize=TEXT_SIZE,
        shape="box",
        style="rounded,filled",
        fillcolor="white",
        color=INK,
        fontcolor=INK,
        margin="0.12,0.06",
    )
    dot.defaults("edge", fontname=FONT, fontsize=DETAIL_SIZE, color=INK, fontcolor=INK, arrowsize=0.7)
    return dot


def finish(dot: Dot, graph_attributes: dict[str, Any], view_title: str, notes: list[str]) -> Dot:
    """Add the title block (the municipality, the view, and notes such as a legend) and return the diagram."""
    municipality = graph_attributes.get("municipality") or ""
    plan = graph_attributes.get("title") or ""
    period = graph_attributes.get("period_label")
    source = f"{plan}（{period}）" if period else plan
    dot.defaults("graph", label=title_label(f"{municipality}　{view_title}", [f"出典: {source}", *notes]))
    return dot
