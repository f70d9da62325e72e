"""`jusou render` and `jusou_spec.render_document`: sections, self-containment, determinism, escaping, the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jusou_spec
from jusou_spec.cli import main
from jusou_spec.document import build, render_files
from jusou_spec.document.markdown import md, mermaid_flow
from tests.render_cases import HOSTILE, PLANS, REPORTS, hostile_plan

SECTION_ORDER = ["overview", "related", "initiatives", "programs", "meetings", "schedule", "matrix", "indicators"]


@pytest.fixture(scope="module")
def rendered() -> dict[str, dict[str, str]]:
    """Each bundled plan (Imizu with its report) as HTML and Markdown text."""
    out: dict[str, dict[str, str]] = {}
    for name, path in PLANS.items():
        content = build(path, reports=REPORTS.get(name, []))
        out[name] = {
            "html": render_files(content, "html", stem=name)[f"{name}.html"].decode("utf-8"),
            "md": render_files(content, "md", stem=name)[f"{name}.md"].decode("utf-8"),
        }
    return out


@pytest.mark.parametrize("name", sorted(PLANS))
def test_html_is_self_contained_and_scriptless(rendered, name):
    """No script, no stylesheet or image fetched from anywhere: CSS inline, images as data: URIs."""
    html = rendered[name]["html"]
    assert "<script" not in html
    assert not re.search(r"""(?:src|href)=["'](?!data:|#)""", html), "a link to outside the file"
    assert "<style>" in html and "<link" not in html
    assert all(src.startswith("data:image/svg+xml;base64,") for src in re.findall(r'src="([^"]*)"', html))


@pytest.mark.parametrize("name", sorted(PLANS))
def test_sections_come_in_the_order_of_a_plan(rendered, name):
    """The chapters present follow the sources' order, each listed in the table of contents."""
    html = rendered[name]["html"]
    found = [ident for ident in re.findall(r'<section id="([a-z]+)"', html) if ident != "appendix"]
    assert found == [ident for ident in SECTION_ORDER if ident in found]
    for ident in found:
        assert f'href="#{ident}"' in html


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_program_and_department_is_shown(rendered, name):
    """Every program's label and every department the plan names appear in HTML and Markdown."""
    plan = jusou_spec.load(PLANS[name])
    assert isinstance(plan, jusou_spec.Plan)
    for program in plan.programs:
        assert program.label in rendered[name]["html"]
        assert md(program.label) in rendered[name]["md"]
        for department in () if not isinstance(program.departments, tuple) else program.departments:
            assert department in rendered[name]["html"]


