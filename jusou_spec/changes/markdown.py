"""``jusou diff --format markdown``: a heading, the counts and a table, to paste (or post from CI) as a comment on a
pull request; the changes of a kind that fails the run are marked."""

from __future__ import annotations

from jusou_spec.changes.record import Change, Comparison
from jusou_spec.changes.text import summary, values

__all__ = ["markdown"]


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _row(change: Change, comparison: Comparison, lang: str) -> str:
    en = lang == "en"
    severity = change.severity.label("en" if en else "ja")
    if change in comparison.failing:
        severity = f"**{severity}** ✗"
    kind = f"{change.kind.title.text(lang)} (`{change.kind.value}`)"
    what = change.subject.text(lang)
    shown = values(change, lang)
    if change.note is not None:
        shown += f"（{change.note.ja}）" if not en else f" ({change.note.en})"
    where = f"`{change.old.text()}` → `{change.new.text()}`"
    return "| " + " | ".join(_cell(cell) for cell in (severity, kind, what, shown, where)) + " |"


def markdown(comparison: Comparison, lang: str) -> str:
    en = lang == "en"
    heading = "Changes" if en else "変更点"
    lines = [f"### {heading}: `{comparison.old}` → `{comparison.new}`", "", summary(comparison, lang)]
    if comparison.changes:
        header = ("", "kind", "subject", "change", "where") if en else ("", "種類", "対象", "変更", "場所")
        lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += [_row(change, comparison, lang) for change in comparison.changes]
    return "\n".join(lines) + "\n"
