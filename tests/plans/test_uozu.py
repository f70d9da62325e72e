"""Fidelity of plans/uozu.yaml to 魚津市重層的支援体制整備事業（移行準備事業）実施計画 (令和7年3月).

The expectations are written out by hand from the source text (its sections are cited in comments); the last
tests cross-check the model against figures and names pulled from the seed text itself with simple regexes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

import jusou_spec
from jusou_spec.findings import Severity
from jusou_spec.fiscal import FiscalYear, parse_range
from jusou_spec.law import CLAUSES, clause, parse_clauses
from jusou_spec.model import DeliveryMode, MeetingKind, Mode, NotStated, Plan

PLAN_FILE = Path(__file__).resolve().parents[2] / "plans" / "uozu.yaml"
SEED = "004_uozu_plan_R6-R8_transition.txt"


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = jusou_spec.load(PLAN_FILE)
    assert isinstance(loaded, Plan)
    return loaded


def _program(plan: Plan, ident: str):
    return plan.references.programs[ident]


def _years(text: str) -> str:
    return str(parse_range(text))


# ------------------------------------------------------------------ cover, period, modes


def test_title_issue_and_municipality(plan: Plan) -> None:
    """The cover's title and date, and the municipality, are recorded."""
    assert plan.title == "魚津市重層的支援体制整備事業（移行準備事業）実施計画"
    assert plan.source is not None and plan.source.issued == "令和7年3月"
    assert plan.source.file == SEED
    assert plan.municipality.name == "魚津市"
    assert plan.municipality.prefecture == "富山県"


def test_period_is_R6_to_R8(plan: Plan) -> None:
    """「本計画の実施期間は3年間（令和6年～令和8年）」 (3. (3) 計画の期間)."""
    assert str(plan.period) == "R6～R8"
    assert len(plan.years()) == 3


def test_modes_transition_R6_full_from_R7(plan: Plan) -> None:
    """「令和6年度に移行準備事業に着手し、令和7年度から…取組を進めていきます」 (3. (1) 計画策定の趣旨)."""
    assert plan.mode_in(FiscalYear(2024)) is Mode.TRANSITION
    assert plan.mode_in(FiscalYear(2025)) is Mode.FULL
    assert plan.mode_in(FiscalYear(2026)) is Mode.FULL
    assert all(period.source is not None for period in plan.modes)


# ------------------------------------------------------------------ clause table (2. 全体像)

# (clause, 機能, 分野, 既存制度の対象事業等, 【新規】) as the table of section 2 prints them
CLAUSE_TABLE = [
    ("第1号イ", "相談支援", "高齢", "地域包括支援センターの運営", False),
    ("第1号ロ", "相談支援", "障がい", "障害者相談支援事業", False),
    ("第1号ハ", "相談支援", "子ども", "利用者支援事業", False),
    ("第1号ニ", "相談支援", "困窮", "自立相談支援事業", False),
    ("第2号", "参加支援", None, None, True),
    (
        "第3号イ",
        "地域づくりに向けた支援",
        "高齢",
        "一般介護予防のうち厚生労働大臣が定めるもの(地域介護活動支援事業)",
        False,
    ),
    ("第3号ロ", "地域づくりに向けた支援", "高齢", "生活支援体制整備事業", False),
    ("第3号ハ", "地域づくりに向けた支援", "障がい", "地域活動支援センター事業", False),
    ("第3号ニ", "地域づくりに向けた支援", "子ども", "地域子育て支援拠点事業", False),
    ("第3号", "地域づくりに向けた支援", "困窮", "生活困窮者等のための地域づくり事業", False),
    ("第4号", "アウトリーチ等を通じた継続的支援", None, None, True),
    ("第5号", "多機関協働", None, None, True),
    ("第6号", "支援プランの作成", None, None, True),
]


def test_clause_table_rows(plan: Plan) -> None:
    """One row per clause of the section 2 table, the unlettered 第3号 (困窮) row included, 【新規】 kept."""
    rows = [
        (
            "・".join(c.label for c in row.clauses),
            row.function,
            row.field,
            row.programs,
            "【新規】" in row.note,
        )
        for row in plan.clause_table
    ]
    assert rows == CLAUSE_TABLE


