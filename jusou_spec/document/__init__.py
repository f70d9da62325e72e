"""The council document (`jusou render`): a plan, with its reports' actuals, as HTML, PDF or Markdown.

>>> import jusou_spec
>>> html = jusou_spec.render_document("plans/uozu.yaml").decode("utf-8")
>>> html.startswith("<!DOCTYPE html>") and "庁内連携体制" in html
True

One content (:mod:`.content`) is laid out three ways: :mod:`.html` (Jinja2 templates, one per section, autoescape on),
:mod:`.pdf` (the same HTML through WeasyPrint) and :mod:`.markdown` (GitHub-flavoured, Mermaid for the flow, the
other diagrams as SVG files beside it). Rendering reads the model, never the YAML; output is deterministic.
"""

from __future__ import annotations

from jusou_spec.document.build import FORMATS, DocumentNotRendered, build, render_document, render_files
from jusou_spec.document.collection import Rendered, render_collection
from jusou_spec.document.content import Content
from jusou_spec.document.pdf import PdfEngineMissing

__all__ = [
    "FORMATS",
    "Content",
    "DocumentNotRendered",
    "PdfEngineMissing",
    "Rendered",
    "build",
    "render_collection",
    "render_document",
    "render_files",
]
