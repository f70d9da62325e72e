"""Suppression in the document: a finding set aside with a reason stays visible and stops counting; a faulty
suppression is itself a finding (SP001-SP004); it works the same in plans, reports and in-memory plans."""

from __future__ import annotations

import textwrap

import attrs

from jusou_spec.checker import check_plan, check_source
from jusou_spec.cli import main
from jusou_spec.model import Plan, Suppression
from jusou_spec.rules import RULES
from jusou_spec.selection import choose
from jusou_spec.source import parse_source

PLAN = """\
jusou: plan/1
自治体: {名称: 見本市, 都道府県: 見本県}
計画名: 見本市重層的支援体制整備事業実施計画
計画期間: R6～R8
実施形態: 移行準備事業
事業:
  - id: アウトリーチ
    名称: アウトリーチ等を通じた継続的支援事業
    号: 第4号
    実施方式: [委託]
    所管課: {未記載: 見本のため}
  - id: 参加
    名称: 参加支援事業
    号: 第2号
    所管課: {未記載: 見本のため}
"""


def _check(suppressions: str, *, text: str = PLAN, rules=RULES):
    document = text + ("抑制:\n" + textwrap.indent(textwrap.dedent(suppressions), "  ") if suppressions else "")
    return check_source(parse_source(document, name="plan.yaml"), rules=rules).findings


def _codes(findings, *, suppressed=False):
    return sorted((f.code, f.pointer) for f in findings if bool(f.suppressed) is suppressed)


def test_a_suppressed_finding_is_kept_with_its_reason():
    """The DL001 at the delivery is marked with the reason; nothing else changes and no SP finding appears."""
    findings = _check("""\
        - 規則: DL001
          位置: /事業/0/実施方式/0
          理由: 出典は委託先を記載していない
        """)
    (marked,) = [f for f in findings if f.suppressed]
    assert (marked.code, marked.pointer, marked.suppressed) == (
        "DL001",
        "/事業/0/実施方式/0",
        "出典は委託先を記載していない",
    )
    assert not [f for f in findings if f.code.startswith("SP")]


def test_a_suppression_covers_its_place_and_what_lies_below_only():
    """位置 /事業/0 covers /事業/0/所管課 but not /事業/1/所管課; "" covers the whole document."""
    findings = _check("""\
        - {規則: NS001, 位置: /事業/0, 理由: 出典に所管課がない}
        """)
    assert _codes(findings, suppressed=True) == [("NS001", "/事業/0/所管課")]
    assert ("NS001", "/事業/1/所管課") in _codes(findings)
    everywhere = _check("""\
        - {規則: NS001, 位置: "", 理由: 報告書に所管課の記載がない}
        """)
    assert _codes(everywhere, suppressed=True) == [("NS001", "/事業/0/所管課"), ("NS001", "/事業/1/所管課")]


def test_a_prefix_of_a_token_is_not_a_place():
    """位置 /事業/1 does not cover /事業/10… (pointers are compared token by token)."""
    programs = "".join(
        f"  - {{id: p{n}, 名称: 事業{n}, 関連事業: true, 所管課: {{未記載: 見本}}}}\n" for n in range(2, 11)
    )
    findings = _check(
        """\
        - {規則: NS001, 位置: /事業/1, 理由: 見本}
        """,
        text=PLAN + programs,
    )
    assert _codes(findings, suppressed=True) == [("NS001", "/事業/1/所管課")]


