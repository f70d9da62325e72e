"""Fidelity of plans/ashiya.yaml to 芦屋市's plan (seed 001_ashiya_plan_R4-R8_revised_R6.txt).

The expectations below are written out by hand from the source text (its section is cited beside each); they do
not re-read the YAML. The tests at the end extract figures and names from the source text itself and check that
the model holds every one of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

import jusou_spec
from jusou_spec.fiscal import FiscalYear
from jusou_spec.model import NotStated, Plan
from jusou_spec.model.meetings import FlowKind, MeetingKind

SEED = "001_ashiya_plan_R4-R8_revised_R6.txt"
PATH = Path(__file__).resolve().parents[2] / "plans" / "ashiya.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = jusou_spec.load(PATH)
    assert isinstance(loaded, Plan)
    return loaded


def program(plan: Plan, label: str):
    found = [p for p in plan.programs if p.label == label]
    assert len(found) == 1, label
    return found[0]


def item(plan: Plan, ident: str):
    return plan.references.items[ident]


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# ------------------------------------------------------------------ the document


def test_file_starts_with_schema_line_and_marker():
    """The file names its schema on the first line and declares itself a plan/1 document."""
    lines = PATH.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schemas/plan.schema.json"
    assert lines[1] == "jusou: plan/1"


def test_checks_without_errors_and_only_expected_not_stated_warnings(plan):
    """jusou check finds no error, and the 未記載 warnings are exactly the values the source does not give."""
    findings = jusou_spec.check(plan)
    assert [f for f in findings if f.severity is jusou_spec.Severity.ERROR] == []
    not_stated = sorted(f.pointer for f in findings if f.code == "NS001")
    expected = sorted(
        ["/関連計画/0/期間", "/関連計画/1/期間", "/関連計画/2/期間"]
        # 参加支援, 多機関協働, アウトリーチ: no 支援機関/活動場所等 line (section 5 (2), (4), (5))
        + ["/事業/5/活動場所", "/事業/11/活動場所", "/事業/12/活動場所"]
        # アウトリーチ: 「委託」 with no contractor named (section 5 (5) ア)
        + ["/事業/12/実施方式/0/委託先/0"]
        # no target names a year (section 5): 5 + 2 + 2 targets
        + [f"/事業/5/成果目標/{n}/目標/0/年度" for n in range(5)]
        + [f"/事業/11/成果目標/{n}/目標/0/年度" for n in range(2)]
        + [f"/事業/12/成果目標/{n}/目標/0/年度" for n in range(2)]
        # B and D: consent not stated; B, C, D, 庁内連携会議, 部会: members not stated
        + ["/会議/1/本人同意", "/会議/3/本人同意"]
        + [f"/会議/{n}/構成員" for n in (1, 2, 3, 4, 5)]
    )
    assert not_stated == expected


def test_municipality_title_period_revision_and_mode(plan):
    """芦屋市; R4–R8 (section 3); revised in R6 (section 3); full implementation in every year."""
    assert plan.municipality.name == "芦屋市"
    assert plan.source is not None and plan.source.file == SEED
    assert str(plan.period) == "R4～R8"
    assert [str(r.year) for r in plan.revisions] == ["R6"]
    assert [str(y) for y in plan.years()] == ["R4", "R5", "R6", "R7", "R8"]
    assert {plan.mode_in(y).value for y in plan.years()} == {"本格実施"}


def test_purpose_and_policy(plan):
    """Section 2 is the purpose; the last paragraph of section 1 (理念) is the policy."""
    assert plan.purpose[0].startswith("本計画は、社会福祉法第 106 条の５に基づき策定するもので")
    assert plan.purpose[0].endswith("各施策の効果を相乗的に発揮させることを目的とします。")
    assert plan.policy[0].startswith("本市においては、既に取り組んでいる相談支援や地域づくり支援等の拡充を図り")
    assert plan.policy[0].endswith("地域住民のつながりや関係性づくりを行うことを理念とし、実施します。")
    headings = [n.heading for n in plan.narratives]
    assert headings == [
        "１ 重層的支援体制整備事業の概要",
        "３ 計画期間及び事業評価・推進",
        "４ 取組",
        "５ 実施内容及び実施体制",
    ]
    assert len(plan.narratives[0].content) == 2  # section 1 without its last paragraph
    assert len(plan.narratives[1].content) == 4  # section 3: period, evaluation, revision, review


# ------------------------------------------------------------------ related plans


def test_related_plans_kinds_and_unstated_periods(plan):
    """The 第４次芦屋市地域福祉計画 (section 2), the 地域福祉推進計画 (section 4) and the vision of 図４; no period given."""
    related = {(r.id, r.name, r.kind) for r in plan.related_plans}
    assert related == {
        ("地域福祉計画", "第４次芦屋市地域福祉計画", "地域福祉計画"),
        ("地域福祉推進計画", "地域福祉推進計画", "地域福祉推進計画"),
        ("中長期展開ビジョン", "地域づくり実践の中長期展開ビジョン", "その他"),
    }
    for related_plan in plan.related_plans:
        assert isinstance(related_plan.period, NotStated)
        # the source lists neither the 施策 nor the アクション by name
        assert related_plan.measures is None and related_plan.actions is None


def test_measure_and_action_numbers_are_linked_but_unchecked(plan):
    """Every 施策/アクション number links to its plan; with no list in the source, none can be checked."""
    links = plan.references.item_links
    assert links and all(not link.checked and link.plan is not None for link in links)
    assert {link.plan.id for link in links if link.relation == "施策"} == {"地域福祉計画"}
    assert {link.plan.id for link in links if link.relation == "アクション"} == {"地域福祉推進計画"}


# ------------------------------------------------------------------ initiatives (section 4)

INITIATIVES = {
    # number: (name, domains, summary, 施策, アクション)
    "(1)": (
        "多機関協働の体制整備",
        ("包括的相談", "多機関協働", "アウトリーチ"),
        "個別支援をベースにしつつ、参加支援や地域づくりを意識して多機関が協働する体制を整備します。",
        (1, 2, 4, 5, 7, 8, 9),
        (7, 8, 9),
    ),
    "(2)": (
        "個別支援からの課題抽出・資源創出",
        ("多機関協働", "参加支援", "地域づくり"),
        "個別支援を通じた課題抽出に加え、課題解決のための具体的な実践につなげます。",
        (1, 2, 5, 8, 19),
        (8, 9, 10),
    ),
    "(3)": (
        "参加支援の推進とプラットフォームの形成",
        ("参加支援", "地域づくり", "アウトリーチ"),
        "社会的に孤立する人などの社会参加支援とプラットフォームの形成に取り組みます。",
        (1, 3, 6, 7, 10, 13, 17),
        (2, 4, 5, 6),
    ),
    "(4)": (
        "地域の社会資源やつながり等を生かした地域づくりの推進",
        ("地域づくり", "参加支援"),
        "地域の社会資源などを改めて見つめなおしたうえで、地域づくりを進めます。",
        (8, 9, 15, 16),
        (1, 2, 3, 5),
    ),
    "(5)": (
        "(1)～(4)を推進する人材育成・支援者支援",
        (),  # the heading has no parenthetical list
        "本計画を進めていくにあたり、人材育成や支援者支援に取り組みます。",
        (1, 3, 8, 11, 13, 19),
        (10, 11),
    ),
}


def test_five_initiatives_with_domains_summaries_and_links(plan):
    """Section 4 lists five initiatives, each with its domains, summary, 施策 and アクション numbers."""
    assert [i.number for i in plan.initiatives] == list(INITIATIVES)
    for initiative in plan.initiatives:
        name, domains, summary, measures, actions = INITIATIVES[initiative.number]
        assert initiative.name == name
        assert initiative.domains == domains
        assert initiative.summary == (summary,)
        assert initiative.measures.plan == "地域福祉計画" and initiative.measures.numbers == measures
        assert initiative.actions.plan == "地域福祉推進計画" and initiative.actions.numbers == actions


ITEMS = {
    # id: (name, lead bodies) — section 4, ＜中心となる取組主体：…＞
    "(1)ア": ("多機関による協働体制の強化", ("地域福祉課",)),
    "(1)イ": ("多機関協働による社会参加を見据えた世帯まるごと支援", ("重層的支援のチーム会議",)),
    "(1)ウ": ("庁内連携体制の充実", ("地域福祉課",)),
    "(2)ア": ("重層的支援のチーム会議機能や関連会議フローの再検討", ("重層的支援のチーム会議",)),
    "(2)イ": ("地域生活課題の意識の醸成", ("社会福祉協議会", "地域福祉課")),
    "(2)ウ": ("【再掲】多機関協働による社会参加を見据えた世帯まるごと支援", ("重層的支援のチーム会議",)),
    "(3)ア": ("多機関の協働による参加支援の推進", ("多機関協働推進委員会",)),
    "(3)イ": ("居場所等での様々な相談を受け止める体制づくり", ("地域支え合い推進員", "社会福祉協議会地区担当職員")),
    "(3)ウ": (
        "「こえる場！」の参画企業・団体や他の活動団体等との協働のプラットフォーム化",
        ("地域福祉課", "各企業団体"),
    ),
    "(3)エ": ("社会参加支援の充実による、社会参加機会の創出", ("地域福祉課",)),
    "(4)ア": (
        "社会福祉協議会地区担当職員（コミュニティワーカー）と地域支え合い推進員（生活支援体制整備事業）の協働による住民主体の福祉活動の推進",
        ("社会福祉協議会地区担当職員", "地域支え合い推進員"),
    ),
    "(4)イ": (
        "地域住民との協働による地域プロフィールと地域ビジョンづくり【継続】",
        ("社会福祉協議会地区担当職員（コミュニティワーカー）", "地域支え合い推進員"),
    ),
    "(4)ウ": ("地域づくり・地域福祉のネットワーク化", ("社会福祉協議会", "地域福祉課")),
    "(4)エ": ("地域福祉とまちづくりのプラットフォームづくり", ("地域福祉課", "社会福祉協議会")),
    "(5)ア": ("「包括的」と「重層的」の両方の視点を持つ専門職の育成", ("社会福祉協議会", "地域福祉課")),
    "(5)イ": (
        "参加支援や地域づくりに向けた各種会議やプロジェクト等の場での人材育成の取組検討",
        ("社会福祉協議会", "地域福祉課"),
    ),
    "(5)ウ": ("支援者支援に必要な取組の検討", ("地域福祉課", "社会福祉協議会")),
}


def test_items_names_and_lead_bodies(plan):
    """Every sub-item ア–エ of section 4 with its name and lead bodies, in order."""
    found = [(it.id, it.name, it.leads) for i in plan.initiatives for it in i.items]
    assert found == [(ident, name, leads) for ident, (name, leads) in ITEMS.items()]


def test_footnote_of_the_district_staff_is_kept(plan):
    """The ※ footnote under (3)イ (CW and CSW) survives as the item's note."""
    note = "".join(item(plan, "(3)イ").note)
    assert "コミュニティワーカーとコミュニティソーシャルワーカーを指します。" in note


