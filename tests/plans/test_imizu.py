"""Fidelity of plans/imizu.yaml and reports/imizu-r6.yaml to 射水市「令和６年度　重層的支援体制整備事業の実施状況」.

The report is a status report, not a plan: the plan document holds only what the report says of the plan, and
the report document holds the R6 actuals. The expectations below are written out by hand from the source text
(its headings are cited in comments); the tests at the end cross-check both documents against figures and names
pulled from the seed text itself with simple regexes.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import jusou_spec
from jusou_spec.checker import check_source
from jusou_spec.cli import main
from jusou_spec.findings import Severity
from jusou_spec.fiscal import FiscalYear
from jusou_spec.law import CLAUSES, clause
from jusou_spec.model import Breakdown, DeliveryMode, MeetingKind, Mode, NotStated, Plan, Report
from jusou_spec.source import parse_source

REPO = Path(__file__).resolve().parents[2]
PLAN_FILE = REPO / "plans" / "imizu.yaml"
REPORT_FILE = REPO / "reports" / "imizu-r6.yaml"
SEED = "002_imizu_status_report_R6.txt"
TITLE = "令和６年度　重層的支援体制整備事業の実施状況"
R6 = FiscalYear(2024)
NO_DEPARTMENT = "報告書に所管課の記載がない"


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = jusou_spec.load(PLAN_FILE)
    assert isinstance(loaded, Plan)
    return loaded


@pytest.fixture(scope="module")
def report() -> Report:
    loaded = jusou_spec.load(REPORT_FILE)
    assert isinstance(loaded, Report)
    return loaded


def _program(plan: Plan, ident: str):
    return plan.references.programs[ident]


def _actual(report: Report, indicator: str):
    (found,) = [a for a in report.actuals if a.indicator == indicator]
    return found


def _breakdowns(report: Report) -> Iterator[Breakdown]:
    def walk(breakdowns) -> Iterator[Breakdown]:
        for breakdown in breakdowns:
            yield breakdown
            for item in breakdown.items:
                yield from walk(item.breakdowns)

    for actual in report.actuals:
        yield from walk(actual.breakdowns)
    for activity in report.activities:
        for figure in activity.figures:
            yield from walk(figure.breakdowns)


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


# ================================================================== the plan side


def test_title_source_and_municipality(plan: Plan) -> None:
    """The plan is named only by the report's own word 実施計画 (「実施計画評価指標」); the source is the report."""
    assert plan.title == "実施計画"
    assert plan.source is not None
    assert plan.source.title == TITLE
    assert plan.source.file == SEED
    assert plan.source.publisher is None and plan.source.issued is None  # the text states neither
    assert (plan.municipality.name, plan.municipality.prefecture) == ("射水市", "富山県")


def test_period_not_stated_and_R6_full_implementation(plan: Plan) -> None:
    """The title gives one year in which the project ran (本格実施 R6) and no plan period."""
    assert isinstance(plan.period, NotStated)
    assert [(str(m.years), m.mode) for m in plan.modes] == [("R6", Mode.FULL)]
    assert plan.years() == (R6,)


def test_programs_per_clause(plan: Plan) -> None:
    """Each clause's programs, from the program names (the report prints no 【第…号】 tag)."""
    expected = {
        # 各分野の相談件数 lists one program per letter of 第1号, under (1) 包括的相談支援事業 (号全体: 第1号).
        "第1号イ": {"地域包括支援センターの運営"},
        "第1号ロ": {"障がい者相談支援事業"},
        "第1号ハ": {"利用者支援事業"},
        "第1号ニ": {"生活困窮者自立相談支援事業"},
        "第2号": {"参加支援事業"},  # (3)参加支援事業
        # 各分野の地域づくり lists the parts of (4）地域づくり事業 (号全体: 第3号).
        "第3号イ": {"地域介護予防活動支援事業"},
        "第3号ロ": {"生活支援体制整備事業"},
        "第3号ハ": {"地域活動支援センター設置事業"},
        "第3号ニ": {"地域子育て支援拠点事業"},
        "第3号": {"生活困窮者支援等のための地域づくり事業"},
        "第4号": {"アウトリーチ等を通じた継続的支援事業"},  # (2)
        "第5号": {"多機関協働事業"},  # 「多機関協働事業における相談受付件数」
        "第6号": {"多機関協働事業"},  # 「支援プランの作成件数」
    }
    found = {c.label: {p.name for p in plan.programs_for(c)} for c in CLAUSES}
    assert found == expected
    assert found == {c.label: {p.name for p in plan.covering(c)} for c in CLAUSES}
    assert len(plan.programs) == 16


