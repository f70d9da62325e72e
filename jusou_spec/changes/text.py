"""``jusou diff`` as text: one line per change, ``old.yaml:12 → new.yaml:14: severity kind title: subject: before →
after``, and a closing count (the severity word and the kind stay English, as in ``jusou check``'s lines, so that
CI logs can be searched the same way in either language)."""

from __future__ import annotations

from jusou_spec.changes.record import Change, Comparison
from jusou_spec.findings import Severity

__all__ = ["summary", "text", "text_line", "values"]


def values(change: Change, lang: str) -> str:
    """The values part: ``before → after``, or the one value a change on one side has (unless the subject says it)."""
    if change.before is not None and change.after is not None:
        return f"{change.before} → {change.after}"
    one = change.before if change.before is not None else change.after
    if one is None or one in change.subject.text(lang):
        return ""
    return one


def text_line(change: Change, lang: str) -> str:
    line = f"{change.old.text()} → {change.new.text()}: {change.severity.value} {change.kind.value} "
    line += f"{change.kind.title.text(lang)}: {change.subject.text(lang)}"
    shown = values(change, lang)
    if shown:
        line += f": {shown}"
    if change.note is not None:
        line += f"（{change.note.ja}）" if lang != "en" else f" ({change.note.en})"
    return line


def summary(comparison: Comparison, lang: str) -> str:
    counts = comparison.counts()
    total = len(comparison.changes)
    if lang == "en":
        if not total:
            return f"no changes between {comparison.old} and {comparison.new}"
        return (
            f"{total} change{'s' if total != 1 else ''} ({counts[Severity.ERROR]} error(s), "
            f"{counts[Severity.WARNING]} warning(s), {counts[Severity.INFO]} info); "
            f"{len(comparison.failing)} of a kind that fails the run"
        )
    if not total:
        return f"{comparison.old} と {comparison.new} に変更はありません"
    return (
        f"変更 {total} 件（エラー {counts[Severity.ERROR]} 件、警告 {counts[Severity.WARNING]} 件、"
        f"情報 {counts[Severity.INFO]} 件）、うち失敗とする種類 {len(comparison.failing)} 件"
    )


def text(comparison: Comparison, lang: str) -> str:
    lines = [text_line(change, lang) for change in comparison.changes]
    lines.append(summary(comparison, lang))
    return "".join(line + "\n" for line in lines)