def test_clause_table_descriptions(plan: Plan) -> None:
    """The descriptions in the 機能 cells of 第2号 and 第5号 are kept."""
    by_clause = {row.clauses[0].label: " ".join(row.note) for row in plan.clause_table}
    assert (
        "社会とのつながりを回復するため、既存の取組では対応できない狭間のニーズについて、就労支援や見守り等居住支援などを提供"
        in by_clause["第2号"]
    )
    assert "世帯を取り巻く支援関係者全体を調整する機能" in by_clause["第5号"]


# ------------------------------------------------------------------ programs (4. 各事業の実施体制)

# id → (実施名称, clauses) from each card's 実施名称 row
PROGRAMS = {
    "地域包括": ("地域包括支援センター運営事業", ("第1号イ",)),
    "障がい相談": ("障がい者相談支援事業", ("第1号ロ",)),
    "利用者支援": ("利用者支援事業(子ども家庭センター等)", ("第1号ハ",)),
    "自立相談": ("自立相談支援事業", ("第1号ニ",)),
    "多機関協働": ("多機関協働事業", ("第5号", "第6号")),
    "アウトリーチ": ("アウトリーチ等を通じた継続的支援事業", ("第4号",)),
    "参加支援": ("社会参加支援事業", ("第2号",)),
    "介護予防": ("一般介護予防事業・地域介護予防活動支援事業", ("第3号イ",)),
    "生活支援": ("生活支援体制整備事業", ("第3号ロ",)),
    "地活": ("地域活動支援センター事業", ("第3号ハ",)),
    "子育て拠点": ("地域子育て支援拠点事業", ("第3号ニ",)),
    "困窮地域づくり": ("生活困窮者支援等のための地域づくり事業", ("第3号",)),
}


def test_program_cards(plan: Plan) -> None:
    """Every card of section 4 is a program with its name and clause(s), in the order printed."""
    found = {p.id: (p.name, tuple(c.label for c in p.clauses)) for p in plan.programs}
    assert list(found) == list(PROGRAMS)
    assert found == PROGRAMS


def test_one_program_per_clause(plan: Plan) -> None:
    """Each of the 13 clauses has exactly one program (第5号 and 第6号 share 多機関協働事業)."""
    counts = {c.label: len(plan.programs_for(c)) for c in CLAUSES}
    assert counts == {c.label: 1 for c in CLAUSES}
    assert plan.programs_for(clause("第5号")) == plan.programs_for(clause("第6号"))


def test_kanji_ni_clause_is_normalised(plan: Plan) -> None:
    """「自立相談支援事業(第1号 二)」 is written with the kanji 二 and reads as 第1号ニ."""
    assert [c.label for c in _program(plan, "自立相談").clauses] == ["第1号ニ"]


# 所管課 rows as printed (「民生部子ども課、健康センター」 is two departments)
DEPARTMENTS = {
    "地域包括": ("民生部社会福祉課",),
    "障がい相談": ("民生部社会福祉課",),
    "利用者支援": ("民生部子ども課", "健康センター"),
    "自立相談": ("民生部社会福祉課",),
    "多機関協働": ("民生部社会福祉課",),
    "アウトリーチ": ("民生部社会福祉課",),
    "参加支援": ("民生部社会福祉課",),
    "介護予防": ("民生部健康センター",),
    "生活支援": ("民生部社会福祉課",),
    "地活": ("民生部社会福祉課",),
    "子育て拠点": ("民生部こども課", "健康センター"),
    "困窮地域づくり": ("民生部社会福祉課",),
}


def test_departments_as_written(plan: Plan) -> None:
    """Each card's 所管課 is kept exactly as written, several where the card names several."""
    assert {p.id: p.departments for p in plan.programs} == DEPARTMENTS


def test_set_of_departments(plan: Plan) -> None:
    """The departments of the cards and of the 庁内連携体制 table, as the plan names them."""
    assert set(plan.references.departments) == {
        "民生部社会福祉課",
        "民生部子ども課",
        "健康センター",
        "民生部健康センター",
        "民生部こども課",
        "社会福祉課",
        "こども課",
        "市民課",
        "生活環境課",
        "地域協働課",
        "税務課",
        "商工観光課",
        "都市計画課",
        "農林水産課",
        "上下水道課",
        "教育総務課",
    }


UNNAMED_NIKONIKO = "原文は「子育て支援センター「にこにこ」(委託)」とだけ書き、委託先の名称を書いていない"