def test_umbrellas_and_their_members(plan: Plan) -> None:
    """(1) and (4) stand for 第1号 and 第3号 as a whole; the rows of 各分野の相談件数 / 各分野の地域づくり are theirs."""
    umbrellas = {p.id: p.whole for p in plan.programs if plan.is_umbrella(p)}
    assert umbrellas == {"包括的相談支援": (1,), "地域づくり": (3,)}
    members = {ident: [m.id for m in plan.members_of(_program(plan, ident))] for ident in umbrellas}
    assert members == {
        "包括的相談支援": ["地域包括", "障がい者相談", "利用者支援", "自立相談"],
        "地域づくり": [
            "介護予防",
            "支え合いネットワーク",
            "生活支援体制整備",
            "地域活動支援センター",
            "子育て支援拠点",
            "困窮者地域づくり",
        ],
    }
    assert all(not _program(plan, ident).clauses for ident in umbrellas)


def test_every_mandatory_clause_runs_in_R6(plan: Plan) -> None:
    """In the one 本格実施 year, every clause has a program of its own (no CL001 finding)."""
    for item in CLAUSES:
        assert any(plan.runs_in(p, R6) for p in plan.covering(item)), item.label


def test_without_its_user_support_program_the_plan_fails_on_item_1_ha(tmp_path, capsys) -> None:
    """`jusou check` on the plan without 利用者支援事業 (the one 第1号ハ program) exits 1 naming 第1号ハ."""
    text = PLAN_FILE.read_text(encoding="utf-8")
    start = text.index("  - id: 利用者支援\n")
    end = text.index("  - id: 自立相談\n")
    mutated = tmp_path / "imizu-without-ha.yaml"
    mutated.write_text(text[:start] + text[end:], encoding="utf-8")
    assert main(["check", str(mutated)]) == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if ": error " in line]
    assert len(errors) == 1
    assert " error CL001 本格実施の年度（R6）に第1号ハ（利用者支援事業）を実施する事業がありません" in errors[0]
    findings = check_source(parse_source(mutated.read_text(encoding="utf-8"), name=mutated.name)).findings
    (umbrella,) = [f for f in findings if f.code == "CL005"]
    assert "上位事業「包括的相談支援事業」の下に、第1号ハを実施する事業がありません" in umbrella.message.ja


def test_programs_without_a_clause_are_related_programs(plan: Plan) -> None:
    """関連事業 ひきこもりサポート事業, and 地域支え合いネットワーク事業 whose clause the report does not name."""
    related = {p.name: p.clauses for p in plan.programs if p.related_only}
    assert related == {"地域支え合いネットワーク事業": (), "ひきこもりサポート事業": ()}


def test_sections_of_the_per_field_programs(plan: Plan) -> None:
    """Per-field programs keep the table they are listed in (各分野の相談件数 / 各分野の地域づくり)."""
    sections = {p.name: p.section for p in plan.programs if p.section}
    assert sections == {
        "多機関協働事業": "(1) 包括的相談支援事業",
        "地域包括支援センターの運営": "各分野の相談件数",
        "障がい者相談支援事業": "各分野の相談件数",
        "利用者支援事業": "各分野の相談件数",
        "生活困窮者自立相談支援事業": "各分野の相談件数",
        "地域介護予防活動支援事業": "各分野の地域づくり",
        "地域支え合いネットワーク事業": "各分野の地域づくり",
        "生活支援体制整備事業": "各分野の地域づくり",
        "地域活動支援センター設置事業": "各分野の地域づくり",
        "地域子育て支援拠点事業": "各分野の地域づくり",
        "生活困窮者支援等のための地域づくり事業": "各分野の地域づくり",
        "ひきこもりサポート事業": "関連事業",
    }


def test_no_department_is_stated(plan: Plan) -> None:
    """The report names no 所管課: every program says so, and the plan has no department."""
    for program in plan.programs:
        assert isinstance(program.departments, NotStated), program.id
        assert program.departments.reason == NO_DEPARTMENT
    assert plan.references.departments == ()


def test_policies_and_goals_of_the_four_sections(plan: Plan) -> None:
    """・基本方針 and ・事業目標 of (1)–(4), line breaks of the extraction joined."""
    assert {
        p: (_program(plan, p).policy, _program(plan, p).goals)
        for p in ("包括的相談支援", "アウトリーチ", "参加支援", "地域づくり")
    } == {
        # (1) 包括的相談支援事業
        "包括的相談支援": (
            ("世代や属性を問わず断らない相談支援体制の構築",),
            ("単独の機関のみでは対応が難しい相談に、支援関係機関が連携して支援する件数（割合）の増加",),
        ),
        # (2) アウトリーチ等を通じた継続的支援事業
        "アウトリーチ": (
            ("支援が必要な人に支援を届けるための体制の構築",),
            (
                "支援が必要な世帯の情報を収集し、関係機関と連携しながら訪問等により対象者や対象世帯との関係性構築と支援につなげる事例の増加",
            ),
        ),
        # (3)参加支援事業: three goals on three lines
        "参加支援": (
            ("支援が必要な人に参加支援の場を提供するための体制の構築",),
            (
                "集いの場や居場所、就労体験のできる場など地域の社会資源の把握",
                "参加支援の場の提供等の協力者となる関係機関の増加",
                "「出口支援」につながる新たな活躍の場や就労体験の場の創設",
            ),
        ),
        # (4）地域づくり事業
        "地域づくり": (
            ("世代や属性に関わらず、地域住民を対象として多様な地域活動が生まれやすい環境の整備",),
            ("活動拠点数の増加",),
        ),
    }


