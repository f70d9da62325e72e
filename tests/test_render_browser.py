"""The rendered HTML in a real browser (Debian's Chromium): what a reader sees, not what the text contains."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

import jusou_spec
from jusou_spec.document import build, render_files
from tests.browser import A4_WIDTH, chromium, unavailable
from tests.render_cases import PLANS, REPORTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(unavailable() is not None, reason=unavailable() or ""),
]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Any:
    """Each bundled plan's HTML opened at A4 width, with the console messages and page errors it produced."""
    folder: Path = tmp_path_factory.mktemp("html")
    with chromium() as browser:
        opened: dict[str, tuple[Any, list[str]]] = {}
        for name, path in PLANS.items():
            html = folder / f"{name}.html"
            html.write_bytes(render_files(build(path, reports=REPORTS.get(name, [])), "html", stem=name)[html.name])
            page = browser.new_page(viewport={"width": A4_WIDTH, "height": 1123})
            problems: list[str] = []
            page.on("console", lambda message, p=problems: p.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error, p=problems: p.append(str(error)))
            page.on("requestfailed", lambda request, p=problems: p.append("failed: " + request.url))
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            opened[name] = (page, problems)
        yield opened


NAMES = sorted(PLANS)


@pytest.mark.parametrize("name", NAMES)
def test_no_console_errors(pages, name):
    """Opening the document logs no error and fails no request."""
    _, problems = pages[name]
    assert problems == []


@pytest.mark.parametrize("name", NAMES)
def test_every_image_is_drawn(pages, name):
    """Every diagram and chart has loaded and has a size."""
    page, _ = pages[name]
    images = page.evaluate("[...document.images].map(i => [i.alt, i.complete, i.naturalWidth, i.clientWidth])")
    assert images, "the document has no diagram"
    for alt, complete, natural, shown in images:
        assert complete and natural > 0 and shown > 0, alt


@pytest.mark.parametrize("name", NAMES)
def test_nothing_is_wider_than_an_a4_page(pages, name):
    """At the width of an A4 page no element sticks out to the right, and the page does not scroll sideways."""
    page, _ = pages[name]
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('body *')].map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= A4_WIDTH
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_WIDTH


@pytest.mark.parametrize("name", NAMES)
def test_every_program_and_department_is_visible(pages, name):
    """Each program's label and each department named in the plan is in the text a reader sees."""
    page, _ = pages[name]
    seen = "".join(page.inner_text("body").split())
    plan = jusou_spec.load(PLANS[name])
    assert isinstance(plan, jusou_spec.Plan)
    for program in plan.programs:
        assert "".join(program.label.split()) in seen
        if isinstance(program.departments, tuple):
            for department in program.departments:
                assert department in seen
    if plan.matrix is not None:
        for row in plan.matrix.rows:
            assert row.department in seen


def test_the_circle_table_is_the_plans_matrix(pages):
    """Uozu's ○ table, as the browser shows it, has a ○ exactly where the YAML's matrix does."""
    page, _ = pages["uozu"]
    shown = page.evaluate(
        "[...document.querySelectorAll('table.matrix tbody tr')].map(r => "
        "[r.querySelector('th').innerText, [...r.querySelectorAll('td.sign')].map(c => c.innerText.trim())])"
    )
    plan = jusou_spec.load(PLANS["uozu"])
    assert isinstance(plan, jusou_spec.Plan) and plan.matrix is not None
    expected = [
        [row.department, ["○" if column.id in row.columns else "" for column in plan.matrix.columns]]
        for row in plan.matrix.rows
    ]
    assert shown == expected
    headings = page.evaluate("[...document.querySelectorAll('table.matrix thead th')].map(h => h.innerText)")
    assert headings[2:] == [column.name for column in plan.matrix.columns]


@pytest.mark.parametrize("name", NAMES)
def test_headings_are_in_order(pages, name):
    """The chapters are numbered 1, 2, 3 … in the order the contents list them, each h3 under an h2."""
    page, _ = pages[name]
    chapters = page.evaluate("[...document.querySelectorAll('section > h2')].map(h => h.innerText)")
    contents = page.evaluate("[...document.querySelectorAll('nav.toc li')].map(li => li.innerText)")
    assert [" ".join(c.split()) for c in chapters] == [" ".join(c.split()) for c in contents]
    assert [int(c.split()[0]) for c in chapters] == list(range(1, len(chapters) + 1))
    levels = page.evaluate("[...document.querySelectorAll('h1, h2, h3, h4')].map(h => Number(h.tagName[1]))")
    assert levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels))