def test_repeated_item_points_at_its_original(plan):
    """(2)ウ 【再掲】 repeats (1)イ and has no text of its own (section 4 (2) ウ)."""
    assert [(a.id, b.id) for a, b in plan.references.repeats] == [("(2)ウ", "(1)イ")]
    assert item(plan, "(2)ウ").content == ()


def test_lead_bodies_that_are_meetings_resolve(plan):
    """重層的支援のチーム会議 and 多機関協働推進委員会 as lead bodies resolve to meetings A and C."""
    resolved = {(lead.item.id, lead.meeting.id) for lead in plan.references.leads if lead.meeting}
    assert resolved == {("(1)イ", "A"), ("(2)ア", "A"), ("(2)ウ", "A"), ("(3)ア", "C")}


def test_figures_and_their_captions(plan):
    """図１, 図２－１, 図２－２, 図３, 図４ with their captions as printed (section 4)."""
    figures = [(f.number, f.title) for i in plan.initiatives for f in i.figures]
    assert figures == [
        ("図１", "多機関協働の体制整備 関係図"),
        ("図２－１", "ケースから施策の検討を進める各種会議体の機能"),
        ("図２－２", "図２－２"),  # printed without a title
        ("図３", "参加支援の一体的推進とプラットフォームの形成 イメージ図"),
        ("図４", "地域アセスメントを踏まえた地域づくりの推進 イメージ図"),
    ]
    described = {f.number: len(f.description) for i in plan.initiatives for f in i.figures}
    assert described == {"図１": 4, "図２－１": 0, "図２－２": 3, "図３": 1, "図４": 3}