# 実施方式 rows: (mode, contractors, applies_to) per delivery
DELIVERY = {
    "地域包括": [("直営", (), ())],
    "障がい相談": [("委託", ("魚津市障害者生活支援センター", "障害者社会復帰センターあゆみの郷 サポート新川"), ())],
    "利用者支援": [("直営", (), ())],
    "自立相談": [("委託", ("富山県東部生活自立支援センター",), ())],
    "多機関協働": [("直営", (), ())],
    "アウトリーチ": [("直営", (), ())],
    "参加支援": [("委託", ("社会福祉協議会",), ())],
    "介護予防": [("直営", (), ()), ("委託", ("社会福祉協議会",), ())],
    "生活支援": [("委託", ("社会福祉協議会",), ())],
    "地活": [("委託", ("障害者社会復帰センターあゆみの郷 サポート新川",), ())],
    "子育て拠点": [
        ("直営", (), ("子育て支援センター「のびのび」",)),
        ("委託", (NotStated(UNNAMED_NIKONIKO),), ("子育て支援センター「にこにこ」",)),
    ],
    "困窮地域づくり": [("委託", ("社会福祉協議会", "上野方地域振興会"), ())],
}


def test_delivery_and_contractors(plan: Plan) -> None:
    """Each card's 実施方式 with its contractors (委託(支援機関) …) and the sites a mode applies to."""
    found = {p.id: [(d.mode.value, d.contractors, d.applies_to) for d in p.delivery] for p in plan.programs}
    assert found == DELIVERY


def test_staffing_notes(plan: Plan) -> None:
    """The staffing written after 直営/委託 is kept (多機関協働マネージャー, アウトリーチ支援員, コーディネーター)."""
    assert _program(plan, "多機関協働").staffing == ("多機関協働マネージャー、市担当者",)
    assert _program(plan, "アウトリーチ").staffing == (
        "アウトリーチ支援員(社会福祉士、保健師、看護師等)を配置して実施",
    )
    assert _program(plan, "参加支援").staffing == ("参加支援コーディネーターを配置して実施",)


# 支援対象者 rows
TARGET_GROUPS = {
    "地域包括": "高齢者及びその家族等",
    "障がい相談": "障がい者及びその家族",
    "利用者支援": "子ども及びその保護者等、子育て家庭や妊婦",
    "自立相談": "生活困窮者",
    "多機関協働": "複雑化・複合化した課題や制度の狭間にある人とその世帯等",
    "アウトリーチ": "ひきこもりやセルフネグレクトなど、潜在的な支援ニーズを抱える人・世帯",
    "参加支援": "ひきこもりなど、社会とのつながりが薄く制度の狭間のニーズを抱える人・世帯",
    "介護予防": "65歳以上の者及びその支援に携わる者等",
    "生活支援": "65歳以上の者を含む地域住民や団体",
    "地活": "障がい者等及びその家族等",
    "子育て拠点": "乳幼児をもつ子育て中の親とその子ども",
    "困窮地域づくり": "地域において多様なニーズを抱える人・世帯等",
}


def test_target_groups(plan: Plan) -> None:
    """Each card's 支援対象者 as printed."""
    assert {p.id: p.target_group for p in plan.programs} == {k: (v,) for k, v in TARGET_GROUPS.items()}


def test_content_parts(plan: Plan) -> None:
    """事業内容 keeps its bullets and ○ headed parts (counts per card)."""
    shape = {p.id: [(s.heading, len(s.text)) for s in p.content] for p in plan.programs}
    assert shape["多機関協働"] == [(None, 1), ("多機関協働マネージャーの配置を通じた会議の運営実施", 4)]
    assert shape["介護予防"] == [("自主グループ活動支援", 4)]
    assert shape["生活支援"] == [("協議体の設置・運営", 1), ("生活支援コーディネーター(SC)の配置", 4)]
    assert shape["利用者支援"] == [(None, 1)] * 3
    assert shape["参加支援"] == [(None, 1)] * 4
    assert shape["困窮地域づくり"] == [(None, 1)] * 2


