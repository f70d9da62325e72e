"""The council document as GitHub-flavoured Markdown, for a plans repository.

The same sections as the HTML, as Markdown tables; the meeting flow as a Mermaid diagram (GitHub draws it); the
clauses and initiatives diagrams as SVG files written beside the Markdown and linked from it. Every text from the
plan goes through :func:`md`: HTML-escaped (GitHub renders inline HTML) and with Markdown's own marks escaped, so a
plan's text can neither open a tag nor start a table cell, a link or emphasis.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

from jusou_spec.document.content import Content, delivery_text, iter_programs
from jusou_spec.document.html import consent, environment, indicator_text, text
from jusou_spec.document.sections import sections_of
from jusou_spec.model import NotStated
from jusou_spec.model.meetings import FlowKind

__all__ = ["md", "mermaid_flow", "render_markdown"]

_MARKS = re.compile(r"([\\`*_\[\]|~])")
"""Marks that act anywhere in a line: emphasis, code, links and images (through ``[``), table cells, strikethrough."""
_LINE_START = re.compile(r"^([#+=-]|\d+(?=[.)]))")
"""Marks that act at the start of a paragraph: a heading, a list item, a setext underline, a numbered list."""


def md(value: Any) -> Markup:
    """Plan text safe in a Markdown table cell: HTML-escaped, Markdown marks backslashed, lines joined by <br>.

    >>> str(md("<script>|*x*"))
    '&lt;script&gt;\\\\|\\\\*x\\\\*'
    >>> str(md("1. (1) 相談支援"))
    '1\\\\. (1) 相談支援'
    """
    if isinstance(value, tuple | list):
        return Markup("<br>").join(md(item) for item in value)
    words = text(value) if not isinstance(value, str) else value
    escaped = str(escape(words))
    escaped = _MARKS.sub(r"\\\1", escaped)
    lines = (_line_start(line.strip()) for line in escaped.splitlines() if line.strip())
    return Markup("<br>".join(lines))


def _line_start(line: str) -> str:
    """A line whose first characters would start a heading or a list, with that mark backslashed."""
    found = _LINE_START.match(line)
    if found is None:
        return line
    if found.group(1)[0].isdigit():
        end = found.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def _mermaid_label(value: str) -> str:
    """Text inside a Mermaid ``["…"]`` label: entity codes for the characters that would end or mark it up."""
    out = []
    for char in " ".join(value.split()):
        if char in '#"<>&|[]{}()`;':
            out.append(f"#{ord(char)};")
        else:
            out.append(char)
    return "".join(out)


def mermaid_flow(content: Content) -> str:
    """The meetings and their flows as a Mermaid flowchart (top to bottom, in the plan's order)."""
    plan = content.plan
    ids: dict[str, str] = {}
    lines = ["flowchart TB"]
    for index, meeting in enumerate(plan.meetings):
        node = f"m{index}"
        ids[meeting.id] = node
        lines.append(f'    {node}["{_mermaid_label(meeting.name)}"]')
        for part_index, part in enumerate(meeting.parts):
            ids[part.id] = f"{node}p{part_index}"
            lines.append(f'    {node}p{part_index}["{_mermaid_label(part.id + " " + part.name)}"]')
            lines.append(f"    {node} --- {node}p{part_index}")
    for flow in plan.flows:
        source = ids.get(flow.source)
        for target_id in flow.targets:
            target = ids.get(target_id)
            if source is None or target is None:
                continue
            arrow = "<-.->" if flow.kind is FlowKind.MUTUAL else "-->"
            label = _mermaid_label(flow.content or flow.kind.value)
            lines.append(f'    {source} {arrow}|"{label}"| {target}')
    return "\n".join(lines) + "\n"


def render_markdown(content: Content, *, stem: str) -> tuple[str, dict[str, str]]:
    """The Markdown text, and the SVG files it links to (name → SVG), named after ``stem``."""
    attachments = {f"{stem}-{view}.svg": svg for view, svg in sorted(content.diagrams.items()) if view != "flow"}
    env = environment()
    env.filters["md"] = md
    sections = sections_of(content)
    numbers = {section.id: index for index, section in enumerate(sections, start=1)}
    template = env.get_template("md/document.md.j2")
    rendered = template.render(
        c=content,
        sections=sections,
        programs=list(iter_programs(content)),
        number=numbers.__getitem__,
        svg=lambda view: f"{stem}-{view}.svg" if f"{stem}-{view}.svg" in attachments else None,
        mermaid=Markup(mermaid_flow(content)) if content.plan.meetings else "",
        delivery=delivery_text,
        indicator_text=indicator_text,
        consent=consent,
        notstated=lambda value: isinstance(value, NotStated),
    )
    return re.sub(r"\n{3,}", "\n\n", rendered), attachments