def test_indicators_units_and_R6_targets(plan: Plan) -> None:
    """Every 実施計画評価指標 with its unit (件/回 from 「(単位：件、回)」) and its R6 計画 figure."""
    found = {}
    for program, indicator in plan.all_indicators():
        (target,) = indicator.targets
        unit = "未記載" if isinstance(indicator.unit, NotStated) else indicator.unit
        found[indicator.id] = (program.id, indicator.name, unit, str(target.years), target.value)
    assert found == {
        "相談受付件数": ("包括的相談支援", "多機関協働事業における相談受付件数", "件", "R6", 10),
        "支援プラン作成件数": ("包括的相談支援", "支援プランの作成件数", "件", "R6", 5),
        "個別会議開催回数": ("包括的相談支援", "重層的支援個別会議の開催回数", "回", "R6", 5),
        "支援会議開催回数": ("包括的相談支援", "支援会議の開催回数", "回", "R6", 1),
        "把握件数": ("アウトリーチ", "地域からの情報等による支援対象者の把握件数（相談受付件数）", "件", "R6", 10),
        "新規プラン作成件数": ("アウトリーチ", "新規プラン作成件数", "件", "R6", 5),
        "参加支援プラン作成件数": ("参加支援", "参加支援のプラン作成件数", "件", "R6", 1),
        # (4）'s 実施計画評価指標 heading carries no (単位：…) line.
        "共生社会構築事業実施数": ("地域づくり", "地域支え合いネットワーク共生社会構築事業実施数", "未記載", "R6", 3),
    }


def test_partner_lists_of_section_1(plan: Plan) -> None:
    """The 庁内 / 関係機関 / 公的機関 columns, de-interleaved, on (1) (the only ・支援連携先 heading)."""
    partners = {p.category: p.names for p in _program(plan, "包括的相談支援").partners}
    assert partners == {
        "庁内": (
            "社会福祉課",
            "保険年金課",
            "収納対策課",
            "課税課",
            "市民課",
            "介護保険課",
            "こども福祉課",
            "環境課",
            "教育センター",
            "観光まちづくり課",
            "建築住宅課",
        ),
        "関係機関": (
            "医療機関",
            "地域包括支援センター",
            "相談支援事業所",
            "社会福祉協議会",
            "居宅介護支援事業所",
            "介護サービス事業所",
            "金融機関",
            "民生委員",
            "成年後見人",
            "その他",
        ),
        "公的機関": (
            "法務局",
            "高岡厚生センター射水支所",
            "児童相談所",
            "家庭裁判所",
            "高岡年金事務所",
            "法テラス",
            "中学校",
            "小学校",
            "消費生活センター",
            "警察署",
        ),
    }
    assert [p.id for p in plan.programs if p.partners] == ["包括的相談支援"]


def test_contracted_projects(plan: Plan) -> None:
    """委託先 一般社団法人とまりぎラボ (シテンスクール) and 特定非営利活動法人はぁとぴあ２１ (Sondeいい家)."""
    deliveries = _program(plan, "地域づくり").delivery
    assert [(d.mode, d.contractors) for d in deliveries] == [
        (DeliveryMode.CONTRACT, ("一般社団法人とまりぎラボ",)),
        (DeliveryMode.CONTRACT, ("特定非営利活動法人はぁとぴあ２１",)),
    ]
    assert deliveries[0].content == (
        "不登校の小中学生等が、家族以外の地域の人と交流を持つ機会を設け、主体的な活動や学びができるよう体験活動を企画運営（シテンスクール）",
    )
    assert deliveries[1].content == (
        "義務教育終了後、就学や就労等の社会参加に結びついていない若者等が、安心して過ごせる居場所を設置し、ニーズに対応した社会参加につながる支援を実施",
        "Sondeいい家（OVER15居場所事業）：毎月1回土曜午後1時～5時",
    )
    assert [p.id for p in plan.programs if p.delivery] == ["地域づくり"]


def test_minsei_iin_programme_under_section_4(plan: Plan) -> None:
    """民生委員の活動環境整備事業 (結ネットを導入) is the box printed under (4）地域づくり事業."""
    (section,) = _program(plan, "地域づくり").content
    assert section.heading == "民生委員の活動環境整備事業"
    assert section.text == (
        "民生委員間の情報共有の円滑化による業務負担の軽減、活動の連携強化を図るため、結ネットを導入",
    )