def test_sites_and_counts(plan: Plan) -> None:
    """児童センター親子教室 3箇所 (つばめ、ひばり、すずめ) and the SC layers 第1層～第3層 are kept."""
    hubs = {s.name: s for s in _program(plan, "子育て拠点").sites}
    classes = hubs["児童センター親子教室"]
    assert classes.count == 3 and classes.names == ("つばめ", "ひばり", "すずめ")
    assert hubs["子育て支援センター「のびのび」"].delivery is DeliveryMode.DIRECT
    assert hubs["子育て支援センター「にこにこ」"].delivery is DeliveryMode.CONTRACT
    layers = {s.category: (s.name, s.note) for s in _program(plan, "生活支援").sites}
    assert layers == {
        "第1層": ("市内全域", ("社協SC 1名",)),
        "第2層": ("西部・東部", ("社協SC各1名",)),
        "第3層": ("各地区", ("通所Bを中心に地域住民が担っている",)),
    }


def test_new_programs_marked(plan: Plan) -> None:
    """The three blocks marked 新 (多機関協働, アウトリーチ, 参加支援) say so in their notes; no other does."""
    marked = {p.id for p in plan.programs if any(line.startswith("新規事業") for line in p.note)}
    assert marked == {"多機関協働", "アウトリーチ", "参加支援"}


def test_start_years_follow_the_schedule(plan: Plan) -> None:
    """Only ③アウトリーチ and ④参加支援 (R6 「実施体制の検討」, R7 「本格実施」) start in R7; the rest run R6～R8."""
    years = {p.id: (str(p.years) if p.years else None) for p in plan.programs}
    assert years == {ident: ("R7～R8" if ident in ("アウトリーチ", "参加支援") else None) for ident in PROGRAMS}


def test_no_outcome_targets(plan: Plan) -> None:
    """「今後、評価指標を本計画に盛り込むことができるよう検討を進め」: the plan has no numeric targets."""
    assert list(plan.all_indicators()) == []


def test_fields_follow_clause_table(plan: Plan) -> None:
    """分野 is given where the clause table pairs the clause with a field (困窮 → 生活困窮), nowhere else."""
    fields = {p.id: (p.field.value if p.field else None) for p in plan.programs}
    assert fields == {
        "地域包括": "高齢",
        "障がい相談": "障がい",
        "利用者支援": "子ども",
        "自立相談": "生活困窮",
        "多機関協働": None,
        "アウトリーチ": None,
        "参加支援": None,
        "介護予防": "高齢",
        "生活支援": "高齢",
        "地活": "障がい",
        "子育て拠点": "子ども",
        "困窮地域づくり": "生活困窮",
    }


# ------------------------------------------------------------------ schedule (5. 今後のスケジュール)

# 名称 → (区分, programs, [(年度, 内容, 形態)], 主な取組)
SCHEDULE = {
    "①包括的相談支援事業": (
        "I. 相談支援",
        ("地域包括", "障がい相談", "利用者支援", "自立相談"),
        [("R6", "移行準備事業", "移行準備事業"), ("R6", "既存事業の継続", None), ("R7", "本格実施", "本格実施")],
        ("庁内の相談支援の連携強化",),
    ),
    "②多機関協働事業": (
        "I. 相談支援",
        ("多機関協働",),
        [("R6", "移行準備事業", "移行準備事業"), ("R7", "本格実施", "本格実施")],
        ("事業の全体調整", "個別ケースのコーディネート"),
    ),
    "③アウトリーチ等を通じた継続的支援事業": (
        "I. 相談支援",
        ("アウトリーチ",),
        [("R6", "実施体制の検討", None), ("R7", "本格実施", "本格実施")],
        ("支援が行き届いていない人(ひきこもり等)の支援",),
    ),
    "④参加支援事業": (
        "II. 参加支援",
        ("参加支援",),
        [("R6", "実施体制の検討", None), ("R7", "本格実施", "本格実施")],
        ("社会参加の支援",),
    ),
    "⑤地域づくり事業": (
        "III. 地域づくりに向けた支援",
        ("介護予防", "生活支援", "地活", "子育て拠点", "困窮地域づくり"),
        [("R6", "実施体制の検討", None), ("R6", "既存事業の継続", None), ("R7", "本格実施", "本格実施")],
        ("新たな居場所づくり(コミュニティカフェ)",),
    ),
    "重層的支援体制整備事業の推進体制": (
        None,
        (),
        [("R6", "移行準備事業", "移行準備事業"), ("R7", "本格実施", "本格実施")],
        ("実施計画の策定", "計画の進捗管理"),
    ),
    "重層的支援会議 支援会議": (
        None,
        (),
        [("R6", "移行準備事業", "移行準備事業"), ("R7", "本格実施", "本格実施")],
        ("個別ケースの事例検討",),
    ),
}


