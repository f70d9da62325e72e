"""``jusou compare`` and ``jusou_spec.compare``: every cell comes from the plans, gaps carry a mark, the formats and
the CLI contract (exit codes, -o written atomically by extension, no traceback), the HTML page self-contained."""

from __future__ import annotations

import csv
import io
import shutil
from html.parser import HTMLParser

import attrs
import pytest

import jusou_spec
from jusou_spec.cli import main
from jusou_spec.commands import compare as compare_command
from jusou_spec.comparison import FORMATS, Gap, as_text
from jusou_spec.comparison.words import delivery_text
from jusou_spec.errors import WrongDocumentKind
from jusou_spec.law import CLAUSES, Pillar
from jusou_spec.model import Meeting, NotStated, Plan, not_stated

from .cli_cases import ROOT

BUNDLED = ["plans/ashiya.yaml", "plans/uozu.yaml", "plans/imizu.yaml", "tests/fixtures/mihon.yaml"]


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def _run(argv, capsys):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _plan(path: str) -> Plan:
    plan = jusou_spec.load(ROOT / path)
    assert isinstance(plan, Plan)
    return plan


def _program_cells(comparison, clause_label, municipality_index):
    row = next(row for row in comparison.coverage if row.clause.label == clause_label)
    return row.cells[municipality_index]


def test_columns_follow_the_order_given_and_a_folder_in_sorted_order(in_root):
    """Municipalities appear as given; plans/ is read in sorted file order (ashiya, imizu, uozu)."""
    comparison = jusou_spec.compare(["tests/fixtures/mihon.yaml", "plans"])
    assert [m.plan.municipality.name for m in comparison.municipalities] == ["見本市", "芦屋市", "射水市", "魚津市"]
    assert [m.file for m in comparison.municipalities] == [
        "tests/fixtures/mihon.yaml",
        "plans/ashiya.yaml",
        "plans/imizu.yaml",
        "plans/uozu.yaml",
    ]


def test_every_coverage_cell_is_a_program_of_that_plan_carrying_the_clause(in_root):
    """Faithful: each program shown under a 号 is in that plan and names that 号 itself; one row per clause."""
    comparison = jusou_spec.compare(BUNDLED)
    assert [row.clause for row in comparison.coverage] == list(CLAUSES)
    for row in comparison.coverage:
        for municipality, cells in zip(comparison.municipalities, row.cells, strict=True):
            plan = municipality.plan
            assert [cell.program for cell in cells] == list(plan.covering(row.clause))
            for cell in cells:
                assert any(cell.program is program for program in plan.programs)
                assert row.clause in cell.program.clauses


def test_delivery_changing_between_years_is_shown_by_year(in_root):
    """見本市: 第1号ニ is 直営 in R6 then 委託; 第3号ニ adds a 委託 site in R8; 第2号 runs from R7 only."""
    comparison = jusou_spec.compare(["tests/fixtures/mihon.yaml"])
    texts = {
        label: [delivery_text(cell.delivery, "ja") for cell in _program_cells(comparison, label, 0)]
        for label in ("第1号ニ", "第3号ニ", "第2号", "第1号イ")
    }
    assert texts == {
        "第1号ニ": ["R6 直営／R7～R8 委託"],
        "第3号ニ": ["R6～R7 直営／R8 直営・委託"],
        "第2号": ["R7～R8 委託"],
        "第1号イ": ["委託"],
    }


def test_a_clause_without_a_program_shows_the_mark(in_root):
    """A plan without a 参加支援 program: its 第2号 cell is empty and every format shows × 事業の記載なし."""
    mihon = _plan("tests/fixtures/mihon.yaml")
    without = attrs.evolve(mihon, programs=tuple(p for p in mihon.programs if p.id != "参加支援"), name="mihon-2")
    comparison = jusou_spec.compare([mihon, without])
    assert _program_cells(comparison, "第2号", 1) == ()
    assert [m.same_name for m in comparison.municipalities] == [True, True]
    text = as_text(comparison, "ja")
    assert "× 事業の記載なし" in text and "見本市（mihon-2）" in text
    for fmt in ("csv", "markdown"):
        assert "× 事業の記載なし" in FORMATS[fmt](comparison, "ja")
    assert "× no program" in as_text(comparison, "en")


def test_modes_by_year_come_from_each_plan_with_years_outside_marked(in_root):
    """実施形態: 魚津市 R6 移行準備事業 then 本格実施; 射水市 states R6 only; years outside a period are marked."""
    comparison = jusou_spec.compare(["plans/uozu.yaml", "plans/imizu.yaml"])
    cells = {row.year.label: tuple(c if isinstance(c, Gap) else c.value for c in row.cells) for row in comparison.years}
    assert cells == {
        "R6": ("移行準備事業", "本格実施"),
        "R7": ("本格実施", Gap.OUTSIDE),
        "R8": ("本格実施", Gap.OUTSIDE),
    }