def test_meetings_kinds_consent_and_purposes(plan: Plan) -> None:
    """会議 / 開催目的 / 本人同意 of (1), and the two meetings of (5) with their shared purpose; no flow."""
    found = {m.id: (m.name, m.kinds, m.consent, m.purpose) for m in plan.meetings}
    shared = ("事業全体の進捗状況の評価、地域課題の共有等",)
    assert found == {
        "重層的支援個別会議": (
            "重層的支援個別会議",
            frozenset({MeetingKind.MULTILAYERED}),
            True,
            ("重層的支援体制整備事業利用者の情報共有、支援体制の検討",),
        ),
        "支援会議": (
            "支援会議",
            frozenset({MeetingKind.SUPPORT}),
            False,
            ("支援が届いていない心配な状況にある世帯の情報共有、緊急性がある事案への支援体制の検討",),
        ),
        "共生社会推進会議": ("共生社会推進会議", frozenset({MeetingKind.STEERING}), None, shared),
        "共生社会推進連絡会議": ("共生社会推進連絡会議", frozenset({MeetingKind.STEERING}), None, shared),
    }
    assert plan.flows == ()


def test_initiative_5_and_no_other(plan: Plan) -> None:
    """(5)　連携体制の構築等 with its two bullets; the report has no other initiative (no 重点取組 diagram)."""
    (initiative,) = plan.initiatives
    assert (initiative.number, initiative.name) == ("(5)", "連携体制の構築等")
    assert [(i.name, i.content) for i in initiative.items] == [
        ("事業の周知", ("地域の関係団体等への説明会等の実施",)),
        ("共生社会推進会議、共生社会推進連絡会議の開催", ("事業全体の進捗状況の評価、地域課題の共有等",)),
    ]
    assert plan.related_plans == ()


def test_plan_checks_with_explained_warnings_only() -> None:
    """jusou check: no error; the 未記載 warnings are the period, 16 departments and one unit (the rule catalogue's
    warnings, each explained by the source, are pinned in test_rule_warnings.py)."""
    findings = jusou_spec.check(PLAN_FILE)
    assert not [f for f in findings if f.severity is Severity.ERROR]
    pointers = sorted(f.pointer for f in findings if f.code == "NS001")
    assert pointers == sorted(["/計画期間", "/事業/3/成果目標/0/単位"] + [f"/事業/{n}/所管課" for n in range(16)])


# ================================================================== the report side


def test_report_header(report: Report) -> None:
    """The R6 report names the plan document and the same source."""
    assert report.title == TITLE
    assert str(report.years) == "R6"
    assert report.plan is not None and not isinstance(report.plan, NotStated)
    assert report.plan.file == "../plans/imizu.yaml"
    assert report.source is not None and report.source.file == SEED
    assert isinstance(report.marking, NotStated)  # the report does not say how it gives 〇/△


def test_every_indicator_actual_plan_and_mark(report: Report) -> None:
    """「６年度 実績 計画」 pairs and the marks: 〇〇〇〇 for (1), △△ for (2), △ for (3), △ for (4)."""
    found = {a.indicator: (a.value, a.planned, a.mark) for a in report.actuals if a.planned is not None}
    assert found == {
        "相談受付件数": (29, 10, "〇"),
        "支援プラン作成件数": (19, 5, "〇"),
        "個別会議開催回数": (8, 5, "〇"),
        "支援会議開催回数": (4, 1, "〇"),
        "把握件数": (1, 10, "△"),
        "新規プラン作成件数": (0, 5, "△"),
        "参加支援プラン作成件数": (0, 1, "△"),
        "共生社会構築事業実施数": (2, 3, "△"),
    }
    assert all(a.year == R6 for a in report.actuals)


def test_planned_figures_agree_with_plan_targets(plan: Plan, report: Report) -> None:
    """Each 計画値 printed beside an actual equals the plan's R6 target for that indicator."""
    targets = {i.id: i.targets[0].value for _, i in plan.all_indicators()}
    planned = {a.indicator: a.planned for a in report.actuals if a.planned is not None}
    assert planned == targets


def test_every_actual_names_a_known_indicator(plan: Plan, report: Report) -> None:
    """An actual refers to a plan indicator or one the report defines; the two id sets do not overlap."""
    plan_ids = set(plan.references.indicators)
    own_ids = {i.id for i in report.indicators}
    assert not plan_ids & own_ids
    assert {a.indicator for a in report.actuals} == plan_ids | own_ids
    assert len(report.actuals) == len(plan_ids) + len(own_ids)


def test_stated_totals_equal_the_sum_of_their_parts(report: Report) -> None:
    """Every 合計 printed in the report equals the sum of its items (no mismatch in this report)."""
    checked = 0
    for breakdown in _breakdowns(report):
        assert not isinstance(breakdown.total, NotStated) and breakdown.total is not None
        assert sum(item.value for item in breakdown.items) == breakdown.total, breakdown.axis
        checked += 1
    assert checked == 6