def test_a_suppressed_error_no_longer_fails_the_check(tmp_path, capsys):
    """The only error suppressed: exit 0, the line says suppressed and gives the reason, the count says 1 suppressed."""
    path = tmp_path / "plan.yaml"
    path.write_text(
        PLAN.replace("号: 第2号", "号: 第2号\n    注記: 電話 090-1234-5678")
        + "抑制:\n  - {規則: PI001, 位置: /事業/1/注記, 理由: 市の窓口の公開番号}\n",
        encoding="utf-8",
    )
    assert main(["check", "--lang", "en", "--ignore", "NS,DP,TG,RP,CL,DL", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("(suppressed: 市の窓口の公開番号)") and ": suppressed PI001 " in out[0]
    assert out[-1] == "0 error(s), 0 warning(s), 0 info, 1 suppressed in 1 file(s)"


def test_a_suppression_without_a_reason_is_an_error_and_is_not_applied():
    """SP001 at the suppression; the DL001 it meant stays a live warning."""
    findings = _check("""\
        - {規則: DL001, 位置: /事業/0/実施方式/0}
        """)
    (problem,) = [f for f in findings if f.code == "SP001"]
    assert (problem.pointer, problem.line, problem.column, problem.severity.value) == ("/抑制/0", 17, 5, "error")
    assert ("DL001", "/事業/0/実施方式/0") in _codes(findings)


def test_a_suppression_that_matches_nothing_is_a_warning():
    """SP002: at the suppression when the place exists, at its 位置 when the place does not exist."""
    findings = _check("""\
        - {規則: DL002, 位置: /事業/0, 理由: 古い抑制}
        - {規則: DL001, 位置: /事業/9, 理由: 行き先のない抑制}
        """)
    unused = sorted((f.pointer, f.message.ja, f.line, f.column) for f in findings if f.code == "SP002")
    assert [(pointer, line, column) for pointer, _, line, column in unused] == [
        ("/抑制/0", 17, 5),
        ("/抑制/1/位置", 18, 17),
    ]
    assert "指摘が「/事業/0」にありません" in unused[0][1]
    assert "位置「/事業/9」は文書にありません" in unused[1][1]


def test_unknown_codes_and_basic_checks_cannot_be_suppressed():
    """SP003 for a code that does not exist, SP004 for a loader/schema/model check, each at 規則."""
    findings = _check("""\
        - {規則: ZZ999, 位置: "", 理由: 存在しない}
        - {規則: SV001, 位置: "", 理由: スキーマは抑制できない}
        """)
    assert sorted(
        (f.code, f.pointer, f.severity.value, f.line, f.column) for f in findings if f.code.startswith("SP")
    ) == [
        ("SP003", "/抑制/0/規則", "error", 17, 6),
        ("SP004", "/抑制/1/規則", "error", 18, 6),
    ]


def test_a_suppression_of_a_rule_that_did_not_run_is_not_called_unused():
    """With DL001 ignored, its suppression is neither applied nor reported as unused."""
    rules = choose(RULES, ignore=["DL001"])
    findings = _check(
        """\
        - {規則: DL001, 位置: /事業/0/実施方式/0, 理由: 出典は委託先を記載していない}
        """,
        rules=rules,
    )
    assert not [f for f in findings if f.code in ("DL001", "SP002")]


def test_suppression_works_in_a_report():
    """A report's 抑制 marks its NS001 the same way."""
    report = """\
jusou: report/1
自治体: {名称: 見本市, 都道府県: 見本県}
報告名: 見本市 実施状況
年度: R6
計画: {未記載: 計画がない}
抑制:
  - {規則: NS001, 位置: /計画, 理由: この市には実施計画がない}
"""
    findings = check_source(parse_source(report, name="report.yaml")).findings
    assert [(f.code, f.pointer, f.suppressed) for f in findings if f.code == "NS001"] == [
        ("NS001", "/計画", "この市には実施計画がない")
    ]


def test_check_plan_applies_the_plan_s_suppressions():
    """A plan in memory: its suppressions apply to the findings of check_plan too."""
    import yaml

    plan, _ = Plan.from_document(yaml.safe_load(PLAN))
    plan = attrs.evolve(
        plan, suppressions=(Suppression(code="DL001", at="/事業/0/実施方式/0", reason="見本", pointer="/抑制/0"),)
    )
    findings = check_plan(plan)
    assert [(f.code, f.suppressed) for f in findings if f.code == "DL001"] == [("DL001", "見本")]


def test_a_suppression_can_name_what_it_is_about():
    """対象 narrows a suppression: a clause silences only the finding naming it (第1号 is not 第1号イ), an id the
    findings inside that item, a key the findings at that key."""
    full = PLAN.replace("実施形態: 移行準備事業", "実施形態: 本格実施")
    findings = _check(
        """\
        - {規則: CL001, 位置: /事業, 対象: 第6号, 理由: 出典に第6号の事業がない}
        - {規則: NS001, 位置: "", 対象: 参加, 理由: 参加支援事業の所管課は未定}
        - {規則: DL001, 位置: "", 対象: 実施方式, 理由: 出典は委託先を記載していない}
        """,
        text=full,
    )
    suppressed = [(f.code, f.pointer) for f in findings if f.suppressed]
    assert sorted(suppressed) == [("CL001", "/事業"), ("DL001", "/事業/0/実施方式/0"), ("NS001", "/事業/1/所管課")]
    (clause,) = [f for f in findings if f.suppressed and f.code == "CL001"]
    assert "第6号" in clause.message.ja
    assert not [f for f in findings if f.code.startswith("SP")]
    subject = _check("- {規則: CL001, 位置: /事業, 対象: 第1号, 理由: 見本}\n", text=full)
    assert not [f for f in subject if f.suppressed] and [f.code for f in subject if f.code == "SP002"] == ["SP002"]


def test_one_suppression_silencing_several_findings_is_a_warning_unless_it_means_all():
    """SP005 names the count and the remedy; すべて: true says the breadth is meant."""
    full = PLAN.replace("実施形態: 移行準備事業", "実施形態: 本格実施")
    findings = _check("- {規則: CL001, 位置: /事業, 理由: 出典に事業がない}\n", text=full)
    (broad,) = [f for f in findings if f.code == "SP005"]
    count = len([f for f in findings if f.suppressed])
    assert count > 1 and broad.severity.value == "warning" and broad.pointer == "/抑制/0"
    assert f"{count} 件の指摘を抑制しています" in broad.message.ja and "すべて: true" in broad.message.ja
    meant = _check("- {規則: CL001, 位置: /事業, すべて: true, 理由: 出典に事業がない}\n", text=full)
    assert not [f for f in meant if f.code == "SP005"] and len([f for f in meant if f.suppressed]) == count


def test_the_text_output_says_suppressed_in_japanese_by_default(tmp_path, capsys):
    """ja: 「抑制 DL001 …（抑制の理由: …）」 and 抑制 1 件; en: suppressed."""
    path = tmp_path / "plan.yaml"
    path.write_text(
        PLAN + "抑制:\n  - {規則: DL001, 位置: /事業/0, 理由: 出典は委託先を記載していない}\n", encoding="utf-8"
    )
    main(["check", "--select", "DL001", str(path)])
    out = capsys.readouterr().out.splitlines()
    assert ": 抑制 DL001 " in out[0] and out[0].endswith("（抑制の理由: 出典は委託先を記載していない）")
    assert "抑制 1 件" in out[-1]
    main(["check", "--lang", "en", "--select", "DL001", str(path)])
    assert ": suppressed DL001 " in capsys.readouterr().out
