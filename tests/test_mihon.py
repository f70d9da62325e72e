"""The fictional 見本市 plan (tests/fixtures/mihon.yaml) uses every structure of umbrellas, budgets, staffing, areas
and delivery by year; it passes `jusou check`, and each structure's rule catches a one-line slip in it."""

from __future__ import annotations

from pathlib import Path

import pytest

import jusou_spec
from jusou_spec.cli import main
from jusou_spec.fiscal import FiscalRange
from jusou_spec.model import BudgetUnit, NotStated, Plan, Report

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLAN = FIXTURES / "mihon.yaml"
REPORT = FIXTURES / "mihon-r7.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = jusou_spec.load(PLAN)
    assert isinstance(loaded, Plan)
    return loaded


def test_the_plan_and_its_report_pass_the_check(capsys) -> None:
    """`jusou check` exits 0; the one finding is the budget the plan leaves 未記載 on purpose."""
    assert main(["check", str(PLAN), str(REPORT)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if ": " in line and "件（" not in line]
    assert len(lines) == 1 and " warning NS001 「金額」は未記載です" in lines[0]


def test_every_structure_is_used(plan: Plan) -> None:
    """Umbrellas of both whole 号, members, budgets in both units with 財源, staffing, areas, delivery by year."""
    umbrellas = {p.id: p.whole for p in plan.programs if plan.is_umbrella(p)}
    assert umbrellas == {"包括的相談支援": (1,), "地域づくり": (3,)}
    assert [m.id for m in plan.members_of(plan.references.programs["包括的相談支援"])] == [
        "地域包括",
        "障害相談",
        "利用者支援",
        "自立相談",
    ]
    budgets = [b for p in plan.programs for b in p.budgets]
    assert {b.unit for b in budgets} == {BudgetUnit.YEN, BudgetUnit.THOUSAND_YEN}
    assert any(isinstance(b.amount, NotStated) for b in budgets) and all(b.year for b in budgets)
    assert {f for b in budgets for f in b.funding} == {"重層的支援体制整備事業交付金", "一般財源"}
    staff = [s for p in plan.programs for s in p.staff]
    assert any(s.years is None for s in staff) and any(isinstance(s.years, FiscalRange) for s in staff)
    assert all(s.role and s.count for s in staff) and any(s.areas for s in staff) and all(s.place for s in staff)
    assert {a.kind for a in plan.areas} == {"圏域", "校区"} and any(a.parent for a in plan.areas)
    assert any(p.areas for p in plan.programs)
    by_year = [d for p in plan.programs if isinstance(p.delivery, tuple) for d in p.delivery if d.years]
    assert by_year and any(d.applies_to for d in by_year)


def test_the_report_refers_to_the_plans_areas() -> None:
    """The R7 report's breakdown by 校区 and its activity name the plan's areas by id."""
    report = jusou_spec.load(REPORT)
    assert isinstance(report, Report)
    (breakdown,) = report.actuals[0].breakdowns
    assert [item.area for item in breakdown.items] == ["北部", "中部", "南部"]
    assert report.activities[0].areas == ("東部", "西部")


SLIPS = [
    pytest.param(
        ("    号全体: 第3号\n", "    号全体: 第2号\n"),
        "CL002",
        "第2号にはイ・ロ・ハ・ニの区分がありません。号全体ではなく「号: 第2号」と書きます",
        "第2号 has no lettered items; write it under 号",
        id="a whole item without letters",
    ),
    pytest.param(
        ("    号: 第1号ハ\n", "    関連事業: true\n"),
        "CL001",
        "本格実施の年度（R7、R8）に第1号ハ（利用者支援事業）を実施する事業がありません",
        "no program implements 第1号ハ",
        id="the user-support program no longer carries 第1号ハ",
    ),
    pytest.param(
        ("    号: 第1号ハ\n", "    関連事業: true\n"),
        "CL005",
        "上位事業「包括的相談支援事業」の下に、第1号ハを実施する事業がありません",
        "no program under the umbrella '包括的相談支援事業' carries 第1号ハ",
        id="the umbrella's letter without a member",
    ),
    pytest.param(
        ("    圏域: [中部]\n", "    圏域: [中央]\n"),
        "AR001",
        "「中央」という圏域は宣言されていません",
        "no area '中央' is declared",
        id="an undeclared area",
    ),
    pytest.param(
        ("{年度: R8, 金額: 53500", "{年度: R9, 金額: 53500"),
        "BG001",
        "「包括的相談支援事業」の予算の年度（R9）が計画期間（R6～R8）の外にあります",
        "the budget year of '包括的相談支援事業' (R9) lies outside the plan period",
        id="a budget year outside the period",
    ),
    pytest.param(
        ("{年度: R8, 金額: 5100000, 単位: 円", "{年度: R8, 金額: 5100, 単位: 千円"),
        "BG002",
        "「参加支援事業」の予算（R8）の単位が千円ですが、最初の予算は円です",
        "is in 千円, its first budget in 円",
        id="mixed budget units",
    ),
    pytest.param(
        ("      - {方式: 委託, 年度: R7～R8, 委託先: [見本市社会福祉協議会]}\n    注記", "    注記"),
        "DL004",
        "「生活困窮者自立相談支援事業」はR7、R8に実施する事業ですが、その年度の実施方式がありません",
        "runs in R7, R8 but no 実施方式 holds",
        id="years without a delivery",
    ),
    pytest.param(
        (
            "{方式: 直営, 年度: R6}\n      - {方式: 委託, 年度: R7～R8, 委託先: [特定",
            "{方式: 直営, 年度: R6～R7}\n      - {方式: 委託, 年度: R7～R8, 委託先: [特定",
        ),
        "DL004",
        "「アウトリーチ等を通じた継続的支援事業」のR7の実施方式が直営と委託の二つあります",
        "has two deliveries in R7",
        id="two deliveries in one year",
    ),
]


@pytest.mark.parametrize(("edit", "code", "ja", "en"), SLIPS)
def test_each_rule_catches_its_slip(tmp_path, capsys, edit, code, ja, en) -> None:
    """One edit of the plan gives the rule's finding, in Japanese by default and in English with --lang en."""
    text = PLAN.read_text(encoding="utf-8")
    old, new = edit
    assert text.count(old) == 1, old
    mutated = tmp_path / "mihon.yaml"
    mutated.write_text(text.replace(old, new), encoding="utf-8")
    main(["check", str(mutated)])
    assert any(f" {code} " in line and ja in line for line in capsys.readouterr().out.splitlines())
    main(["check", "--lang", "en", str(mutated)])
    assert any(f" {code} " in line and en in line for line in capsys.readouterr().out.splitlines())