def test_meetings_are_the_plans_own_under_each_declared_kind(in_root):
    """Every meeting shown is one of the plan's, under a kind it declares; none is left out."""
    comparison = jusou_spec.compare(BUNDLED)
    for index, municipality in enumerate(comparison.municipalities):
        shown: set[int] = set()
        for row in comparison.meetings:
            for meeting in row.cells[index]:
                assert isinstance(meeting, Meeting)
                assert (row.kind in meeting.kinds) if row.kind is not None else not meeting.kinds
                shown.add(id(meeting))
        assert shown == {id(meeting) for meeting in municipality.plan.meetings}


def test_targets_per_pillar_group_as_the_rule_does(in_root):
    """Per pillar: the indicators with a target of the programs TG001 groups under it; none → 数値目標なし."""
    comparison = jusou_spec.compare(BUNDLED)
    checked = {m.file: {f.code for f in jusou_spec.check(m.file)} for m in comparison.municipalities}
    for row in comparison.targets:
        for municipality, cell in zip(comparison.municipalities, row.cells, strict=True):
            plan = municipality.plan
            assert cell.programs == plan.programs_under(row.pillar)
            expected = [(p, i) for p in cell.programs for i in p.indicators if i.has_targets]
            assert list(cell.targets) == expected
            if cell.gap is Gap.NO_TARGET:
                assert "TG001" in checked[municipality.file]
    mihon = next(i for i, m in enumerate(comparison.municipalities) if m.plan.municipality.name == "見本市")
    outreach = next(row for row in comparison.targets if row.pillar is Pillar.OUTREACH)
    assert [i.name for _, i in outreach.cells[mihon].targets] == ["アウトリーチによる訪問件数", "支援対象者の把握件数"]