def test_consultation_breakdowns(report: Report) -> None:
    """支援開始 19 (支援終結 5, 支援継続中 14) and 10 cases without a plan; 支援世帯の類型 合計 19."""
    (status,) = _actual(report, "相談受付件数").breakdowns
    assert [(i.name, i.value) for i in status.items] == [
        ("支援開始", 19),
        ("年度中に支援プランの作成に至らなかった相談事例", 10),
    ]
    assert status.total == 29
    (started,) = status.items[0].breakdowns
    assert [(i.name, i.value) for i in started.items] == [("支援終結", 5), ("支援継続中", 14)]
    assert started.total == 19
    (households,) = _actual(report, "支援プラン作成件数").breakdowns
    assert households.axis == "支援世帯の類型"
    assert [(i.name, i.value) for i in households.items] == [
        ("高齢者と子の世帯", 9),
        ("夫婦と未成年の子の世帯", 2),
        ("ひとり親と子の世帯", 2),
        ("単身世帯", 5),
        ("その他世帯", 1),
    ]
    assert households.total == 19


def test_consultation_method_and_content(report: Report) -> None:
    """相談方法 （延べ件数） 計 1,113 and 相談内容 （延べ件数） 計 1,695, in printed column order."""
    (method,) = _actual(report, "相談方法延べ件数").breakdowns
    assert [(i.name, i.value) for i in method.items] == [
        ("電話", 563),
        ("来庁", 175),
        ("面接", 119),
        ("訪問", 162),
        ("同行", 48),
        ("メール等", 45),
        ("その他", 1),
    ]
    assert method.total == 1113 == _actual(report, "相談方法延べ件数").value
    (content,) = _actual(report, "相談内容延べ件数").breakdowns
    assert [(i.name, i.value) for i in content.items] == [
        ("病気・障害等", 360),
        ("生活・住まい", 512),
        ("収入・生活費", 216),
        ("滞納・税金・債務", 136),
        ("権利擁護", 125),
        ("仕事探し・就職", 29),
        ("家族関係", 236),
        ("ひきこもり不登校", 35),
        ("DV・虐待", 0),
        ("孤独・孤立", 8),
        ("その他", 38),
    ]
    assert content.total == 1695 == _actual(report, "相談内容延べ件数").value


def test_report_defined_indicators(plan: Plan, report: Report) -> None:
    """各分野の相談件数, 各分野の地域づくり and the 関連事業: program, item, unit and R6 figure as printed."""
    units = {i.id: (i.program_name, i.name, i.unit) for i in report.indicators}
    values = {a.indicator: a.value for a in report.actuals}
    found = {ident: (*units[ident], values[ident]) for ident in units}
    assert found == {
        "相談方法延べ件数": ("包括的相談支援事業", "相談方法（延べ件数）", "件", 1113),
        "相談内容延べ件数": ("包括的相談支援事業", "相談内容（延べ件数）", "件", 1695),
        # 各分野の相談件数 （単位：回、件）
        "地域包括延べ相談回数": ("地域包括支援センターの運営", "延べ相談回数", "回", 17878),
        "障がい者相談延べ相談回数": ("障がい者相談支援事業", "延べ相談回数", "回", 6038),
        "利用者支援基本型延べ相談件数": ("利用者支援事業", "延べ相談件数（基本型）", "件", 858),
        "利用者支援こども家庭センター型延べ相談件数": (
            "利用者支援事業",
            "延べ相談件数（こども家庭センター型）",
            "件",
            2726,
        ),
        "自立相談新規相談件数": ("生活困窮者自立相談支援事業", "新規相談件数", "件", 17),
        # 各分野の地域づくり (units printed with the figures)
        "百歳体操活動グループ数": ("地域介護予防活動支援事業", "100歳体操活動グループ数及び参加率", "Ｇ", 157),
        "百歳体操参加率": ("地域介護予防活動支援事業", "100歳体操活動グループ数及び参加率", "％", Decimal("10.2")),
        "支え合いネットワーク事業実施地域数": ("地域支え合いネットワーク事業", "事業実施地域数", "地域", 26),
        "生活支援コーディネーター配置数": ("生活支援体制整備事業", "生活支援コーディネーターの配置数", "人", 6),
        "地域活動支援センター設置数": ("地域活動支援センター設置事業", "センター設置数及び利用者数", "か所", 4),
        "地域活動支援センター利用者数": ("地域活動支援センター設置事業", "センター設置数及び利用者数", "人", 5252),
        "子育て支援センター延べ利用者数": ("地域子育て支援拠点事業", "子育て支援センター延べ利用者数", "人", 25967),
        "結ネット登録割合": ("生活困窮者支援等のための地域づくり事業", "民生委員の結ネット登録割合", "%", 82),
        # 関連事業　ひきこもりサポート事業 （単位：人）
        "すてっぷカフェ利用者延べ人数": ("ひきこもりサポート事業", "すてっぷカフェ利用者延べ人数", "人", 85),
    }
    names = {p.name for p in plan.programs}
    assert {i.program_name for i in report.indicators} <= names


