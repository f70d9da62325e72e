"""The PDF read back with pypdf: A4 pages, landscape pages for the wide tables, names present, fonts embedded."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pypdf import PdfReader

import jusou_spec
from jusou_spec.document import build, render_files
from tests.render_cases import PLANS, REPORTS

A4 = (595.3, 841.9)


@pytest.fixture(scope="module", params=sorted(PLANS))
def pdf(request, tmp_path_factory) -> tuple[str, PdfReader]:
    name = request.param
    data = render_files(build(PLANS[name], reports=REPORTS.get(name, [])), "pdf", stem=name)[f"{name}.pdf"]
    path = tmp_path_factory.mktemp("pdf") / f"{name}.pdf"
    path.write_bytes(data)
    return name, PdfReader(path)


def _size(page: Any) -> tuple[float, float]:
    return float(page.mediabox.width), float(page.mediabox.height)


def _text(reader: PdfReader) -> str:
    return "".join("".join((page.extract_text() or "").split()) for page in reader.pages)


def test_pages_are_a4_and_the_wide_tables_landscape(pdf):
    """Every page is A4; the schedule and the ○ table sit on landscape pages, the rest on portrait."""
    name, reader = pdf
    sizes = [_size(page) for page in reader.pages]
    assert len(sizes) >= 8
    for width, height in sizes:
        assert sorted((round(width, 1), round(height, 1))) == sorted(A4)
    landscape = [i for i, (width, height) in enumerate(sizes) if width > height]
    if name in ("ashiya", "uozu"):
        assert landscape, "the schedule table should be on a landscape page"
        text = "".join("".join((reader.pages[i].extract_text() or "").split()) for i in landscape)
        assert "スケジュール" in text
    assert sizes[0][0] < sizes[0][1]


def test_every_program_is_in_the_text_and_pages_are_numbered(pdf):
    """Every program label can be found in the PDF's text; pages carry 「- n -」 and the running header."""
    name, reader = pdf
    plan = jusou_spec.load(PLANS[name])
    assert isinstance(plan, jusou_spec.Plan)
    text = _text(reader)
    for program in plan.programs:
        assert "".join(program.label.split()) in text
    assert "-3-" in "".join((reader.pages[2].extract_text() or "").split())
    assert "".join(plan.title.split()) in "".join((reader.pages[3].extract_text() or "").split())


def test_no_line_starts_with_closing_punctuation(pdf):
    """Japanese line breaking: no line of the PDF's text starts with 「、」「。」 or a closing bracket."""
    _, reader = pdf
    lines = [line.strip() for page in reader.pages for line in (page.extract_text() or "").splitlines()]
    assert len(lines) > 100
    assert [line for line in lines if line[:1] in "、。）」』"] == []


def test_fonts_are_embedded(pdf):
    """Every font the PDF uses is embedded (a FontFile stream in its descriptor), and one is Japanese."""
    _, reader = pdf
    names = set()
    for page in reader.pages[:6]:
        fonts = page["/Resources"].get("/Font", {})
        for reference in fonts.values():
            font = reference.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            names.add(str(font["/BaseFont"]))
    assert any("IPAex" in name for name in names), names


def test_the_table_of_contents_gives_page_numbers(pdf):
    """The contents page lists each chapter with the page it starts on."""
    _, reader = pdf
    contents = "".join((reader.pages[1].extract_text() or "").split())
    assert "目次" in contents
    found = re.search(r"計画の概要 ?\.+ ?(\d+)\n", reader.pages[1].extract_text() or "")
    assert found, contents
    start = int(found.group(1)) - 1
    assert "計画の概要" in "".join((reader.pages[start].extract_text() or "").split())


def test_the_pdf_is_the_same_on_every_run():
    """Two renders of the same plan give the same pages and text (with this WeasyPrint, the same bytes)."""
    content = build(PLANS["uozu"])
    first, second = (render_files(content, "pdf", stem="u")["u.pdf"] for _ in range(2))
    assert first == second


def test_a_table_that_breaks_across_pages_repeats_its_header(pdf):
    """The appendix's findings table runs over more than one page, and every page of it starts with its header."""
    _, reader = pdf
    pages = ["".join((page.extract_text() or "").split()) for page in reader.pages]
    assert sum("区分点検項目場所内容" in page for page in pages) >= 2