# ------------------------------------------------------------------ the schedule table (重層的支援体制整備事業 年度計画)

SCHEDULE = {
    "(1)ア": (
        [
            ("R4～R5", "多機関協働推進委員会の設置（生活困窮者自立支援推進協議会のリノベーション）"),
            ("R6～R8", "多機関による協働体制の強化"),
        ],
        [
            "生活困窮者自立支援推進協議会でプロジェクトの検討",
            "多機関協働推進委員会の設置・プロジェクトの検討",
            "多機関協働推進委員会における計画の進捗管理及び評価",
        ],
    ),
    "(1)イ": (
        [
            ("R4～R5", "総合相談連絡会のリノベーションによる多機関協働支援会議の構築"),
            ("R6～R8", "多機関協働による社会参加を見据えた世帯まるごと支援"),
        ],
        [
            "総合相談連絡会参加者との認識共有",
            "多機関協働支援会議の構築・地域課題の明確化と解決策の検討",
            "多機関協働支援会議の運営及び機能の充実",
        ],
    ),
    "(1)ウ": (
        [("R4～R8", "庁内連携体制の充実")],
        ["庁内連携会議の設置・人材育成の検討", "庁内連携の機会となる場の整理及び充実"],
    ),
    "(2)ア": (
        [("R4～R5", "重層的支援のチーム会議の設置"), ("R6～R8", "重層的支援のチーム会議機能や関連会議フローの再検討")],
        ["重層的支援のチーム会議の設置", "各種検討", "重層的支援のチーム会議機能や関連会議フローの再検討"],
    ),
    "(2)イ": (
        [("R4～R5", "各個別支援会議での各分野で共通する地域課題の抽出"), ("R6～R8", "地域生活課題の意識の醸成")],
        ["各会議での地域課題抽出", "各種会議運営の企画プロセスからの参画", "（分野ごとの課題はそれぞれで取組実施）"],
    ),
    "(2)ウ": (  # 【(1)イ再掲】
        [
            ("R4～R5", "総合相談連絡会のリノベーションによる多機関協働支援会議の構築"),
            ("R6～R8", "多機関協働による社会参加を見据えた世帯まるごと支援"),
        ],
        [
            "総合相談連絡会参加者との認識共有",
            "多機関協働支援会議の構築・地域課題の明確化と解決策の検討",
            "多機関協働支援会議の運営及び機能の充実",
        ],
    ),
    "(3)ア": (
        [("R4～R5", "居場所の現状分析プロジェクト"), ("R6～R8", "多機関の協働による参加支援の推進")],
        ["居場所の現状分析", "居場所づくりの推進", "居場所プロジェクトでの検討や取組の推進"],
    ),
    "(3)イ": (
        [("R4～R8", "居場所等での様々な相談を受け止める体制づくり")],
        ["相談を受け止める体制構築", "つどいの場の機能の充実"],
    ),
    "(3)ウ": (
        [
            ("R4～R5", "「こえる場！」の参画企業・団体や他の活動団体等との協働"),
            ("R6～R8", "「こえる場！」の参画企業・団体や他の活動団体等との協働のプラットフォーム化"),
        ],
        ["協働推進", "「こえる場！」事務局運営の体制検討"],
    ),
    "(3)エ": ([("R6～R8", "社会参加支援の充実による、社会参加機会の創出")], ["ニーズの把握と機会の検討"]),
    "(4)ア": (
        [
            (
                "R4～R8",
                "社会福祉協議会地区担当職員（コミュニティワーカー）と地域支え合い推進員（生活支援体制整備事業）の協働による住民主体の福祉活動の推進",
            )
        ],
        ["機能強化の仕組みづくり", "活動組織・団体への働きかけ"],
    ),
    "(4)イ": (
        [("R4～R8", "地域住民との協働による地域プロフィールと地域ビジョンづくり")],
        ["地域アセスメントの実施", "地域プロフィールづくり・地域ビジョンづくり"],
    ),
    "(4)ウ": (
        [("R4～R8", "地域づくり・地域福祉のネットワーク化")],
        [
            "市民・専門職・市の連携の在り方の検討",
            "地域福祉のネットワークの再構築の検討",
            "地域福祉のネットワーク再構築に向けた試行実施",
        ],
    ),
    "(4)エ": (
        [("R6～R8", "地域福祉とまちづくりのプラットフォームづくり")],
        ["福祉のまちづくり委員会での地域づくりに向けた検討"],
    ),
    "(5)ア": (
        [("R4～R8", "「包括的」と「重層的」の両方の視点を持つ専門職の育成")],
        ["研修の整理", "研修の体系化・試行", "研修の実施"],
    ),
    "(5)イ": (
        [
            ("R4～R5", "参加支援や地域づくりを担う地域福祉人材（専門職・地域住民）を育成する研修のあり方の検討"),
            ("R6～R8", "参加支援や地域づくりに向けた各種会議やプロジェクト等の場での人材育成の取組検討"),
        ],
        [
            "専門職への研修",
            "地域住民が担い手となる取組検討",
            "専門職と住民の相互交流となる場の把握及び分析",
            "把握した場での試行実施",
        ],
    ),
    "(5)ウ": ([("R6～R8", "支援者支援に必要な取組の検討")], ["現状把握及び課題整理", "取組の検討"]),
}