def test_exchange_event(report: Report) -> None:
    """いみずつなぐっとプラットフォーム交流会: date, place, content, 54名 by field (11/11/7/14/11)."""
    event = next(a for a in report.activities if a.name == "いみずつなぐっとプラットフォーム交流会の開催")
    assert event.when == "11月22日（金）午後1時30分～3時10分"
    assert event.place == "救急薬品市民交流プラザ"
    assert event.content == (
        "多様な活動主体との顔の見える関係づくりを実施",
        "いみず・つなぐっとカフェ",
        "「地域共生社会のために今できることは？」",
    )
    (participants,) = event.figures
    assert (participants.name, participants.value, participants.unit) == ("参加者数", 54, "名")
    (by_field,) = participants.breakdowns
    assert [(i.name, i.value) for i in by_field.items] == [
        ("介護・高齢関係", 11),
        ("障がい関係", 11),
        ("こども､子育て関係", 7),
        ("地域・ボランティア関係", 14),
        ("行政", 11),
    ]
    assert by_field.total == 54


def test_contracted_projects_status_not_paired(report: Report) -> None:
    """年6回開催 延べ80人参加 / 年9回開催 延べ85人利用 are kept as cells; which contractor each is, is not stated."""
    status = next(a for a in report.activities if a.name == "委託事業の実施状況")
    assert isinstance(status.actor, NotStated)
    assert status.content == ("年6回開催　延べ80人参加", "年9回開催　延べ85人利用")
    assert [(f.value, f.unit) for f in status.figures] == [(6, "回"), (80, "人"), (9, "回"), (85, "人")]
    assert len(report.activities) == 2


def test_partner_counts_table_in_printed_order(report: Report) -> None:
    """・支援連携先: three 件数 columns, rows as printed, the last row a single figure; no labels."""
    (table,) = report.tables
    assert table.name == "支援連携先"
    assert table.columns == ("件数", "件数", "件数")
    assert [row.values for row in table.rows] == [
        (12, 13, 5),
        (8, 11, 4),
        (8, 5, 2),
        (5, 4, 2),
        (5, 5, 3),
        (4, 4, 2),
        (3, 2, 2),
        (3, 2, 1),
        (2, 2, 1),
        (1, 12, 1),
        (1,),
    ]
    assert all(row.heading is None for row in table.rows)


def test_case_summaries(report: Report) -> None:
    """事例の概要: two unlabelled lines, 事例１–４ with text, 事例５ and 事例６ with none."""
    (narrative,) = report.narratives
    assert narrative.heading == "重層的個別支援会議又は支援会議で協議した事例の概要 (複数回開催した事例あり）"
    assert narrative.content == (
        "生活費、金銭管理、介護の問題等を抱える８０５０世帯",
        "疾病、子育て、家族関係の問題等を抱える世帯",
        "事例１　劣悪な居住環境、ヤングケアラーやDV等の家族関係及び多重債務等生活費の問題等を抱える複数の障がい者がいるひとり親世帯",
        "事例２　生活困窮や家族関係等の問題を抱える８０５０世帯",
        "事例３　認知症の親、疾病や生活費等の問題を抱える８０５０世帯",
        "事例４　疾病、生活費、外国人妻子との家族関係の問題等を抱える世帯",
        "事例５",
        "事例６",
    )


def test_report_checks_with_explained_warnings_only() -> None:
    """jusou check: no error; warnings only for the marking rule and the unpaired contractor status."""
    findings = jusou_spec.check(REPORT_FILE)
    assert not [f for f in findings if f.severity is Severity.ERROR]
    assert sorted((f.code, f.pointer) for f in findings) == [("NS001", "/活動/1/主体"), ("NS001", "/評価基準")]


# ================================================================== cross-checks against the seed text


def _blocks(text: str) -> list[str]:
    """The seed's blank-line separated blocks, each with its lines stripped."""
    return ["\n".join(line.strip() for line in block.splitlines()) for block in re.split(r"\n\s*\n", text)]


def _seed_pairs(text: str) -> dict[str, tuple[int, int]]:
    """Every 「name 実績 計画」 row of the ６年度 tables: on one line, or a wrapped name block then "a b"."""
    pairs: dict[str, tuple[int, int]] = {}
    for line in text.splitlines():
        match = re.fullmatch(r"\s*(\D\S*) (\d+) (\d+)\s*", line)
        if match:
            pairs[match[1]] = (int(match[2]), int(match[3]))
    blocks = _blocks(text)
    for before, block in itertools.pairwise(blocks):
        match = re.fullmatch(r"(\d+) (\d+)", block.strip())
        if match:
            pairs["".join(before.split())] = (int(match[1]), int(match[2]))
    return pairs