def test_not_stated_counts_and_places_are_the_plans_own(in_root):
    """未記載: the count is every {未記載: 理由} of the plan, each with its line in the file and its reason."""
    comparison = jusou_spec.compare(BUNDLED)
    for municipality, entries in zip(comparison.municipalities, comparison.not_stated, strict=True):
        values = not_stated(municipality.plan)
        assert [(e.pointer, e.reason) for e in entries] == [(v.pointer, v.reason) for v in values]
        assert all(isinstance(e.line, int) and e.line > 1 for e in entries)
    mihon = comparison.not_stated[3]
    written = [
        (number, line.split("{未記載: ", 1)[1].split("}", 1)[0])
        for number, line in enumerate((ROOT / "tests/fixtures/mihon.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if "{未記載: " in line and not line.startswith("#")
    ]
    assert [(e.line, e.reason) for e in mihon] == written and len(written) == 3


def test_a_report_is_not_compared_and_says_so(in_root, capsys):
    """A report in the folders is left out with a note (exit 0); one passed in memory is a WrongDocumentKind."""
    code, out, err = _run(["compare", "plans", "reports"], capsys)
    assert code == 0 and err == ""
    assert "reports/imizu-r6.yaml: 報告書（report/1）は比較しません" in out
    report = jusou_spec.load(ROOT / "reports/imizu-r6.yaml")
    with pytest.raises(WrongDocumentKind):
        jusou_spec.compare([report])


def test_a_plan_that_cannot_be_read_is_left_out_with_its_findings_and_exit_1(tmp_path, capsys):
    """An invalid plan: its findings go to stderr as jusou check prints them, the others are compared, exit 1."""
    shutil.copy(ROOT / "tests/fixtures/mihon.yaml", tmp_path / "mihon.yaml")
    (tmp_path / "broken.yaml").write_text("jusou: plan/1\n自治体: [1\n", encoding="utf-8")
    code, out, err = _run(["compare", str(tmp_path)], capsys)
    assert code == 1
    assert "broken.yaml:" in err and "error" in err and "Traceback" not in err
    assert "見本市" in out and "broken.yaml: 計画として読めないため比較から除きました" in out


def test_no_plan_at_all_cannot_run(tmp_path, capsys, in_root):
    """Only reports, or a missing path: one line on stderr, exit 2."""
    code, out, err = _run(["compare", "reports"], capsys)
    assert (code, out) == (2, "") and "比較する計画（jusou: plan/1）がありません" in err
    code, _, err = _run(["compare", "--lang", "en", str(tmp_path / "missing")], capsys)
    assert code == 2 and "no such file or folder" in err


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("out.csv", "\ufeff区分,項目,自治体,値,詳細"),
        ("out.md", "# 重層的支援体制整備事業実施計画の比較"),
        ("out.txt", "重層的"),
    ],
)
def test_output_file_takes_its_format_from_the_extension(tmp_path, capsys, in_root, name, first):
    """-o writes the file (nothing on stdout) in the format its extension names."""
    target = tmp_path / name
    code, out, _ = _run(["compare", "plans/uozu.yaml", "-o", str(target)], capsys)
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith(first)


def test_format_and_extension_that_disagree_or_name_nothing_are_usage_errors(tmp_path, capsys, in_root):
    """--format csv -o x.md, or -o x.pdf: exit 2 with one line, no file written."""
    code, _, err = _run(["compare", "plans/uozu.yaml", "--format", "csv", "-o", str(tmp_path / "x.md")], capsys)
    assert code == 2 and "一致しません" in err
    code, _, err = _run(["compare", "--lang", "en", "plans/uozu.yaml", "-o", str(tmp_path / "x.pdf")], capsys)
    assert code == 2 and "names no format" in err
    assert list(tmp_path.iterdir()) == []


def test_csv_has_one_row_per_value_with_the_mark_in_the_value(in_root):
    """CSV: UTF-8 with BOM; one row per program under each 号 and municipality, with its delivery as detail."""
    comparison = jusou_spec.compare(["plans/ashiya.yaml", "tests/fixtures/mihon.yaml"])
    text = FORMATS["csv"](comparison, "ja")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == ["区分", "項目", "自治体", "値", "詳細"]
    assert ["号ごとの事業と実施方式", "第1号ニ", "見本市", "生活困窮者自立相談支援事業", "R6 直営／R7～R8 委託"] in rows
    assert ["号ごとの事業と実施方式", "第1号ハ", "芦屋市", "利用者支援事業（特定型）", "直営"] in rows


def test_format_names_are_the_modules_and_html():
    """The command's formats are the package's and the council document's HTML."""
    assert set(compare_command.FORMAT_NAMES) == {*FORMATS, "html"}


class _Tables(HTMLParser):
    """The page's tables as lists of rows of cell texts, and every URL-bearing attribute and tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.current: str | None = None
        self.cell: list[str] | None = None
        self.urls: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attributes):
        self.tags.add(tag)
        values = dict(attributes)
        self.urls.extend(value or "" for name, value in attributes if name in ("src", "href", "action"))
        if tag == "table":
            self.current = (values.get("class") or "").split()[-1]
            self.tables[self.current] = []
        elif tag == "tr" and self.current:
            self.tables[self.current].append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.current:
            self.tables[self.current][-1].append("".join(self.cell))
            self.cell = None
        elif tag == "table":
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def test_html_page_has_the_tables_and_is_self_contained(tmp_path, capsys, in_root):
    """HTML: a coverage table with a row per clause and a column per municipality, the modes and targets tables;
    no script, no stylesheet link, no URL at all; written the same twice."""
    target = tmp_path / "compare.html"
    code, _, _ = _run(["compare", *BUNDLED, "-o", str(target)], capsys)
    assert code == 0
    page = target.read_text(encoding="utf-8")
    parser = _Tables()
    parser.feed(page)
    coverage = parser.tables["coverage"]
    assert coverage[0] == ["号", "芦屋市", "魚津市", "射水市", "見本市"]
    assert [row[0].split("\n")[0] for row in coverage[1:]] == [c.label for c in CLAUSES]
    mihon_2_3ni = next(row for row in coverage if row[0].startswith("第3号ニ"))[4]
    assert mihon_2_3ni == "地域子育て支援拠点事業: R6～R7 直営／R8 直営・委託"
    years = {row[0]: row[1:] for row in parser.tables["years"][1:]}
    assert years["R6"] == ["本格実施", "移行準備事業", "本格実施", "移行準備事業"]
    assert "数値目標なし" in parser.tables["targets"][1][2]
    assert parser.urls == [] and not parser.tags & {"script", "link", "iframe", "img", "object"}
    assert "http://" not in page and "https://" not in page and "@import" not in page
    again = tmp_path / "again.html"
    _run(["compare", *BUNDLED, "-o", str(again)], capsys)
    assert again.read_bytes() == target.read_bytes()


def test_text_names_every_program_it_shows_as_the_plan_writes_it(in_root):
    """No cell text is invented: every program label in the text is one of that plan's programs."""
    comparison = jusou_spec.compare(BUNDLED)
    text = as_text(comparison, "ja")
    for row in comparison.coverage:
        for cells in row.cells:
            for cell in cells:
                assert f"{cell.program.label}: " in text
    for municipality in comparison.municipalities:
        name = municipality.plan.municipality.name
        assert not isinstance(name, NotStated) and name in text