def test_every_schedule_phase_and_cell(plan):
    """Every phase (with its range) and every year cell of the table, under the item its letter names."""
    for ident, (phases, cells) in SCHEDULE.items():
        schedule = item(plan, ident).schedule
        assert [(str(p.period), p.name) for p in schedule.phases] == phases, ident
        assert [c.text for c in schedule.cells] == cells, ident
    scheduled = {it.id for i in plan.initiatives for it in i.items if it.schedule is not None}
    assert scheduled == set(SCHEDULE)


def test_no_schedule_cell_claims_a_year(plan):
    """The extracted table lost its columns: no cell says which year it is, and each item explains why."""
    for initiative in plan.initiatives:
        for entry in initiative.items:
            assert all(cell.years is None for cell in entry.schedule.cells), entry.id
            assert entry.schedule.note, entry.id


# ------------------------------------------------------------------ programs (section 5)


def test_programs_per_clause(plan):
    """Section 5 tags 12 programs; 利用者支援事業 has two variants, 多機関協働事業 two clauses."""
    per_clause = Counter(c.label for p in plan.programs for c in p.clauses)
    assert per_clause == {
        "第1号イ": 1, "第1号ロ": 1, "第1号ハ": 2, "第1号ニ": 1, "第2号": 1,
        "第3号イ": 1, "第3号ロ": 1, "第3号ハ": 1, "第3号ニ": 1, "第3号": 1,
        "第4号": 1, "第5号": 1, "第6号": 1,
    }  # fmt: skip
    assert len(plan.programs) == 13


