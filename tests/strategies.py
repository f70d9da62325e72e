"""Hypothesis strategies for schema-valid plan and report documents (as plain data, Japanese keys).

They cover every kind of value the schema accepts where it matters to the model and the rules: the spellings of
years and clauses, ``{未記載: 理由}`` in its places, one-or-many values, references that may or may not resolve.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from jusou_spec.law import CLAUSES, spellings

_WORD_CHARS = st.characters(
    whitelist_categories=("Lu", "Ll", "Lo", "Nd"),
    whitelist_characters="ー・（）()【】「」、。 -&<>\"'{}\\",
)
words = st.text(_WORD_CHARS, min_size=1, max_size=12).filter(lambda s: s.strip())
ids = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd")), min_size=1, max_size=6)
prose = st.one_of(words, st.lists(words, min_size=1, max_size=3))
not_stated = st.builds(lambda reason: {"未記載": reason}, words)

years = st.integers(min_value=2019, max_value=2035).flatmap(
    lambda w: st.sampled_from([f"R{w - 2018}", f"令和{w - 2018}年度", f"{w}年度", f"Ｒ{w - 2018}", w])
)


@st.composite
def year_ranges(draw: st.DrawFn, *, start: int = 2019, end: int = 2035) -> str | int:
    first = draw(st.integers(min_value=start, max_value=end))
    last = draw(st.integers(min_value=first, max_value=end))
    style = draw(st.integers(min_value=0, max_value=3))
    if first == last and style == 0:
        return first
    return [
        f"R{first - 2018}～R{last - 2018}",
        f"令和{first - 2018}～{last - 2018}年度",
        f"{first}～{last}年度",
        f"R{first - 2018}～{last - 2018}",
    ][style]


clause_spellings = st.sampled_from([s for c in CLAUSES for s in spellings(c)])
numbers = st.one_of(
    st.integers(min_value=0, max_value=100000),
    st.integers(min_value=1000, max_value=99999).map(lambda n: f"{n:,}"),
    st.floats(min_value=0, max_value=100, allow_nan=False, allow_infinity=False).map(lambda f: round(f, 1)),
    # exact figures given as text: many digits, many decimals, all within the documented range
    st.integers(min_value=10**15, max_value=10**29).map(str),
    st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False).map(lambda d: f"{d:f}"),
)

open_ranges = st.integers(min_value=2019, max_value=2035).flatmap(
    lambda w: st.sampled_from([f"R{w - 2018}～", f"令和{w - 2018}年度～", f"{w}年度から"])
)
"""Open-ended periods (令和7年度～): from a year on, for as long as the plan period lasts."""

sources = st.one_of(
    words,
    st.fixed_dictionaries(
        {"節": words}, optional={"頁": st.one_of(st.integers(min_value=1, max_value=300), st.just("12-14"))}
    ),
    st.fixed_dictionaries({"頁": st.one_of(st.integers(min_value=1, max_value=300), st.sampled_from(["3", "12～14"]))}),
    st.fixed_dictionaries(
        {"URL": st.sampled_from(["https://www.city.example.lg.jp/keikaku.pdf", "http://example.jp/a?b=1#c"])},
        optional={"節": words, "頁": st.integers(min_value=1, max_value=300)},
    ),
)
"""出典 of an item: a heading, or a mapping with a heading, a page (range) or a URL."""


def _optional(draw: st.DrawFn, out: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        out[key] = draw(strategy)


@st.composite
def indicators(draw: st.DrawFn, ident: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ident, "名称": draw(words)}
    _optional(draw, out, "単位", st.one_of(st.sampled_from(["件", "人", "回", "箇所", "%"]), not_stated))
    _optional(draw, out, "方向", st.sampled_from(["増加", "減少", "範囲", "一致"]))
    target = {"年度": draw(st.one_of(year_ranges(), open_ranges, not_stated)), "値": draw(numbers)}
    if draw(st.booleans()):
        target["比較"] = draw(st.sampled_from(["以上", "以下", "未満", "超"]))
    if draw(st.integers(min_value=0, max_value=3)) == 0:
        # a ratio: the indicator names its parts; a target gives the parts, the stated rate, or both
        part = st.fixed_dictionaries({"名称": words}, optional={"単位": st.one_of(st.just("件"), not_stated)})
        out["分子"], out["分母"] = draw(part), draw(part)
        shape = draw(st.sampled_from(["parts", "both", "rate"]))
        if shape != "rate":
            target["分子"], target["分母"] = draw(numbers), draw(numbers)
        if shape == "parts":
            del target["値"]
    out["目標"] = draw(st.one_of(st.just([target]), not_stated))
    return out


# Free text of the kind the personal-information rules read: figures of plans, and now and then a telephone
# number, an individual number or an address, so that both branches of those rules run.
free_text = st.one_of(
    words,
    st.sampled_from(
        [
            "延べ 1,113 件",
            "午後1時30分～3時10分",
            "R4～5",
            "様々な相談",
            "さんさん介護予防倶楽部",
            "電話 090-1234-5678",
            "０７６５（２３）１０００",
            "番号 1234 5678 9018",
            "見本市本町3丁目5番12号",
            "釈迦堂1-10-1",
            "市内4-5箇所",
            "2022 2023 2024",
        ]
    ),
)


whole_spellings = st.sampled_from(["第1号", "第3号", "第１号", "【第3号】", "第1号全体", "第1号・第3号"])


def area_references(area_ids: list[str]) -> st.SearchStrategy[list[str]]:
    """Ids of areas: mostly declared ones, now and then one that is not (AR001 must say so, not trip)."""
    return st.lists(st.one_of(st.sampled_from(area_ids), ids) if area_ids else ids, min_size=1, max_size=2)


@st.composite
def areas(draw: st.DrawFn, area_ids: list[str]) -> list[dict[str, Any]]:
    """The 圏域 declarations of a plan or report, each perhaps inside another (or an undeclared one)."""
    declared = []
    for ident in area_ids:
        area: dict[str, Any] = {"id": ident, "名称": draw(words)}
        _optional(draw, area, "種別", st.sampled_from(["圏域", "地区", "校区", "第2層"]))
        _optional(draw, area, "上位", st.one_of(st.sampled_from(area_ids), ids))
        declared.append(area)
    return declared


@st.composite
def programs(
    draw: st.DrawFn,
    ident: str,
    indicator_ids: list[str],
    program_ids: list[str] = (),
    area_ids: list[str] = (),
) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ident, "名称": draw(words)}
    shape = draw(st.integers(min_value=0, max_value=9))
    if shape == 0:
        out["関連事業"] = True
    elif shape == 1:
        out["号全体"] = draw(st.one_of(whole_spellings, st.lists(whole_spellings, min_size=1, max_size=2)))
    else:
        out["号"] = draw(st.one_of(clause_spellings, st.lists(clause_spellings, min_size=1, max_size=2)))
    out["所管課"] = draw(st.one_of(st.lists(words, min_size=1, max_size=2), not_stated))
    _optional(draw, out, "分野", st.one_of(st.sampled_from(["高齢", "障がい", "子ども", "生活困窮"]), not_stated))
    _optional(draw, out, "支援対象者", st.one_of(prose, not_stated))
    _optional(
        draw,
        out,
        "事業内容",
        st.one_of(
            prose, st.lists(st.fixed_dictionaries({"見出し": words, "内容": prose}), min_size=1, max_size=2), not_stated
        ),
    )
    delivery = st.one_of(
        st.sampled_from(["直営", "委託", "補助金"]),
        st.fixed_dictionaries(
            {"方式": st.sampled_from(["直営", "委託", "補助金", "その他"])},
            optional={
                "年度": st.one_of(year_ranges(), open_ranges),
                "対象": st.lists(words, min_size=1, max_size=1),
                "委託先": st.lists(st.one_of(words, not_stated), min_size=1, max_size=2),
                "委託先種別": words,
                "補助先": st.lists(st.one_of(words, not_stated), min_size=1, max_size=2),
                "補助先種別": words,
            },
        ),
    )
    _optional(draw, out, "実施方式", st.one_of(st.lists(delivery, min_size=1, max_size=2), not_stated))
    site = st.fixed_dictionaries(
        {"名称": words},
        optional={"箇所数": st.integers(min_value=0, max_value=9), "内訳": st.lists(words, min_size=1, max_size=3)},
    )
    _optional(draw, out, "活動場所", st.one_of(st.lists(site, min_size=1, max_size=2), not_stated))
    _optional(draw, out, "実施体制", st.one_of(prose, not_stated))
    staff = st.fixed_dictionaries(
        {"職種": words},
        optional={
            "年度": st.one_of(year_ranges(), open_ranges),
            "人数": st.one_of(numbers, not_stated),
            "配置場所": words,
            "圏域": area_references(list(area_ids)),
        },
    )
    _optional(draw, out, "職員配置", st.lists(staff, min_size=1, max_size=2))
    budget = st.fixed_dictionaries(
        {"年度": years, "金額": st.one_of(numbers, not_stated), "単位": st.sampled_from(["円", "千円"])},
        optional={"財源": prose},
    )
    _optional(draw, out, "予算", st.lists(budget, min_size=1, max_size=3))
    _optional(draw, out, "圏域", area_references(list(area_ids)))
    _optional(draw, out, "実施年度", st.one_of(year_ranges(), open_ranges))
    _optional(draw, out, "出典", sources)
    _optional(draw, out, "類型", st.sampled_from(["特定型", "こども家庭センター型"]))
    _optional(draw, out, "注記", free_text)
    if program_ids:
        _optional(
            draw, out, "連携事業", st.lists(st.one_of(st.sampled_from(list(program_ids)), ids), min_size=1, max_size=2)
        )
        # An umbrella named by id: another program, itself, or one that does not exist.
        _optional(draw, out, "上位事業", st.one_of(st.sampled_from(list(program_ids)), ids))
    if indicator_ids:
        out["成果目標"] = [draw(indicators(i)) for i in indicator_ids]
    return out


@st.composite
def meetings(draw: st.DrawFn, ident: str) -> dict[str, Any]:
    kinds = st.sampled_from(
        [
            "重層的支援会議",
            "支援会議",
            "庁内連携会議",
            "連絡会議",
            "推進・評価",
            "事例検討",
            "附属機関",
            "協議の場",
            "その他",
        ]
    )
    out: dict[str, Any] = {
        "id": ident,
        "名称": draw(words),
        "種別": draw(st.one_of(kinds, st.lists(kinds, min_size=1, max_size=2))),
    }
    _optional(draw, out, "本人同意", st.one_of(st.sampled_from(["あり", "なし"]), not_stated))
    _optional(
        draw,
        out,
        "根拠法令",
        st.sampled_from(["社会福祉法第106条の6", "社会福祉法第１０６条の６", "社会福祉法第106条の5", "なし"]),
    )
    _optional(draw, out, "旧称", words)
    # A 類型 may repeat its meeting's id (a duplicate the rules must report, not trip over).
    _optional(
        draw,
        out,
        "類型",
        st.just(
            [
                {"id": f"{ident}-1", "名称": "定例型"},
                {"id": draw(st.sampled_from([f"{ident}-2", ident])), "名称": "随時型"},
            ]
        ),
    )
    _optional(draw, out, "守秘義務", st.booleans())
    _optional(draw, out, "構成員", st.one_of(st.lists(words, min_size=1, max_size=3), not_stated))
    _optional(draw, out, "開催頻度", st.one_of(words, not_stated))
    _optional(
        draw,
        out,
        "名称変更",
        st.lists(st.fixed_dictionaries({"年度": year_ranges(), "名称": words}), min_size=1, max_size=1),
    )
    return out


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """A schema-valid plan document."""
    program_ids = draw(st.lists(ids, min_size=0, max_size=6, unique=True))
    indicator_ids = draw(st.lists(ids, max_size=3, unique=True))
    meeting_ids = draw(st.lists(ids, max_size=4, unique=True))
    period_start = draw(st.integers(min_value=2019, max_value=2030))
    period_end = draw(st.integers(min_value=period_start, max_value=period_start + 6))
    doc: dict[str, Any] = {
        "jusou": "plan/1",
        "自治体": {"名称": draw(words), "都道府県": draw(st.one_of(words, not_stated))},
        "計画名": draw(words),
        "計画期間": draw(st.one_of(st.just(f"R{period_start - 2018}～R{period_end - 2018}"), not_stated)),
    }
    _optional(
        draw,
        doc,
        "出典",
        st.fixed_dictionaries({"文書": words}, optional={"URL": st.just("https://www.city.example.lg.jp/plan.pdf")}),
    )
    shape = draw(st.integers(min_value=0, max_value=4))
    if shape <= 1:
        doc["実施形態"] = draw(st.sampled_from(["本格実施", "移行準備事業"]))
    elif shape == 2:
        # Modes as written by hand: they may leave years out, overlap, or come in the wrong order.
        mode = st.fixed_dictionaries(
            {"年度": st.one_of(year_ranges(), open_ranges), "形態": st.sampled_from(["本格実施", "移行準備事業"])}
        )
        doc["実施形態"] = draw(st.lists(mode, min_size=1, max_size=3))
    else:
        switch = draw(st.integers(min_value=period_start, max_value=period_end))
        # 本格実施 to the end of the period, or from a year on (令和7年度～) as planners write it
        last = draw(st.sampled_from([f"R{period_end - 2018}", ""]))
        modes = [{"年度": f"R{switch - 2018}～{last}", "形態": "本格実施"}]
        if switch > period_start:
            modes.insert(0, {"年度": f"R{period_start - 2018}～R{switch - 1 - 2018}", "形態": "移行準備事業"})
        doc["実施形態"] = modes
    area_ids = draw(st.lists(ids, max_size=3, unique=True))
    if area_ids:
        doc["圏域"] = draw(areas(area_ids))
    doc["事業"] = [
        draw(programs(ident, indicator_ids if index == 0 else [], program_ids, area_ids))
        for index, ident in enumerate(program_ids)
    ]
    if meeting_ids:
        doc["会議"] = [draw(meetings(ident)) for ident in meeting_ids]
        endpoints = st.one_of(st.sampled_from(meeting_ids), st.sampled_from([f"{m}-1" for m in meeting_ids]), ids)
        flows = st.fixed_dictionaries(
            {
                "元": endpoints,
                "先": st.one_of(endpoints, st.lists(endpoints, min_size=1, max_size=2)),
                "種類": st.sampled_from(["つなぐ", "提案", "報告", "評価", "フィードバック", "相互連携", "その他"]),
            }
        )
        _optional(draw, doc, "会議の流れ", st.lists(flows, min_size=1, max_size=4))
    related_ids = draw(st.lists(ids, max_size=2, unique=True))
    if related_ids:
        kinds = st.sampled_from(
            ["地域福祉計画", "介護保険事業計画", "障害福祉計画", "子ども・子育て支援事業計画", "その他"]
        )
        doc["関連計画"] = [
            {
                "id": r,
                "名称": draw(st.one_of(words, not_stated)),
                "種別": draw(kinds),
                **({"出典": draw(sources)} if draw(st.booleans()) else {}),
                **({"施策": [{"番号": n, "名称": draw(words)} for n in range(1, 4)]} if draw(st.booleans()) else {}),
                **(
                    {"アクション": [{"番号": n, "名称": draw(words)} for n in range(1, 3)]}
                    if draw(st.booleans())
                    else {}
                ),
            }
            for r in related_ids
        ]
    initiative_ids = draw(st.lists(ids, max_size=2, unique=True))
    if initiative_ids:
        item_ids = [f"{i}-{n}" for i in initiative_ids for n in range(2)]
        doc["取組"] = [
            {
                "id": ident,
                "名称": draw(words),
                **(
                    {
                        "関連施策": {
                            "計画": draw(st.one_of(st.sampled_from(related_ids), ids)) if related_ids else draw(ids),
                            "番号": draw(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=3)),
                        }
                    }
                    if draw(st.booleans())
                    else {}
                ),
                **(
                    {
                        "関連アクション": {
                            "計画": draw(st.one_of(st.sampled_from(related_ids), ids)) if related_ids else draw(ids),
                            "番号": draw(st.lists(st.integers(min_value=1, max_value=3), min_size=1, max_size=2)),
                        }
                    }
                    if draw(st.booleans())
                    else {}
                ),
                "項目": [
                    {
                        "id": f"{ident}-{n}",
                        "名称": draw(words),
                        **({"再掲": draw(st.sampled_from([*item_ids, "nowhere"]))} if draw(st.booleans()) else {}),
                        **(
                            {
                                "年度計画": {
                                    "段階": [
                                        {"期間": draw(year_ranges()), "名称": draw(words)}
                                        for _ in range(draw(st.integers(min_value=1, max_value=3)))
                                    ],
                                    "セル": [
                                        {
                                            "内容": draw(free_text),
                                            **({"年度": draw(years)} if draw(st.booleans()) else {}),
                                        }
                                    ],
                                }
                            }
                            if draw(st.booleans())
                            else {}
                        ),
                    }
                    for n in range(2)
                ],
            }
            for ident in initiative_ids
        ]
    if draw(st.booleans()) and program_ids:
        doc["スケジュール"] = [
            {
                "名称": draw(words),
                "事業": draw(st.lists(st.one_of(st.sampled_from(program_ids), ids), max_size=2)),
                "セル": [{"年度": draw(years), "内容": draw(words)}],
            }
        ]
    if draw(st.booleans()):
        columns = ["相談", "参加"]
        doc["庁内連携体制"] = {
            "列": [{"id": c, "名称": c} for c in columns],
            "担当課": [{"課": draw(words), "連携": draw(st.lists(st.sampled_from([*columns, "不明"]), max_size=2))}],
        }
    if draw(st.booleans()):
        doc["対象事業表"] = [
            {
                "号": draw(clause_spellings),
                **(
                    {"分野": draw(st.sampled_from(["高齢", "障害", "困窮", "子育て", "その他"]))}
                    if draw(st.booleans())
                    else {}
                ),
            }
            for _ in range(draw(st.integers(min_value=1, max_value=3)))
        ]
    if draw(st.booleans()):
        doc["抑制"] = draw(st.lists(suppressions(), min_size=1, max_size=3))
    return doc


@st.composite
def suppressions(draw: st.DrawFn) -> dict[str, Any]:
    """A suppression of any kind: of a rule or a basic check or nothing, at a place that may or may not exist,
    with or without a reason."""
    from jusou_spec.catalogue import all_checks

    out: dict[str, Any] = {
        "規則": draw(st.one_of(st.sampled_from([c.code for c in all_checks()]), st.just("ZZ999"))),
        "位置": draw(
            st.sampled_from(["", "/事業", "/事業/0", "/事業/0/所管課", "/会議/0/本人同意", "/関連計画", "/nowhere"])
        ),
    }
    _optional(draw, out, "理由", words)
    _optional(draw, out, "対象", st.one_of(st.sampled_from(["第6号", "所管課", "委託先"]), st.lists(words, min_size=1)))
    _optional(draw, out, "すべて", st.booleans())
    return out
