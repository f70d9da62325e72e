"""The sections of the council document, in the order the sources lay a 実施計画 out; empty ones are left out."""

from __future__ import annotations

import attrs

from jusou_spec.document.content import Content

__all__ = ["Section", "sections_of"]


@attrs.frozen
class Section:
    id: str
    title: str


def sections_of(content: Content) -> list[Section]:
    """概要, 関連計画, 取組, 事業, 会議体, スケジュール, 庁内連携体制, 指標, 付録: those the plan has content for."""
    plan = content.plan
    candidates = [
        (Section("overview", "計画の概要"), True),
        (Section("related", "関連計画との関係"), bool(plan.related_plans)),
        (Section("initiatives", "取組"), bool(plan.initiatives)),
        (Section("programs", "事業一覧"), True),
        (Section("meetings", "会議体"), bool(plan.meetings)),
        (Section("schedule", "スケジュール"), bool(content.schedule) and bool(content.years)),
        (Section("matrix", "庁内連携体制"), content.matrix is not None),
        (Section("indicators", "指標"), bool(content.indicators)),
        (Section("appendix", "付録（点検結果・未記載の事項・出典）"), True),
    ]
    return [section for section, present in candidates if present]