def test_the_matrix_table_is_the_plans_matrix(rendered):
    """Uozu's ○ table has the plan's columns and a ○ exactly where its matrix puts one."""
    plan = jusou_spec.load(PLANS["uozu"])
    assert isinstance(plan, jusou_spec.Plan) and plan.matrix is not None
    html = rendered["uozu"]["html"]
    table = html[html.index('<table class="matrix">') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>.*?</tr>", table)
    assert rows == [row.department for row in plan.matrix.rows]
    for row, line in zip(plan.matrix.rows, table.split("</tr>")[1:], strict=False):
        signs = re.findall(r'<td class="sign">(○?)</td>', line)
        assert signs == ["○" if column.id in row.columns else "" for column in plan.matrix.columns]


def test_report_actuals_are_included(rendered):
    """With Imizu's R6 report, the indicators chapter shows the actual figures and their charts."""
    html = rendered["imizu"]["html"]
    chapter = html[html.index('<section id="indicators">') :]
    assert "令和６年度　重層的支援体制整備事業の実施状況" in chapter
    assert '<td class="year">R6</td>' in chapter and "29件" in chapter
    assert "data:image/svg+xml;base64," not in chapter, "one year of figures is a table, not a chart"


def test_a_report_without_its_plan_is_rendered_on_its_own_with_charts(tmp_path):
    """The R3–R5 actuals (no plan beside them) become a report document, with a chart per indicator over the years."""
    root = Path(__file__).resolve().parent.parent
    assert main(["render", str(root / "examples"), "-o", str(tmp_path)]) == 0
    html = (tmp_path / "actuals-r3-r5.html").read_text(encoding="utf-8")
    assert "R3" in html and "R5" in html and html.count('<img class="chart"') >= 2
    assert 'href="actuals-r3-r5.html"' in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_html_and_markdown_are_byte_identical_between_runs(tmp_path):
    """Two renders of the same plan give the same bytes."""
    first = render_files(build(PLANS["ashiya"]), "html", stem="a")
    second = render_files(build(PLANS["ashiya"]), "html", stem="a")
    assert first == second
    assert render_files(build(PLANS["uozu"]), "md", stem="u") == render_files(build(PLANS["uozu"]), "md", stem="u")


def test_the_document_does_not_depend_on_the_folder(tmp_path):
    """The same plan rendered from two folders (absolute paths) gives the same bytes: no path in the document."""
    copies = []
    for folder in ("one", "two/deeper"):
        target = tmp_path / folder / "uozu.yaml"
        target.parent.mkdir(parents=True)
        target.write_bytes(PLANS["uozu"].read_bytes())
        copies.append(render_files(build(target), "html", stem="u")["u.html"])
    assert copies[0] == copies[1]
    assert str(tmp_path).encode() not in copies[0]


def test_hostile_text_is_shown_as_text(tmp_path):
    """<script>, </td>, {{ }} and ]]> in a plan reach HTML and Markdown only escaped, never as markup."""
    content = build(hostile_plan(tmp_path))
    html = render_files(content, "html", stem="h")["h.html"].decode("utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "</td></tr></table>" not in html and "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;" in html
    assert "{{ 7*7 }}{% raw %}" in html
    assert "]]&gt;" in html
    text = render_files(content, "md", stem="h")["h.md"].decode("utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "</td>" not in text
    assert r"\| a \| \*b\* \[c\](d) #e" in text


def test_mermaid_labels_cannot_break_out(tmp_path):
    """A flow's text with quotes, brackets and arrows stays inside its Mermaid label."""
    flow = mermaid_flow(build(hostile_plan(tmp_path)))
    assert '"]-->B' not in flow and "<script>" not in flow
    assert "#34;#93;--#62;B" in flow


def test_render_document_api_and_render_still_draws_one_diagram():
    """jusou_spec.render_document gives a document; jusou_spec.render still gives one diagram."""
    html = jusou_spec.render_document(PLANS["uozu"]).decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "魚津市" in html
    markdown = jusou_spec.render_document(PLANS["uozu"], format="md").decode("utf-8")
    assert "```mermaid\nflowchart TB" in markdown
    plan = jusou_spec.load(PLANS["uozu"])
    assert isinstance(plan, jusou_spec.Plan)
    assert jusou_spec.render(plan, "flow", format="dot").startswith(b"digraph")
    with pytest.raises(ValueError, match="unknown format"):
        jusou_spec.render_document(plan, format="docx")


def test_cli_renders_a_plan_with_its_report_and_markdown_diagrams(tmp_path):
    """`jusou render PLAN --report R -o X.md` writes the Markdown and the SVGs it links to."""
    out = tmp_path / "imizu.md"
    assert main(["render", str(PLANS["imizu"]), "--report", str(REPORTS["imizu"][0]), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    for link in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert (tmp_path / link).read_text(encoding="utf-8").startswith("<?xml")
    assert "29件" in text


def test_a_report_renders_with_the_plan_it_links_to(tmp_path):
    """Given a report, `jusou render` follows the report's own link to its plan and includes its actuals."""
    out = tmp_path / "r.html"
    assert main(["render", str(REPORTS["imizu"][0]), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "射水市" in html and "29件" in html and '<section id="programs">' in html


def test_cli_renders_a_folder_with_an_index(tmp_path):
    """Folders: every plan, the report matched to its plan by its own link, and an index linking each."""
    root = Path(__file__).resolve().parent.parent
    assert main(["render", str(root / "plans"), str(root / "reports"), "-o", str(tmp_path)]) == 0
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["ashiya.html", "imizu.html", "index.html", "uozu.html"]
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}.html"' in index for name in PLANS)
    assert "29件" in (tmp_path / "imizu.html").read_text(encoding="utf-8")


def test_cli_usage_and_broken_plans(tmp_path, capsys):
    """A wrong extension or a missing file is exit 2 on one line; a plan that cannot be modelled is exit 1."""
    assert main(["render", str(PLANS["uozu"]), "-o", str(tmp_path / "x.txt")]) == 2
    assert "拡張子 .txt" in capsys.readouterr().err
    assert main(["render", str(tmp_path / "none.yaml"), "-o", str(tmp_path / "x.html")]) == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("jusou: plan/1\n計画名: [\n", encoding="utf-8")
    assert main(["render", str(broken), "-o", str(tmp_path / "x.html")]) == 1
    err = capsys.readouterr().err
    assert "broken.yaml:" in err and "Traceback" not in err
    assert not (tmp_path / "x.html").exists()


def test_the_document_marks_what_the_source_does_not_state(rendered):
    """The appendix lists findings in words (the rule's title, the place by name) and every 未記載 reason."""
    html = rendered["ashiya"]["html"]
    appendix = html[html.index('<section id="appendix">') :]
    assert "出典に記載のない値（未記載）" in appendix
    assert "事業「" in appendix
    assert not re.search(r"<td>[A-Z]{2}\d{3}</td>", appendix)


def test_templates_are_package_data():
    """One template per section ships inside the package."""
    templates = Path(jusou_spec.__file__).parent / "document" / "templates" / "html"
    for ident in [*SECTION_ORDER, "appendix", "cover", "toc", "document"]:
        assert (templates / f"{ident}.html.j2").is_file()


def test_hostile_markup_words():
    """The hostile texts are distinct, so each assertion above tests one of them."""
    assert len(set(HOSTILE)) == len(HOSTILE)


def test_umbrellas_head_their_pillar_with_their_members(rendered):
    """Imizu's 包括的相談支援事業 (第1号全体) heads 第1号 naming its members; each member stays under its clause."""
    html = rendered["imizu"]["html"]
    table = html[html.index('<table class="programs">') :]
    table = table[: table.index("</table>")]
    assert '<tr class="umbrella"><td>第1号全体</td><td><b>包括的相談支援事業</b>' in table
    assert "構成事業: 地域包括支援センターの運営" in table
    assert table.count("（包括的相談支援事業の構成事業）") == 4


def test_delivery_by_year(tmp_path):
    """A delivery that changes by year is written year by year: R6: 直営／R7～R8: 委託（…）."""
    root = Path(__file__).resolve().parent.parent
    html = render_files(build(root / "tests" / "fixtures" / "mihon.yaml"), "html", stem="m")["m.html"].decode()
    assert "R6: 直営／R7～R8: 委託（見本市社会福祉協議会）" in html


def test_ratio_targets_and_sources_with_their_web_page(tmp_path):
    """A ratio target given by its parts reads 12／30; the appendix lists the sources with their page and URL."""
    root = Path(__file__).resolve().parent.parent
    html = render_files(build(root / "tests" / "fixtures" / "mihon.yaml"), "html", stem="v")["v.html"].decode()
    assert "R6: 12／30" in html
    appendix = html[html.index('<section id="appendix">') :]
    assert "https://www.city.mihon.example.lg.jp/fukushi/jusou-keikaku.pdf" in appendix
    assert 'href="https://' not in html