def test_schedule_rows_and_cells(plan: Plan) -> None:
    """Every row and cell of the schedule, with its year and the mode a cell names."""
    found = {
        row.name: (
            row.category,
            row.programs,
            [(str(c.years), c.text, c.mode.value if c.mode else None) for c in row.cells],
            row.main_work,
        )
        for row in plan.schedule
    }
    assert list(found) == list(SCHEDULE)
    assert found == SCHEDULE


def test_schedule_has_no_R8_cells(plan: Plan) -> None:
    """The R8年度 column is blank in the extracted text: no R8 cell is invented, and each row says so."""
    assert all(c.years is not None and FiscalYear(2026) not in c.years for row in plan.schedule for c in row.cells)
    assert all(any("R8年度の欄" in line for line in row.note) for row in plan.schedule)


def test_schedule_rows_cover_every_program(plan: Plan) -> None:
    """The rows ①～⑤ name every program exactly once."""
    named = Counter(p.id for _, p in plan.references.schedule_programs)
    assert named == Counter(list(PROGRAMS))


# ------------------------------------------------------------------ meetings (推進体制)

TANAI_MEMBERS = (
    "民生部長",
    "市民課長",
    "こども課長",
    "社会福祉課長",
    "生活環境課長",
    "健康センター所長",
    "地域協働課長",
    "税務課長",
    "商工観光課長",
    "都市計画課長",
    "農林水産課長",
    "上下水道課長",
    "教育総務課長",
    "支援関係機関",
)


def test_meetings(plan: Plan) -> None:
    """The five meetings with their kinds, consent and 開催時期."""
    found = {m.id: (m.name, {k.value for k in m.kinds}, m.consent, m.frequency) for m in plan.meetings}
    assert found == {
        "庁内連携会議": ("庁内連携会議", {"庁内連携会議"}, None, "年1回程度"),
        "連絡会議": ("連絡会議", {"連絡会議"}, None, "必要に応じて開催"),
        "重層的支援会議": ("重層的支援会議", {"重層的支援会議"}, True, "随時開催"),
        "支援会議": ("支援会議", {"支援会議"}, False, "随時開催"),
        "ひきこもりPF会議": ("魚津市ひきこもり支援プラットフォーム会議", {"協議の場"}, None, "年1回程度"),
    }


def test_internal_meeting_members_and_rename(plan: Plan) -> None:
    """庁内連携会議: 13 officials and 支援関係機関; renamed 連携会議 from 本格実施 (R7), which is not a flow."""
    meeting = plan.references.meetings["庁内連携会議"]
    assert meeting.members == TANAI_MEMBERS
    assert [(str(r.years), r.name) for r in meeting.renames] == [("R7", "連携会議")]
    assert meeting.content == (
        "庁内の関係課及び支援関係機関との連携体制の構築",
        "事業実施計画の策定、進捗状況の確認や評価",
    )


def test_other_meeting_members(plan: Plan) -> None:
    """連絡会議, the case meetings and the platform name their members as the text does."""
    meetings = plan.references.meetings
    assert meetings["連絡会議"].members == ("庁内連携会議の構成課の係長等",)
    assert meetings["重層的支援会議"].members == ("関係課", "支援関係機関等")
    assert meetings["支援会議"].members == ("関係課", "支援関係機関等")
    assert meetings["ひきこもりPF会議"].members == ("重層的支援体制整備事業連携会議の構成員",)


def test_support_meeting_is_statutory(plan: Plan) -> None:
    """支援会議: 社会福祉法第106条の6, confidentiality, no consent needed."""
    meeting = plan.references.meetings["支援会議"]
    assert meeting.is_kind(MeetingKind.SUPPORT)
    assert meeting.legal_basis == "社会福祉法第106条の6"
    assert meeting.confidentiality is True
    assert meeting.consent is False


def test_no_flows_between_meetings(plan: Plan) -> None:
    """The text states no flow from one meeting to another, so none is recorded."""
    assert plan.flows == ()


# ------------------------------------------------------------------ position of the plan (3. (3) 計画の位置づけ)

