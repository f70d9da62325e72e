"""Hypothesis strategies for schema-valid status reports (``jusou: report/1``) with actuals and breakdowns.

Actuals name the plan's indicators, the report's own, or nothing at all; values may be not stated; breakdowns nest
and their totals may or may not add up; marks may come with or without a declared marking rule.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from .strategies import (
    area_references,
    areas,
    ids,
    indicators,
    not_stated,
    numbers,
    sources,
    words,
    year_ranges,
    years,
)

_MARKS = ["〇", "△", "×"]


def _values() -> st.SearchStrategy[Any]:
    return st.one_of(numbers, not_stated)


@st.composite
def breakdowns(draw: st.DrawFn, depth: int = 0, area_ids: tuple[str, ...] = ()) -> dict[str, Any]:
    names = draw(st.lists(words, min_size=1, max_size=4, unique=True))
    items = []
    for name in names:
        item: dict[str, Any] = {"名称": name, "値": draw(_values())}
        if draw(st.booleans()):
            item["圏域"] = draw(area_references(list(area_ids)))[0]
        if depth < 1 and draw(st.integers(min_value=0, max_value=3)) == 0:
            item["内訳"] = [draw(breakdowns(depth + 1))]
        items.append(item)
    out: dict[str, Any] = {"名称": draw(words), "項目": items}
    if draw(st.booleans()):
        out["合計"] = draw(_values())
    return out


@st.composite
def actuals(draw: st.DrawFn, indicator_ids: list[str], area_ids: tuple[str, ...] = ()) -> dict[str, Any]:
    target = st.sampled_from(indicator_ids) if indicator_ids else ids
    out: dict[str, Any] = {
        "指標": draw(st.one_of(target, ids)),
        "年度": draw(years),
        "値": draw(_values()),
    }
    if draw(st.integers(min_value=0, max_value=3)) == 0:
        # a ratio's parts, with or without the stated rate
        out["分子"], out["分母"] = draw(numbers), draw(numbers)
        if draw(st.booleans()):
            del out["値"]
    if draw(st.booleans()):
        out["単位"] = draw(st.one_of(st.sampled_from(["件", "人", "%", "％", "か所"]), not_stated))
    if draw(st.booleans()):
        out["計画値"] = draw(numbers)
    if draw(st.booleans()):
        out["評価"] = draw(st.one_of(st.sampled_from([*_MARKS, "◎"]), not_stated))
    if draw(st.booleans()):
        out["内訳"] = draw(st.lists(breakdowns(area_ids=area_ids), min_size=1, max_size=2))
    if draw(st.booleans()):
        out["出典"] = draw(sources)
    return out


@st.composite
def reports(draw: st.DrawFn, plan_indicator_ids: tuple[str, ...] = ()) -> dict[str, Any]:
    """A schema-valid report; with ``plan_indicator_ids`` it links to ``plan.yaml`` and refers to them."""
    own = draw(st.lists(ids, max_size=3, unique=True))
    doc: dict[str, Any] = {
        "jusou": "report/1",
        "自治体": {"名称": draw(st.one_of(words, not_stated)), "都道府県": draw(st.one_of(words, not_stated))},
        "報告名": draw(words),
        "年度": draw(year_ranges()),
        "計画": {"ファイル": "plan.yaml"} if plan_indicator_ids else draw(not_stated),
    }
    if draw(st.booleans()):
        doc["出典"] = {"文書": draw(words), "URL": "https://www.city.example.lg.jp/jisseki.pdf"}
    if draw(st.booleans()):
        doc["評価基準"] = {
            "記号": [
                {"記号": "〇", "意味": "達成", "達成率以上": 100},
                {"記号": "△", "意味": "一部", "達成率以上": 50, "達成率未満": 100},
                {"記号": "×", "意味": "未達成", "達成率未満": 50},
            ]
        }
    if own:
        doc["指標"] = [draw(indicators(ident)) for ident in own]
    area_ids = draw(st.lists(ids, max_size=3, unique=True))
    if area_ids:
        doc["圏域"] = draw(areas(area_ids))
    doc["実績"] = draw(st.lists(actuals([*plan_indicator_ids, *own], tuple(area_ids)), max_size=6))
    activity = st.fixed_dictionaries({"名称": words}, optional={"圏域": area_references(area_ids)})
    if draw(st.booleans()):
        doc["活動"] = draw(st.lists(activity, min_size=1, max_size=2))
    return doc