def test_seed_every_actual_plan_pair_is_transcribed(seed_text, plan: Plan, report: Report) -> None:
    """Each 実績/計画 row of the seed is an indicator with that R6 target and that actual."""
    pairs = _seed_pairs(seed_text(SEED))
    assert len(pairs) == 8
    by_name = {i.name: i for _, i in plan.all_indicators()}
    for name, (actual, planned) in pairs.items():
        indicator = by_name[name]
        assert indicator.targets[0].value == planned, name
        recorded = _actual(report, indicator.id)
        assert (recorded.value, recorded.planned) == (actual, planned), name


def test_seed_marks_follow_the_blocks(seed_text, plan: Plan, report: Report) -> None:
    """The runs of 〇/△ after each 実施計画評価指標 heading have one mark per indicator of that section."""
    text = seed_text(SEED)
    runs = ["".join(run.split()) for run in re.findall(r"^[〇△](?:\s*\n\s*[〇△])*", text, flags=re.MULTILINE)]
    assert runs == ["〇〇〇〇", "△△", "△", "△"]
    assert text.count("実施計画評価指標") == 4
    sections = ["包括的相談支援", "アウトリーチ", "参加支援", "地域づくり"]
    for section, run in zip(sections, runs, strict=True):
        indicators = _program(plan, section).indicators
        assert len(indicators) == len(run), section
        assert len(set(run)) == 1  # all marks of a block are equal, so each indicator's mark is certain
        assert {_actual(report, i.id).mark for i in indicators} == {run[0]}, section


def test_seed_units_line_and_missing_unit(seed_text, plan: Plan) -> None:
    """「(単位：件、回)」 heads three of the four indicator tables; the fourth's unit is 未記載."""
    text = seed_text(SEED)
    assert text.count("(単位：件、回)") == 3
    not_stated = [i.id for _, i in plan.all_indicators() if isinstance(i.unit, NotStated)]
    assert not_stated == ["共生社会構築事業実施数"]
    for _, indicator in plan.all_indicators():
        if indicator.name.endswith("回数"):
            assert indicator.unit == "回"
        elif indicator.name.endswith(("件数", "件数（相談受付件数）")):
            assert indicator.unit == "件"


def test_seed_partner_columns(seed_text, plan: Plan) -> None:
    """The interleaved rows under 「庁内 関係機関 公的機関」, split by column, are the plan's partner lists."""
    text = seed_text(SEED)
    section = text.split("庁内 関係機関 公的機関", 1)[1].split("６年度", 1)[0]
    columns: list[list[str]] = [[], [], []]
    for line in section.splitlines():
        for index, name in enumerate(line.split()):
            columns[index].append(name)
    partners = {p.category: list(p.names) for p in _program(plan, "包括的相談支援").partners}
    assert [partners["庁内"], partners["関係機関"], partners["公的機関"]] == columns


def test_seed_partner_counts(seed_text, report: Report) -> None:
    """The number rows under 「件数 件数 件数」 are the table's rows, in order."""
    text = seed_text(SEED)
    section = text.split("件数 件数 件数", 1)[1].split("・相談支援・対応状況", 1)[0]
    rows = [tuple(int(n) for n in line.split()) for line in section.splitlines() if line.strip()]
    (table,) = report.tables
    assert [row.values for row in table.rows] == rows


def test_seed_consultation_tables(seed_text, report: Report) -> None:
    """The figure lines after 相談方法 and 相談内容 (last figure = 計) are the breakdowns and their totals."""
    text = seed_text(SEED)
    lines = [line for line in text.splitlines() if re.fullmatch(r"[\d, ]+", line.strip() or "x")]
    figure_lines = [line for line in lines if len(line.split()) >= 7]
    assert len(figure_lines) == 2
    for line, ident in zip(figure_lines, ("相談方法延べ件数", "相談内容延べ件数"), strict=True):
        *parts, total = [int(n.replace(",", "")) for n in line.split()]
        (breakdown,) = _actual(report, ident).breakdowns
        assert [i.value for i in breakdown.items] == parts
        assert breakdown.total == total


def test_seed_household_types(seed_text, report: Report) -> None:
    """The 世帯の類型 rows and 「合　計 19」."""
    text = seed_text(SEED)
    section = text.split("世帯の類型 世帯数", 1)[1].split("事例１", 1)[0]
    rows = re.findall(r"^(\S+世帯) (\d+)$", section, flags=re.MULTILINE)
    total = re.search(r"合\s*計 (\d+)", section)
    (households,) = _actual(report, "支援プラン作成件数").breakdowns
    assert [(i.name, i.value) for i in households.items] == [(name, int(n)) for name, n in rows]
    assert total is not None and households.total == int(total[1])