# 名称 → (種別, 期間, 関係)
RELATED = {
    "魚津市地域福祉計画": ("地域福祉計画", "R4～R8", "上位計画"),
    "魚津市子ども・子育て支援事業計画": ("子ども・子育て支援事業計画", "R7～R11", "整合"),
    "魚津市障がい者基本計画": ("障害者計画", "R7～R12", "整合"),
    "魚津市障がい（児）福祉計画": ("障害福祉計画", "R6～R8", None),
    "魚津市高齢者保健福祉計画": ("高齢者保健福祉計画", "R6～R8", "整合"),
    "魚津市介護保険事業計画": ("介護保険事業計画", "R6～R8", None),
    "いのち支える魚津市自殺対策行動計画": ("自殺対策計画", "R6～R8", None),
    "魚津市地域福祉活動計画": ("地域福祉活動計画", "R4～R8", "連携"),
    "富山県民福祉基本計画": ("都道府県計画", "R5～R9", None),
    "第5次魚津市総合計画": ("総合計画", "R3～R7", None),
    "魚津市再犯防止計画": ("その他", "未記載", None),
    "魚津市成年後見制度利用促進計画": ("その他", "未記載", None),
    "魚津市地域防災計画": ("その他", "S39～", None),
    "魚津市健康増進プラン": ("その他", "H28～R7", None),
    "魚津市教育振興基本計画": ("その他", "R3～R7", None),
    "魚津市男女共同参画プラン": ("その他", "R3～R12", None),
    "魚津市自治基本条例": ("その他", None, None),
}


def test_related_plans(plan: Plan) -> None:
    """Every plan of the position diagram with its kind and period; a relation only where the prose gives one."""
    found = {
        r.name: (
            r.kind,
            "未記載" if isinstance(r.period, NotStated) else (str(r.period) if r.period else None),
            r.relation,
        )
        for r in plan.related_plans
    }
    assert found == RELATED
    activity = next(r for r in plan.related_plans if r.name == "魚津市地域福祉活動計画")
    assert activity.author == "魚津市社会福祉協議会"


def test_related_laws(plan: Plan) -> None:
    """The 【関連法】 list."""
    assert plan.laws == (
        "社会福祉法",
        "児童福祉法",
        "こども基本法",
        "生活保護法",
        "次世代育成支援対策推進法",
        "障害者基本法",
        "障害者総合支援法",
        "老人福祉法",
        "介護保険法",
        "自殺対策基本法",
    )


# ------------------------------------------------------------------ cooperation matrix (庁内連携体制)

ALL4 = {"相談支援", "参加支援", "地域づくり", "庁内連携会議等"}
MATRIX = {
    "社会福祉課": (ALL4, 11),
    "こども課": (ALL4, 5),
    "市民課": ({"相談支援", "庁内連携会議等"}, 4),
    "健康センター": (ALL4, 5),
    "生活環境課": (ALL4, 3),
    "地域協働課": ({"参加支援", "地域づくり", "庁内連携会議等"}, 1),
    "税務課": ({"相談支援", "庁内連携会議等"}, 1),
    "商工観光課": ({"参加支援", "地域づくり", "庁内連携会議等"}, 2),
    "都市計画課": (ALL4, 4),
    "農林水産課": ({"参加支援", "地域づくり", "庁内連携会議等"}, 2),
    "上下水道課": ({"相談支援", "庁内連携会議等"}, 1),
    "教育総務課": (ALL4, 2),
}


def test_cooperation_matrix(plan: Plan) -> None:
    """The 12 departments with the columns marked ○ and the number of duties each lists."""
    matrix = plan.matrix
    assert matrix is not None
    assert [(c.id, c.name) for c in matrix.columns] == [
        ("相談支援", "(1) 相談支援"),
        ("参加支援", "(2) 参加支援"),
        ("地域づくり", "(3) 地域づくり"),
        ("庁内連携会議等", "(4) 庁内連携会議等"),
    ]
    found = {row.department: (set(row.columns), len(row.duties)) for row in matrix.rows}
    assert list(found) == list(MATRIX)
    assert found == MATRIX


# ------------------------------------------------------------------ prose and the checker


def test_prose_sections_kept(plan: Plan) -> None:
    """はじめに, 全体像, 現状・課題, 位置づけ, 期間, イメージ図, block lead-ins, システム導入 and 進行管理 are kept."""
    headings = [n.heading for n in plan.narratives]
    for heading in (
        "1.はじめに",
        "2. 重層的支援体制整備事業の全体像",
        "(2) 現状・課題及び方向性 【現状・課題】",
        "(3) 計画の位置づけ",
        "(3) 計画の期間",
        "<魚津市の重層的支援体制整備事業イメージ図>",
        "【包括的相談支援事業】",
        "【地域づくり事業】",
        "(4) 情報共有のためのシステム導入",
        "(5) 計画の推進と進行管理",
    ):
        assert heading in headings
    assert len(plan.policy) == 4  # 目指す姿: four ◎ lines
    assert len(plan.purpose) == 4  # 計画策定の趣旨: four paragraphs