PROGRAMS = [
    # label, clauses, 区分, 分野, 実施方式 [(方式, 委託先種別)], 所管課 — section 5 (1)–(5), in the source's order
    ("地域包括支援センターの運営", ["第1号イ"], "包括的相談支援", "高齢", [("委託", "社会福祉法人等")], ["高齢介護課"]),
    ("相談支援事業", ["第1号ロ"], "包括的相談支援", "障がい", [("委託", "社会福祉法人")], ["障がい福祉課"]),
    ("利用者支援事業（特定型）", ["第1号ハ"], "包括的相談支援", "子ども", [("直営", None)], ["ほいく課"]),
    ("利用者支援事業（こども家庭センター型）", ["第1号ハ"], "包括的相談支援", "子ども", [("直営", None)], ["こども家庭・保健センター"]),
    ("生活困窮者自立相談支援事業", ["第1号ニ"], "包括的相談支援", "生活困窮", [("委託", "社会福祉法人")], ["地域福祉課"]),
    ("参加支援事業", ["第2号"], "参加支援", None, [("委託", "社会福祉法人等")], ["地域福祉課"]),
    ("地域介護予防活動支援事業", ["第3号イ"], "地域づくりに向けた支援", "高齢", [("委託", "社会福祉法人"), ("補助金", None)], ["地域福祉課", "高齢介護課"]),
    ("生活支援体制整備事業", ["第3号ロ"], "地域づくりに向けた支援", "高齢", [("委託", "社会福祉法人等")], ["地域福祉課"]),
    ("地域活動支援センター機能強化事業", ["第3号ハ"], "地域づくりに向けた支援", "障がい", [("補助金", None)], ["障がい福祉課"]),
    ("地域子育て支援拠点事業", ["第3号ニ"], "地域づくりに向けた支援", "子ども", [("直営", None), ("委託", "社会福祉法人")], ["こども家庭・保健センター"]),
    ("生活困窮者支援等のための地域づくり事業", ["第3号"], "地域づくりに向けた支援", "生活困窮", [("委託", "社会福祉法人")], ["地域福祉課"]),
    ("多機関協働事業", ["第5号", "第6号"], "多機関協働", None, [("直営", None), ("委託", "社会福祉法人")], ["地域福祉課"]),
    ("アウトリーチ等を通じた継続的支援事業", ["第4号"], "アウトリーチ等を通じた継続的支援", None, [("委託", None)], ["地域福祉課"]),
]  # fmt: skip


def test_programs_clause_section_field_delivery_and_department(plan):
    """Each program's clause, section, field, delivery (with contractor kind) and departments, as printed."""
    found = [
        (
            p.label,
            [c.label for c in p.clauses],
            p.section,
            p.field.value if p.field else None,
            [(d.mode.value, d.contractor_type) for d in p.delivery],
            list(p.departments),
        )
        for p in plan.programs
    ]
    assert found == [tuple(row) for row in PROGRAMS]


def test_set_of_departments(plan):
    """The 所管課 named anywhere in section 5."""
    assert set(plan.references.departments) == {
        "高齢介護課",
        "障がい福祉課",
        "ほいく課",
        "こども家庭・保健センター",
        "地域福祉課",
    }


def test_grant_recipients_of_the_care_prevention_program(plan):
    """【通いの場づくり事業補助金】: the grant goes to 団体又は個人 that run a 通いの場 (section 5 (3) ア)."""
    grant = next(d for d in program(plan, "地域介護予防活動支援事業").delivery if d.mode.value == "補助金")
    assert grant.recipient_type == "通いの場を運営する団体又は個人"
    assert grant.applies_to == ("通いの場づくり事業補助金",)
    headings = [s.heading for s in program(plan, "地域介護予防活動支援事業").content]
    assert headings == [
        "介護予防リーダー養成講座",
        "地域介護予防活動支援事業",
        "生活支援型訪問サービス従事者研修事業",
        "ひとり一役活動推進事業",
        "通いの場づくり事業補助金",
    ]


SITES = {
    # label: [(名称, 区分, 箇所数, 内訳)] — 支援機関 / 活動場所等
    "地域包括支援センターの運営": [("地域包括支援センター", None, 5, ("東山手", "西山手", "精道", "打出浜", "潮見"))],
    "相談支援事業": [("障がい者基幹相談支援センター", None, 1, ()), ("障がい者相談支援事業", None, 1, ())],
    "利用者支援事業（特定型）": [("市役所", None, 1, ())],
    "利用者支援事業（こども家庭センター型）": [("こども家庭・保健センター", None, 1, ())],
    "生活困窮者自立相談支援事業": [("総合相談窓口", None, 1, ())],
    "地域介護予防活動支援事業": [("市内全域", None, None, ())],
    "生活支援体制整備事業": [
        ("市内全域", "第１層", None, ()),
        ("圏域", "第２層", 4, ("東山手", "西山手", "精道", "潮見")),
    ],
    "地域活動支援センター機能強化事業": [
        (None, "市内", 3, ("はまゆう", "みんなの麦の家", "ホザナ・カフェ")),
        (None, "市外", 4, ("すももクラブ", "Wakaba", "地球屋本舗", "夢ふうせん")),
    ],
    "地域子育て支援拠点事業": [
        ("子育てセンター", "一般型", None, ()),
        ("認定こども園", "一般型", 3, ()),
        ("上宮川文化センター", "出張ひろば", None, ()),
        ("幼稚園", "出張ひろば", 1, ()),
    ],
    "生活困窮者支援等のための地域づくり事業": [("市内全域", None, None, ())],
}


def test_sites_counts_and_names(plan):
    """Every 支援機関/活動場所等 with its count and the names in brackets; three programs state none."""
    for p in plan.programs:
        if p.label in SITES:
            assert [(s.name, s.category, s.count, s.names) for s in p.sites] == SITES[p.label], p.label
        else:
            assert isinstance(p.sites, NotStated), p.label
    assert {p.label for p in plan.programs if isinstance(p.sites, NotStated)} == {
        "参加支援事業",
        "多機関協働事業",
        "アウトリーチ等を通じた継続的支援事業",
    }


