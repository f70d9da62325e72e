"""``jusou diff --format json``: one object with both versions, every change (English keys, the kind's stable name,
values as the documents write them, places in both files), the counts and whether the run fails."""

from __future__ import annotations

import json
from typing import Any

from jusou_spec.changes.record import Change, Comparison, Place

__all__ = ["as_json", "change_record"]


def _place(place: Place) -> dict[str, Any]:
    return {"file": place.file, "line": place.line, "column": place.column, "path": place.pointer}


def change_record(change: Change, lang: str) -> dict[str, Any]:
    return {
        "kind": change.kind.value,
        "severity": change.severity.value,
        "title": change.kind.title.text(lang),
        "subject": change.subject.text(lang),
        "before": change.before,
        "after": change.after,
        "note": change.note.text(lang) if change.note is not None else None,
        "old": _place(change.old),
        "new": _place(change.new),
    }


def as_json(comparison: Comparison, lang: str) -> str:
    counts = comparison.counts()
    document = {
        "old": comparison.old,
        "new": comparison.new,
        "changes": [change_record(change, lang) for change in comparison.changes],
        "counts": {severity.value: count for severity, count in counts.items()},
        "fail_on": [kind.value for kind in comparison.fail_on],
        "failed": bool(comparison.failing),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