def test_every_item_cites_its_section(plan: Plan) -> None:
    """Programs, meetings, related plans, schedule rows, table rows and prose all carry their 出典."""
    items = [
        *plan.programs,
        *plan.meetings,
        *plan.related_plans,
        *plan.schedule,
        *plan.clause_table,
        *plan.narratives,
    ]
    assert all(item.source is not None and item.source.section for item in items)
    assert plan.matrix is not None and plan.matrix.source is not None


def test_check_passes_with_only_the_explained_warnings() -> None:
    """jusou check finds no error; its 未記載 warnings are the two related plans whose period is not stated and the
    contractor of 「にこにこ」, which the source does not name (the rule catalogue's warnings, each explained by the
    source, are pinned in test_rule_warnings.py)."""
    findings = jusou_spec.check(PLAN_FILE)
    assert not [f for f in findings if f.severity is Severity.ERROR]
    assert sorted((f.code, f.pointer) for f in findings if f.code == "NS001") == [
        ("NS001", "/事業/10/実施方式/1/委託先/0"),
        ("NS001", "/関連計画/10/期間"),
        ("NS001", "/関連計画/11/期間"),
    ]


# ------------------------------------------------------------------ cross-checks against the seed text


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _card_rows(seed: str, label: str) -> list[str]:
    """The values of every card row named ``label`` (| 実施名称 | … |), in order."""
    return [m.group(1).strip() for m in re.finditer(rf"^\| {label} \| (.*?) \|$", seed, re.MULTILINE)]


def test_seed_cards_match_programs(plan: Plan, seed_text) -> None:
    """Every 実施名称 in the seed, with its (第…号…) tag, is a program with that clause, in the same order."""
    seed = seed_text(SEED)
    names = _card_rows(seed, "実施名称")
    assert len(names) == len(plan.programs) == 12
    for printed, program in zip(names, plan.programs, strict=True):
        tag = re.search(r"\((第[^)]*号[^)]*)\)", printed)
        assert tag is not None, printed
        assert program.clauses == parse_clauses(tag.group(1)), printed
        assert _compact(printed.replace(tag.group(0), "")) == _compact(program.name), printed


def test_seed_departments_match(plan: Plan, seed_text) -> None:
    """Every 所管課 row of the seed, split on 、, equals the program's departments."""
    rows = _card_rows(seed_text(SEED), "所管課")
    assert [tuple(r.split("、")) for r in rows] == [p.departments for p in plan.programs]


def test_seed_contractors_appear(plan: Plan, seed_text) -> None:
    """Every contractor named in the model appears in the card's 実施方式 row of the seed, and each row's mode."""
    rows = _card_rows(seed_text(SEED), "実施方式")
    for row, program in zip(rows, plan.programs, strict=True):
        for delivery in program.delivery:
            assert delivery.mode.value in row
            for name in (*delivery.contractors, *delivery.applies_to):
                assert isinstance(name, NotStated) or name in row, (program.id, name)


def test_seed_counts_appear(plan: Plan, seed_text) -> None:
    """Every number followed by 箇所 or 名 in the seed's cards appears in the model (site counts, SC staffing)."""
    seed = seed_text(SEED)
    counts = re.findall(r"(\d+)箇所", seed)
    assert counts == ["3"]
    assert [s.count for p in plan.programs for s in p.sites if s.count is not None] == [3]
    staffed = re.findall(r"第\d層\([^)]*\):社協SC ?各?\d+名", seed)
    notes = [f"第{s.category[1]}層({s.name}):{s.note[0]}" for s in plan.references.programs["生活支援"].sites]
    assert staffed == notes[:2]


