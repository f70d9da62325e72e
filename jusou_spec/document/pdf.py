"""The PDF: the document's HTML through WeasyPrint, a paged-media engine (A4, running header, page counters,
landscape named pages, repeated table headers, fonts embedded as subsets).

WeasyPrint is heavy (Pango, cairo-free but large), so it is imported here, inside the function, only when a PDF is
asked for: ``tests/test_layers.py`` lists it as a lazy import.
"""

from __future__ import annotations

__all__ = ["PdfEngineMissing", "render_pdf"]


class PdfEngineMissing(RuntimeError):
    """WeasyPrint (the ``document`` extra) or the Pango library it needs is not installed."""


def render_pdf(html: str) -> bytes:
    """The PDF of ``html`` (which carries its own CSS)."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise PdfEngineMissing(
            f"PDF の作成には WeasyPrint が必要です（pip install 'jusou-spec[document]'）: {error}"
        ) from error
    pdf = weasyprint.HTML(string=html, base_url=None).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
