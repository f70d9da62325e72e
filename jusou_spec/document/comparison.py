"""``jusou compare --format html``: the comparison as one self-contained page, in the council document's style.

The page reuses the document's Jinja2 environment (autoescape on) and its stylesheet (``templates/html/style.css``,
included inline), so a comparison printed beside the plans looks like them; it needs nothing from the network and
runs no script. The cells come from :func:`jusou_spec.comparison.words.grids`, as in the text and Markdown formats.
"""

from __future__ import annotations

from jusou_spec._version import __version__
from jusou_spec.comparison import Comparison
from jusou_spec.comparison.words import grids, municipality_label, notes, period_text, title
from jusou_spec.document.html import environment

__all__ = ["render_comparison_html"]


def render_comparison_html(comparison: Comparison, lang: str) -> str:
    """The whole page as HTML text."""
    plans = [
        {
            "label": municipality_label(m, lang),
            "title": m.plan.title,
            "period": period_text(m.plan, lang),
            "file": m.file,
        }
        for m in comparison.municipalities
    ]
    return (
        environment()
        .get_template("html/compare.html.j2")
        .render(
            lang="en" if lang == "en" else "ja",
            title=title(lang),
            plans=plans,
            grids=grids(comparison, lang),
            notes=notes(comparison, lang),
            version=__version__,
        )
    )