def test_seed_matrix_matches(plan: Plan, seed_text) -> None:
    """The ○ of every department row of the seed's table are the model's columns, in column order."""
    seed = seed_text(SEED)
    section = seed[seed.index("6. 庁内連携体制") :]
    column_ids = [c.id for c in plan.matrix.columns]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and "○" in cells[2:]:
            rows[cells[0]] = ([column_ids[i] for i, c in enumerate(cells[2:]) if c == "○"], cells[1])
    model = {row.department: row for row in plan.matrix.rows}
    assert list(rows) == list(model)
    for name, (marked, duties) in rows.items():
        assert list(model[name].columns) == marked
        assert _compact(duties) == _compact("".join(model[name].duties))


def test_seed_schedule_matches(plan: Plan, seed_text) -> None:
    """Every non-blank R6/R7 cell of the seed's schedule is a model cell of that year; the R8 column is blank."""
    seed = seed_text(SEED)
    section = seed[seed.index("5. 今後のスケジュール") : seed.index("6. 庁内連携体制")]
    seen: list[tuple[str, str, str]] = []
    current = None
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or cells[0] == "事業名" or all(c and set(c) <= {"-"} for c in cells):
            continue
        first, name, r6, r7, r8, _ = cells
        if name or first:
            current = name or first
        assert r8 == ""
        seen += [(current, "R6", r6)] if r6 else []
        seen += [(current, "R7", r7)] if r7 else []
    model = Counter((_compact(row.name), str(c.years), c.text) for row in plan.schedule for c in row.cells)
    assert Counter((_compact(n), y, t) for n, y, t in seen) == model


def test_seed_internal_members_match(plan: Plan, seed_text) -> None:
    """The 構成員 of 庁内連携会議 in the seed, split on 、 and line ends, are the model's members."""
    seed = seed_text(SEED)
    block = seed[seed.index("構成員:民生部長") : seed.index("開催時期:年1回程度")]
    members = [m for m in re.split(r"[、\n]", block.removeprefix("構成員:")) if m.strip()]
    assert tuple(m.strip() for m in members) == plan.references.meetings["庁内連携会議"].members


def test_seed_plan_periods_match(plan: Plan, seed_text) -> None:
    """Every 魚津市…計画（period） of the position diagram has that period in the model."""
    seed = seed_text(SEED)
    section = seed[seed.index("(3) 計画の位置づけ\n") : seed.index("(3) 計画の期間\n")]
    pairs = re.findall(
        r"((?:いのち支える|第5次)?(?:魚津市|富山県)\S*?(?:計画|プラン))\s*（([^）]*?(?:年度|年～))）", section
    )
    assert len(pairs) == 14
    by_name = {r.name: r for r in plan.related_plans}
    for name, period in pairs:
        # 第5次魚津市総合計画（第11次基本計画：令和3年度～7年度）: the period after the colon
        assert str(by_name[name].period) == _years(period.split("：")[-1]), name


def test_seed_text_not_invented(plan: Plan, seed_text) -> None:
    """Every transcribed text (prose, card rows, meetings, matrix duties) appears verbatim in the seed."""
    # card names are printed with their clause tag inside: 一般介護予防事業(第3号 イ)・地域介護予防活動支援事業
    seed = _compact(re.sub(r"\(第[^)]*号[^)]*\)", "", seed_text(SEED)))
    texts: list[str] = [*plan.policy, *plan.purpose, *plan.laws]
    for narrative in plan.narratives:
        texts += narrative.content
    for program in plan.programs:
        texts += [program.name, *program.target_group, *program.staffing, *program.departments]
        for section in program.content:
            texts += [*section.text, *([section.heading] if section.heading else [])]
    for meeting in plan.meetings:
        texts += [meeting.name, *meeting.purpose, *meeting.content, *meeting.members, meeting.frequency or ""]
    for row in plan.matrix.rows:
        texts += [row.department, *row.duties]
    for row in plan.schedule:
        texts += [*row.main_work, *(c.text for c in row.cells)]
    missing = [t for t in texts if t and _compact(t) not in seed]
    assert missing == []


def test_the_second_layer_areas(plan: Plan, seed_text) -> None:
    """第2層(西部・東部): the two named areas, declared once and named by id from 生活支援体制整備事業."""
    found = re.search(r"第2層\((\S+?)・(\S+?)\)", seed_text(SEED))
    assert found is not None
    assert [(a.id, a.kind) for a in plan.areas] == [(found[1], "第2層"), (found[2], "第2層")]
    assert [p.id for p in plan.programs if p.areas] == ["生活支援"]
    assert _program(plan, "生活支援").areas == (found[1], found[2])
