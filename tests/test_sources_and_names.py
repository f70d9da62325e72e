"""出典 with a URL and a page (range) besides the heading; names (related plans, contractors) that are 未記載."""

from __future__ import annotations

import jusou_spec
from jusou_spec.checker import check_source
from jusou_spec.cli import main
from jusou_spec.model import NotStated, Plan
from jusou_spec.source import parse_source

PLAN = """\
jusou: plan/1
出典: {文書: 見本市計画, URL: "https://www.city.example.lg.jp/keikaku.pdf"}
自治体: {名称: 見本市, 都道府県: 見本県}
計画名: 見本市計画
計画期間: R6～R8
実施形態: 本格実施
関連計画:
  - id: 地域
    名称: {未記載: 計画書は名称を書かず「市の地域福祉計画」とだけ書く}
    種別: 地域福祉計画
    関係: 調和
    出典: {頁: 12-14}
事業:
  - id: 参加
    名称: 参加支援事業
    号: 第2号
    所管課: [地域福祉課]
    実施方式:
      - 方式: 委託
        委託先: [{未記載: 委託先の名称は書かれていない}, 見本市社会福祉協議会]
    出典: {URL: "https://www.city.example.lg.jp/sanka.html", 頁: 3}
"""


def _checked(text: str = PLAN):
    return check_source(parse_source(text, name="plan.yaml"))


def test_a_source_may_be_a_url_or_a_page_range_without_a_heading():
    """出典 {頁: 12-14} and {URL, 頁} are schema-valid and modelled; the document's own 出典 takes a URL too."""
    checked = _checked()
    assert not [f for f in checked.findings if f.code.startswith("SV")]
    plan = checked.document
    assert isinstance(plan, Plan)
    assert plan.source is not None and plan.source.url == "https://www.city.example.lg.jp/keikaku.pdf"
    assert plan.related_plans[0].source is not None and plan.related_plans[0].source.page == "12-14"
    program_source = plan.programs[0].source
    assert program_source is not None and (program_source.url, program_source.page) == (
        "https://www.city.example.lg.jp/sanka.html",
        3,
    )
    assert plan.to_document()["事業"][0]["出典"] == {"頁": 3, "URL": "https://www.city.example.lg.jp/sanka.html"}


def test_a_source_needs_a_heading_a_page_or_a_url_and_a_url_is_http():
    """An empty 出典 mapping, and a URL that is not http(s), are schema findings."""
    codes = [f.code for f in _checked(PLAN.replace("出典: {頁: 12-14}", "出典: {注記: 見本}")).findings]
    assert "SV001" in codes
    url = _checked(PLAN.replace('"https://www.city.example.lg.jp/sanka.html"', "www.example.jp")).findings
    assert [f.code for f in url if f.code.startswith("SV")] == ["SV004"]


def test_names_may_be_not_stated_like_other_values(tmp_path, capsys):
    """A related plan's 名称 and a contractor may be {未記載: 理由}: no SV003, one NS001 each, named by its key."""
    checked = _checked()
    plan = checked.document
    assert isinstance(plan, Plan)
    assert isinstance(plan.related_plans[0].name, NotStated)
    contractors = plan.programs[0].delivery[0].contractors  # type: ignore[union-attr]
    assert isinstance(contractors[0], NotStated) and contractors[1] == "見本市社会福祉協議会"
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    main(["check", "--select", "NS001,DL001", str(path)])
    out = capsys.readouterr().out
    assert "SV003" not in out and "DL001" not in out
    assert (
        "「名称」は未記載です: 計画書は名称を書かず" in out
        and "「委託先」は未記載です: 委託先の名称は書かれていない" in out
    )
    graph = jusou_spec.build_graph(plan)
    assert any(data.get("label") == "見本市社会福祉協議会" for _, data in graph.nodes(data=True))