def test_seed_support_status_bullets(seed_text, report: Report) -> None:
    """The ・支援開始 / 支援終結 / 支援継続中 / …至らなかった相談事例 bullets and their figures."""
    text = seed_text(SEED)
    bullets = dict((_fold(name), int(n)) for name, n in re.findall(r"・(\S+?)\s*(\d+)\s*件", text))
    (status,) = _actual(report, "相談受付件数").breakdowns
    recorded = {i.name: i.value for i in status.items}
    recorded.update({i.name: i.value for i in status.items[0].breakdowns[0].items})
    assert recorded == bullets


def test_seed_per_field_figures(seed_text, report: Report) -> None:
    """Every figure of the 各分野 tables and the 関連事業 table is a report-defined actual."""
    text = seed_text(SEED)
    tail = text.split("項目 指標 ６年度", 1)[1]
    figures = {
        float(n.replace(",", "")) for n in re.findall(r"(?<![0-9.,])([0-9][0-9,]*(?:\.[0-9]+)?)(?![0-9歳])", tail)
    }
    own = {i.id for i in report.indicators} - {"相談方法延べ件数", "相談内容延べ件数"}
    values = {float(a.value) for a in report.actuals if a.indicator in own}
    assert figures == values
    assert len(own) == 14


def test_seed_exchange_event_figures(seed_text, report: Report) -> None:
    """「54名」 and the bracketed 「分野：n名」 list of the 交流会."""
    text = seed_text(SEED)
    total = re.search(r"(\d+)名\s*\n（", text)
    parts = re.findall(r"([^（、：:\s]+(?:\s*\n\s*[^（、：:\s]+)?)[：:](\d+)名", text)
    event = next(a for a in report.activities if a.name == "いみずつなぐっとプラットフォーム交流会の開催")
    (by_field,) = event.figures[0].breakdowns
    assert total is not None and event.figures[0].value == int(total[1])
    assert [(i.name, i.value) for i in by_field.items] == [("".join(name.split()), int(n)) for name, n in parts]


def test_seed_clause_programmes_named_by_the_report(seed_text, plan: Plan) -> None:
    """The report prints no 【第…号】 tag; each clause's program is found by a name the seed prints."""
    text = _fold(seed_text(SEED))
    assert not re.search(r"第\d号", text)
    named = {
        "地域包括支援センターの運営": "第1号イ",
        "障がい者相談支援事業": "第1号ロ",
        "利用者支援事業": "第1号ハ",
        "生活困窮者自立相談支援事業": "第1号ニ",
        "参加支援事業": "第2号",
        "地域介護予防活動支援事業": "第3号イ",
        "生活支援体制整備事業": "第3号ロ",
        "地域活動支援センター設置事業": "第3号ハ",
        "地域子育て支援拠点事業": "第3号ニ",
        "生活困窮者支援等のための地域づくり事業": "第3号",
        "アウトリーチ等を通じた継続的支援事業": "第4号",
        "多機関協働事業": "第5号",
    }
    by_name = {p.name: p for p in plan.programs}
    for name, label in named.items():
        assert name in text, name
        assert clause(label) in by_name[name].clauses, name
    assert "支援プランの作成" in text and clause("第6号") in by_name["多機関協働事業"].clauses


def test_seed_has_no_priority_initiative_diagram(seed_text, plan: Plan) -> None:
    """The Imizu seed has no 重点取組 diagram, so the plan records none (only (5) 連携体制の構築等)."""
    text = seed_text(SEED)
    assert "重点取組" not in text and "取組①" not in text
    assert [i.id for i in plan.initiatives] == ["(5)"]


def test_seed_names_no_department_heading(seed_text) -> None:
    """The seed has no 所管 / 担当課 wording: the 所管課 of every program is 未記載 for that reason."""
    text = seed_text(SEED)
    assert "所管" not in text and "担当課" not in text


def test_seed_partner_notes_agree_with_each_other_and_the_text(seed_text, plan: Plan, report: Report) -> None:
    """The plan's 連携先 note and the report's 支援連携先 note say the same thing, and what the text supports: the
    names and the 件数 figures number 31 each; the lone figure of the last row has no column, so whether the columns
    hold 11・10・10 figures cannot be checked; 建築住宅課 is put in 庁内 for being a 課, not by its position."""
    text = seed_text(SEED)
    names = text.split("庁内 関係機関 公的機関", 1)[1].split("６年度", 1)[0].split()
    figures = text.split("件数 件数 件数", 1)[1].split("・相談支援・対応状況", 1)[0].split()
    assert len(names) == len(figures) == 31
    last_row = text.split("件数 件数 件数", 1)[1].split("・相談支援・対応状況", 1)[0].strip().splitlines()[-1]
    assert last_row.split() == ["1"]
    plan_note = next(n for n in _program(plan, "包括的相談支援").note if n.startswith("連携先は"))
    (table,) = report.tables
    report_note = next(n for n in table.note if "11・10・10" in n)
    for note in (plan_note, report_note):
        assert "31" in note and "列ごとの個数（11・10・10）が一致するかは確かめられない" in note
    assert "課の名称なので庁内の列とした" in plan_note
