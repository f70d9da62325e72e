"""The council document as one self-contained HTML file: Jinja2 templates with autoescape on, one per section.

Plan text reaches the page only through ``{{ … }}`` (escaped by Jinja2's autoescape) or through the filters below,
which escape each piece before joining them with ``<br>``; diagrams and charts go in as ``data:`` URIs, so the
file needs nothing from the network and no script. The templates are package data (``templates/html/``).
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any

import attrs
import jinja2
from markupsafe import Markup, escape

from jusou_spec._version import __version__
from jusou_spec.document.content import Content, delivery_text, iter_programs, not_stated_text
from jusou_spec.document.sections import Section, sections_of
from jusou_spec.fiscal import FiscalRange, FiscalYear
from jusou_spec.model import NotStated
from jusou_spec.model.common import Indicator
from jusou_spec.model.meetings import Meeting
from jusou_spec.progress.text import figure

__all__ = ["environment", "render_html"]


def text(value: Any) -> str:
    """A model value as words: a fiscal range, an enum's value, 未記載 (its reason is in the appendix, where a table
    cell has no room for it); None is empty."""
    if value is None:
        return ""
    if isinstance(value, NotStated):
        return "未記載"
    if isinstance(value, FiscalRange | FiscalYear):
        return str(value)
    return str(getattr(value, "value", value))


def _reason(value: NotStated) -> str:
    """未記載 with its reason, where there is room for it (a paragraph rather than a table cell)."""
    return not_stated_text(value)


def lines(value: Any) -> Markup:
    """Several lines (a tuple of texts) joined by ``<br>``, each escaped; 未記載 in its own colour."""
    if isinstance(value, NotStated):
        return Markup('<span class="notstated">未記載</span>')
    if isinstance(value, str):
        return escape(value)
    return Markup("<br>").join(escape(text(item)) for item in value or ())


def data_uri(svg: str) -> str:
    """An SVG document as a ``data:`` URI (base64, so that no character of it can leave the attribute)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def indicator_text(indicator: Indicator) -> str:
    """成果目標 in one line: the name, the baseline and the targets by year."""
    unit = indicator.unit if isinstance(indicator.unit, str) else ""
    parts = [indicator.name]
    if indicator.baseline is not None:
        year = indicator.baseline.year.label if indicator.baseline.year else ""
        parts.append(f"基準値 {figure(indicator.baseline.value)}{unit}{f'（{year}）' if year else ''}")
    if isinstance(indicator.targets, NotStated):
        parts.append("目標 " + not_stated_text(indicator.targets))
    else:
        for target in indicator.targets:
            years = str(target.years) if isinstance(target.years, FiscalRange) else "年度未記載"
            if target.value is not None:
                figures = f"{figure(target.value)}{target.unit or unit}"
            else:  # a ratio given by its parts only
                figures = f"{figure(target.numerator or 0)}／{figure(target.denominator or 0)}"
            words = target.original or f"{figures}{text(target.comparison)}"
            parts.append(f"{years}: {words}")
    return "　".join(parts)


def consent(meeting: Meeting) -> str:
    if meeting.consent is None:
        return "―"
    if isinstance(meeting.consent, NotStated):
        return "未記載"
    return "あり" if meeting.consent else "なし"


def environment() -> jinja2.Environment:
    """The templates' environment: autoescape always on, undefined names an error, no trailing whitespace games."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("jusou_spec.document", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(text=text, lines=lines, ns=_reason, data_uri=data_uri, indicator=indicator_text)
    env.tests["notstated"] = lambda value: isinstance(value, NotStated)
    return env


def _diagram(content: Content) -> Any:
    def diagram(view: str, caption: str) -> Markup:
        svg = content.diagrams.get(view)
        if not svg:
            return Markup("")
        return Markup('<figure><img class="diagram" src="{}" alt="{}"><figcaption>{}</figcaption></figure>').format(
            data_uri(svg), caption, caption
        )

    return diagram


def _numbering(sections: Sequence[Section]) -> Any:
    numbers = {section.id: index for index, section in enumerate(sections, start=1)}
    return lambda ident: numbers[ident]


def render_html(content: Content) -> str:
    """The whole document as HTML text."""
    sections = sections_of(content)
    template = environment().get_template("html/document.html.j2")
    return template.render(
        c=content,
        sections=[attrs.asdict(section) for section in sections],
        programs=list(iter_programs(content)),
        version=__version__,
        number=_numbering(sections),
        diagram=_diagram(content),
        delivery=delivery_text,
        indicator_text=indicator_text,
        consent=consent,
    )