TARGETS = {
    # label: [(名称, 単位, 値, 比較, 原文)] — 成果目標
    "参加支援事業": [
        ("活動参加の場への利用につながった人数", "人", 5, "以上", "５人以上"),
        ("就労準備体験等への協力企業・団体", "企業・団体", 5, "以上", "５企業・団体以上"),
        ("社会参加機会の拡充に向けた企画による場の設定", "件", 1, None, "１件"),
        ("既存事業の利用対象外又は利用にいたらない社会的孤立の人等の居場所等への参加", "人", 5, None, "５人"),
        ("後見人等受任件数", "件", 10, "以上", "１０件以上"),
    ],
    "多機関協働事業": [
        ("多機関協働による事例検討件数", "件", 6, None, "６件"),
        ("関係機関との支援連携・協働ケース", "件", 6, None, "６件"),
    ],
    "アウトリーチ等を通じた継続的支援事業": [
        ("生活困窮者自立相談支援事業における地域住民及び関係機関からの相談件数", "件", 10, "以上", "１０件以上"),
        (
            "支援のつながりのきっかけとなる事業（経済的支援及びひきこもりの親の会）の利用者",
            "件",
            10,
            "以上",
            "１０件以上",
        ),
    ],
}


def test_every_target_figure_with_its_unit(plan):
    """Every 成果目標 of section 5 with unit, value, 以上 and wording; the source gives no year for any."""
    found = {}
    for p in plan.programs:
        if not p.indicators:
            continue
        rows = []
        for indicator in p.indicators:
            (target,) = indicator.targets
            assert isinstance(target.years, NotStated)
            rows.append(
                (
                    indicator.name,
                    indicator.unit,
                    target.value,
                    target.comparison.value if target.comparison else None,
                    target.original,
                )
            )
        found[p.label] = rows
    assert found == TARGETS


def test_staffing(plan):
    """実施体制 of 参加支援 (4 lines), 多機関協働 (3 lines) and アウトリーチ (2 paragraphs)."""
    assert program(plan, "多機関協働事業").staffing == (
        "地域福祉課職員（保健師２人、事務職６人）",
        "社会福祉協議会（社会福祉士４人）",
        "重層的支援のチーム会議（社会福祉協議会５人、地域福祉課３人）",
    )
    assert len(program(plan, "参加支援事業").staffing) == 4
    assert program(plan, "参加支援事業").staffing[3] == "権利擁護支援センター事業と一体的に実施（社会福祉士１人）。"
    assert len(program(plan, "アウトリーチ等を通じた継続的支援事業").staffing) == 2
    staffed = {p.label for p in plan.programs if p.staffing}
    assert staffed == {"参加支援事業", "多機関協働事業", "アウトリーチ等を通じた継続的支援事業"}


# ------------------------------------------------------------------ meetings and flows


def test_meetings_and_kinds(plan):
    """A–D, 庁内連携会議 and 部会 as typed meetings; B and D are 重層的支援会議 (section 5 (4) ア)."""
    kinds = {m.id: {k.value for k in m.kinds} for m in plan.meetings}
    assert kinds["A"] == {"事例検討"}
    assert kinds["B"] == {"重層的支援会議", "事例検討"}
    assert kinds["C"] == {"推進・評価"}
    assert kinds["D"] == {"重層的支援会議", "推進・評価"}
    assert kinds["庁内連携会議"] == {"庁内連携会議", "推進・評価"}
    assert kinds["地域福祉部会"] == {"その他"}  # the text never calls it an 附属機関
    multilayered = {m.name for m in plan.meetings if m.is_kind(MeetingKind.MULTILAYERED)}
    assert multilayered == {"多機関協働支援会議", "福祉のまちづくり委員会"}
    assert not any(m.is_kind(MeetingKind.SUPPORT) for m in plan.meetings)


def test_meeting_names_and_others_named_in_the_text(plan):
    """Every meeting the text names, including predecessors and existing review meetings."""
    assert {m.id: m.name for m in plan.meetings} == {
        "A": "重層的支援のチーム会議",
        "B": "多機関協働支援会議",
        "C": "多機関協働推進委員会",
        "D": "福祉のまちづくり委員会",
        "庁内連携会議": "庁内連携会議",
        "地域福祉部会": "社会福祉審議会地域福祉部会",
        "総合相談連絡会": "総合相談連絡会",
        "生活困窮者自立支援推進協議会": "生活困窮者自立支援推進協議会",
        "地域ケア会議": "地域ケア会議",
        "虐待レビュー会議": "虐待レビュー会議",
        "生活困窮レビュー会議": "生活困窮レビュー会議",
        "地域福祉アクションプログラム推進協議会": "地域福祉アクションプログラム推進協議会",
    }


def test_consent_is_not_stated_for_b_and_d(plan):
    """The plan never says how consent is handled in B or D: 未記載, not あり or なし."""
    meetings = plan.references.meetings
    assert isinstance(meetings["B"].consent, NotStated)
    assert isinstance(meetings["D"].consent, NotStated)


def test_team_meeting_functions_and_members(plan):
    """A: 機能Ⅰ–Ⅲ; members 社会福祉協議会 staff and 地域福祉課職員 (図２－２ text)."""
    team = plan.references.meetings["A"]
    assert [f.mark for f in team.functions] == ["機能Ⅰ", "機能Ⅱ", "機能Ⅲ"]
    assert "スクリーニング" in team.functions[0].text[0]
    assert team.members == ("社会福祉協議会における各分野の相談支援・地域づくり担当者", "地域福祉課職員")


