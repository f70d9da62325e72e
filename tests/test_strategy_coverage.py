"""The hypothesis strategies reach every structure the format gained for a fourth city's plan (issue 10), so the
properties that use them (schema validity, model round trip, rules never raise, the workbook round trip) cover each
one. Hypothesis generates documents (without shrinking) and each structure must show up in some of them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

from .report_strategies import reports
from .strategies import plans

SEARCH = settings(
    max_examples=300,
    phases=[Phase.generate],
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
    deadline=None,
)


def _programs(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return doc.get("事業", [])


def _indicators(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for program in _programs(doc):
        yield from program.get("成果目標", [])
    yield from doc.get("指標", [])


def _targets(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for indicator in _indicators(doc):
        if isinstance(indicator.get("目標"), list):
            yield from indicator["目標"]


def _deliveries(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for program in _programs(doc):
        if isinstance(program.get("実施方式"), list):
            yield from (d for d in program["実施方式"] if isinstance(d, dict))


def _open(value: object) -> bool:
    return isinstance(value, str) and (value.endswith("～") or value.endswith("から"))


def _not_stated(value: object) -> bool:
    return isinstance(value, dict) and "未記載" in value


def _source_with(doc_sources: Iterator[object], key: str) -> bool:
    return any(isinstance(s, dict) and key in s for s in doc_sources)


PLAN_STRUCTURES: dict[str, Callable[[dict[str, Any]], bool]] = {
    # item 1
    "上位事業": lambda d: any("上位事業" in p for p in _programs(d)),
    "号全体": lambda d: any("号全体" in p for p in _programs(d)),
    # item 2
    "予算 with 財源": lambda d: any("財源" in b for p in _programs(d) for b in p.get("予算", [])),
    "予算 未記載 amount": lambda d: any(_not_stated(b["金額"]) for p in _programs(d) for b in p.get("予算", [])),
    "職員配置 with 年度 and 圏域": lambda d: any(
        "年度" in s and "圏域" in s for p in _programs(d) for s in p.get("職員配置", [])
    ),
    "圏域 with 上位": lambda d: any("上位" in a for a in d.get("圏域", [])),
    "program 圏域": lambda d: any("圏域" in p for p in _programs(d)),
    # item 3
    "実施方式 with 年度": lambda d: any("年度" in x for x in _deliveries(d)),
    "実施方式 with 対象": lambda d: any("対象" in x for x in _deliveries(d)),
    # item 4
    "ratio target by parts": lambda d: any("分子" in t and "値" not in t for t in _targets(d)),
    "ratio target by parts and rate": lambda d: any("分子" in t and "値" in t for t in _targets(d)),
    "ratio target by rate": lambda d: any(
        "分子" in i and any("分子" not in t for t in i.get("目標", []) if isinstance(t, dict))
        for i in _indicators(d)
        if isinstance(i.get("目標"), list)
    ),
    # item 5
    "出典 URL": lambda d: _source_with((p.get("出典") for p in _programs(d)), "URL"),
    "出典 頁": lambda d: _source_with((p.get("出典") for p in _programs(d)), "頁"),
    "related plan 出典": lambda d: any("出典" in r for r in d.get("関連計画", [])),
    "related plan 未記載 name": lambda d: any(_not_stated(r["名称"]) for r in d.get("関連計画", [])),
    "委託先 未記載": lambda d: any(_not_stated(c) for x in _deliveries(d) for c in x.get("委託先", [])),
    # item 6
    "open 実施年度": lambda d: any(_open(p.get("実施年度")) for p in _programs(d)),
    "open 実施形態": lambda d: isinstance(d.get("実施形態"), list) and any(_open(m["年度"]) for m in d["実施形態"]),
    "open 実施方式 年度": lambda d: any(_open(x.get("年度")) for x in _deliveries(d)),
    "open target 年度": lambda d: any(_open(t.get("年度")) for t in _targets(d)),
    "open 職員配置 年度": lambda d: any(_open(s.get("年度")) for p in _programs(d) for s in p.get("職員配置", [])),
    "flow 報告 and フィードバック": lambda d: (
        {"報告", "フィードバック"} <= {f["種類"] for f in d.get("会議の流れ", [])}
    ),
    # item 7
    "抑制 対象": lambda d: any("対象" in s for s in d.get("抑制", [])),
    "抑制 すべて": lambda d: any(s.get("すべて") is True for s in d.get("抑制", [])),
}

REPORT_STRUCTURES: dict[str, Callable[[dict[str, Any]], bool]] = {
    "breakdown item 圏域": lambda d: any(
        "圏域" in item for a in d.get("実績", []) for b in a.get("内訳", []) for item in b["項目"]
    ),
    "activity 圏域": lambda d: any("圏域" in a for a in d.get("活動", [])),
    "actual by parts": lambda d: any("分子" in a and "値" not in a for a in d.get("実績", [])),
    "actual by parts and rate": lambda d: any("分子" in a and "値" in a for a in d.get("実績", [])),
    "actual 出典 頁": lambda d: _source_with((a.get("出典") for a in d.get("実績", [])), "頁"),
    "report 出典 URL": lambda d: "URL" in d.get("出典", {}),
}


def _missing(strategy: Any, structures: dict[str, Callable[[dict[str, Any]], bool]]) -> set[str]:
    seen: set[str] = set()

    @SEARCH
    @given(strategy)
    def collect(document: dict[str, Any]) -> None:
        seen.update(name for name, shows in structures.items() if name not in seen and shows(document))

    collect()
    return set(structures) - seen


def test_the_plan_strategy_generates_every_new_structure() -> None:
    assert _missing(plans(), PLAN_STRUCTURES) == set()


def test_the_report_strategy_generates_every_new_structure() -> None:
    assert _missing(reports(), REPORT_STRUCTURES) == set()