def test_multiagency_meeting_parts_and_activities(plan):
    """B: B-1 定例型, B-2 随時型; ActⅠ–Ⅲ (図２－２ text)."""
    support = plan.references.meetings["B"]
    assert [(p.id, p.name) for p in support.parts] == [("B-1", "定例型"), ("B-2", "随時型")]
    assert [a.mark for a in support.activities] == ["ActⅠ", "ActⅡ", "ActⅢ"]


def test_former_name_of_d(plan):
    """D 福祉のまちづくり委員会 was 地域福祉推進協議会 (旧：…)."""
    assert plan.references.meetings["D"].former_name == "地域福祉推進協議会"


def test_flows(plan):
    """A→B cases, B→C/D proposals, C↔D cooperation, and C, D, 庁内連携会議 reporting to the 部会."""
    flows = {(f.source, f.targets, f.kind) for f in plan.flows}
    assert flows == {
        ("A", ("B",), FlowKind.REFER),
        ("A", ("B",), FlowKind.OTHER),  # ActⅡ builds on A's 機能Ⅱ
        ("B", ("C", "D"), FlowKind.PROPOSE),
        ("C", ("D",), FlowKind.MUTUAL),
        ("C", ("地域福祉部会",), FlowKind.REPORT),
        ("D", ("地域福祉部会",), FlowKind.REPORT),
        ("庁内連携会議", ("地域福祉部会",), FlowKind.REPORT),
    }
    assert len(plan.references.flows) == len(plan.flows) == 7  # every end resolves
    contents = {(f.source, f.kind): f.content for f in plan.flows}
    assert contents[("A", FlowKind.REFER)] == "多機関協働が必要なケース"
    assert contents[("B", FlowKind.PROPOSE)] == "Ｂ多機関協働支援会議で抽出した課題"


def test_every_item_has_a_source_section(plan):
    """Every initiative, item, program, indicator, meeting, flow and related plan names its section."""
    parts = [
        *plan.initiatives,
        *(it for i in plan.initiatives for it in i.items),
        *plan.programs,
        *(ind for _, ind in plan.all_indicators()),
        *plan.meetings,
        *plan.related_plans,
        *plan.narratives,
        *plan.revisions,
        *plan.modes,
    ]
    assert all(part.source is not None and part.source.section for part in parts)
    assert all(flow.provenance is not None for flow in plan.flows)


# ------------------------------------------------------------------ cross-checks against the source text


@pytest.fixture(scope="module")
def seed(seed_text) -> str:
    return seed_text(SEED)


@pytest.fixture(scope="module")
def flat(seed) -> str:
    """The source text with its line breaks removed (the PDF extraction split words across lines)."""
    return "".join(line.strip() for line in seed.splitlines())


def section5(seed: str) -> str:
    start = seed.index(" ５ 実施内容及び実施体制")
    return seed[start : seed.index("重層的支援体制整備事業 年度計画")]


def test_every_clause_tag_maps_to_a_program(plan, seed):
    """Every 【第…号…】 tag in section 5 names a program of that name implementing those clauses."""
    tags = re.findall(r"^[アイウエオ] (\S+?)【(第[^】]+)】", section5(seed), re.MULTILINE)
    assert len(tags) == 12
    for name, tag in tags:
        clauses = sorted(f"第{n}号{letter}" for n, letter in re.findall(r"第(\d)号(?:\s*([イロハニ]))?", nfkc(tag)))
        matching = [p for p in plan.programs if p.name == name]
        assert matching, name
        for p in matching:
            assert sorted(c.label for c in p.clauses) == clauses, name


def test_every_target_figure_in_the_text_is_a_target(plan, seed):
    """Every number followed by 人/件/企業・団体 on a 成果目標 line is a target value with that unit."""
    lines = section5(seed).splitlines()
    target_lines = []
    inside = False
    for line in lines:
        if line.startswith("成果目標"):
            inside = True
        elif re.match(r"^\s*(実施方式|実施体制|所 管 課)", line):
            inside = False
        if inside:
            target_lines.append(line)
    text = nfkc("".join(line.strip() for line in target_lines))
    figures = re.findall(r" (\d+)(人|件|企業・団体)(以上)?", text)
    model = Counter(
        (str(t.value), ind.unit, "以上" if t.comparison else "")
        for _, ind in plan.all_indicators()
        for t in ind.targets
    )
    assert Counter(figures) == model
    assert sum(model.values()) == 9


def test_every_site_count_in_the_text_is_a_site_count(plan, seed):
    """Every 「N箇所」 and 「N圏域」 of section 5 is a site count, and no other count was added."""
    counts = Counter(int(n) for n in re.findall(r"(\d+)(?:箇所|圏域)", nfkc(section5(seed))))
    model = Counter(
        s.count for p in plan.programs if not isinstance(p.sites, NotStated) for s in p.sites if s.count is not None
    )
    assert counts == model


def test_every_department_line_is_in_the_model(plan, seed):
    """Every 所管課 line of section 5, split on 、, equals the programs' departments in order."""
    lines = re.findall(r"^所 管 課 (.+?)\s*$", section5(seed), re.MULTILINE)
    assert [line.split("、") for line in lines] == [list(p.departments) for p in plan.programs]


def test_every_delivery_line_is_in_the_model(plan, seed):
    """Every 実施方式 line of section 5 names the programs' delivery modes in order."""
    lines = re.findall(r"^\s*実施方式 (.+?)\s*$", section5(seed), re.MULTILINE)
    modes = [re.findall(r"直営|委託|補助金", line) for line in lines]
    assert modes == [[d.mode.value for d in p.delivery] for p in plan.programs]


def test_every_field_line_is_in_the_model(plan, seed):
    """Every 分野 line of section 5 is the field of the program it stands in, in order."""
    fields = re.findall(r"^分  野 (\S+)", section5(seed), re.MULTILINE)
    assert fields == [p.field.value for p in plan.programs if p.field is not None]


def test_every_link_list_of_section_4_is_in_the_model(plan, seed):
    """Every 〔地域福祉計画関連施策：…〕 and 〔地域福祉推進計画関連アクション：…〕, in order of the initiatives."""
    measures = re.findall(r"〔地域福祉計画関連施策：([^〕]+)〕", seed)
    actions = re.findall(r"〔地域福祉推進計画関連アクション：([^〕]+)〕", seed)
    as_numbers = lambda text: tuple(int(n) for n in nfkc(text).split("・"))  # noqa: E731
    assert [as_numbers(m) for m in measures] == [i.measures.numbers for i in plan.initiatives]
    assert [as_numbers(a) for a in actions] == [i.actions.numbers for i in plan.initiatives]


def test_every_lead_body_line_is_in_the_model(plan, flat):
    """Every ＜中心となる取組主体：…＞, split on 、 and ・ (footnote mark ※ dropped), in order of the items."""
    written = re.findall(r"＜中心となる取組主体：(.+?)＞", flat)
    split = [tuple(part.rstrip("※") for part in re.split(r"[、・]", line)) for line in written]
    assert split == [it.leads for i in plan.initiatives for it in i.items]


def test_every_phase_of_the_table_is_in_the_model(plan, seed):
    """Every 【R…～…】 of the table is a phase of some item (the re-listed (2)ウ row included)."""
    table = seed[seed.index("重層的支援体制整備事業 年度計画") :]
    written = Counter((int(a), int(b)) for a, b in re.findall(r"【R(\d)[～〜~](\d)】", table))
    model = Counter(
        (p.period.start.reiwa, p.period.end.reiwa)
        for i in plan.initiatives
        for it in i.items
        for p in it.schedule.phases
    )
    assert written == model
    assert sum(written.values()) == 25


def test_transcribed_text_is_verbatim(plan, flat):
    """Every transcribed sentence, cell and name appears word for word in the source (line breaks aside)."""
    texts: list[str] = [*plan.purpose, *plan.policy]
    texts += [line for n in plan.narratives for line in n.content]
    texts += [line for r in plan.revisions for line in r.content]
    for initiative in plan.initiatives:
        texts += [initiative.name, *initiative.summary, *initiative.domains]
        texts += [line for f in initiative.figures for line in (f.title, *f.description)]
        for entry in initiative.items:
            texts += [entry.name, *entry.leads, *entry.content]
            texts += [p.name for p in entry.schedule.phases] + [c.text for c in entry.schedule.cells]
    for p in plan.programs:
        texts += [p.name, *p.staffing, *p.departments]
        texts += [
            line for section in p.content for line in (*section.text, *((section.heading,) if section.heading else ()))
        ]
        texts += [ind.name for ind in p.indicators] + [t.original for ind in p.indicators for t in ind.targets]
    for m in plan.meetings:
        texts += [m.name, *m.content]
        texts += [line for part in (*m.functions, *m.activities) for line in part.text]
        if not isinstance(m.members, NotStated):
            texts += list(m.members)
    texts += [f.content for f in plan.flows if f.content and f.kind is not FlowKind.REPORT]
    missing = [text for text in texts if text not in flat]
    assert missing == []


def test_every_year_of_the_table_header_is_in_the_plan_period(plan, seed):
    """The table's columns R4 R5 R6 R7 R8 are the plan's years."""
    header = re.search(r"^R4 R5 R6 R7 R8$", seed, re.MULTILINE)
    assert header is not None
    assert [str(y) for y in plan.years()] == header.group(0).split()
    assert plan.mode_in(FiscalYear(2022)) is not None


def test_the_four_areas_of_the_second_layer(plan, seed):
    """第２層：４圏域（東山手、西山手、精道、潮見）: declared once, named by id from 生活支援体制整備事業."""
    names = re.search(r"第２層：４圏域（(.+?)）", seed)
    assert names is not None
    assert [(a.id, a.name, a.kind) for a in plan.areas] == [(n, n, "圏域") for n in names[1].split("、")]
    assert [p.id for p in plan.programs if p.areas] == ["生活支援体制整備"]
    assert plan.references.programs["生活支援体制整備"].areas == tuple(names[1].split("、"))
