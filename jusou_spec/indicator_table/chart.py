"""One SVG chart per indicator: actuals as bars against the targets, year by year, with Japanese labels.

The chart is written by hand rather than through a plotting library: it is one kind of chart with a fixed layout
(bars, target marks, a period-target line, axis, legend), about a hundred lines of SVG, and doing it here keeps
the output byte-identical for the same input and adds no dependency. Text is drawn in the Japanese fonts the
project's set-up installs (IPAex Gothic, or Noto Sans CJK), with generic fall-backs for other viewers.

An actual the source says does not exist is drawn as an empty dashed bar labelled 未記載, never as a bar of 0;
a year that has ended with nothing reported is labelled 未報告.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from xml.sax.saxutils import escape

from jusou_spec.atomic import write_text_atomically
from jusou_spec.fiscal import FiscalYear
from jusou_spec.indicator_table.formats import Result
from jusou_spec.model import NotStated
from jusou_spec.progress.rates import Goal, Scope
from jusou_spec.progress.series import IndicatorProgress, Status
from jusou_spec.progress.text import figure
from jusou_spec.progress.units import is_percent

__all__ = ["chart_svg", "write_charts"]

WIDTH, HEIGHT = 720, 400
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 72, 76
FONT = "IPAexGothic, 'IPAexゴシック', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', sans-serif"
BAR, TARGET, PERIOD, GRID, INK, MUTED = "#4c78a8", "#d1495b", "#e08e45", "#e3e3e3", "#222222", "#666666"

_WORDS = {
    "ja": {
        "actual": "実績",
        "target": "目標（年度）",
        "period": "目標（期間）",
        "not_stated": "未記載",
        "missing": "未報告",
        "empty": "年度ごとの目標・実績がありません",
        "unit": "単位",
        "rate": "達成率",
        "goal": "目標",
    },
    "en": {
        "actual": "actual",
        "target": "target (year)",
        "period": "target (period)",
        "not_stated": "not stated",
        "missing": "not reported",
        "empty": "no yearly target or actual",
        "unit": "unit",
        "rate": "rate",
        "goal": "target",
    },
}


def _f(value: float) -> str:
    """A coordinate with one decimal, the same on every machine."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(
    x: float,
    y: float,
    content: str,
    *,
    size: int = 12,
    anchor: str = "middle",
    fill: str = INK,
    weight: str | None = None,
    halo: bool = False,
) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    # A white outline drawn under the letters keeps a label legible where it crosses a bar.
    outline = ' stroke="#ffffff" stroke-width="3" paint-order="stroke"' if halo else ""
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{bold}{outline}>'
        f"{escape(content)}</text>"
    )


def _scale(largest: float, *, whole: bool) -> tuple[float, float]:
    """The axis maximum and the tick step: a step of 1, 2 or 5 × 10^k, about five ticks, room above the bars;
    whole steps only when every figure is a whole number (counts of 件, 人, 回)."""
    if largest <= 0:
        return 1.0, 1.0 if whole else 0.25
    wanted = largest * 1.12 / 5
    power = 10 ** math.floor(math.log10(wanted))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= wanted)
    if whole:
        step = max(step, 1.0)
    return step * math.ceil(largest * 1.12 / step), step


def _figures(series: IndicatorProgress) -> Iterator[float]:
    for row in series.years:
        if isinstance(row.actual, int | Decimal | Fraction):
            yield float(row.actual)
        if row.goal is not None:
            yield float(row.goal.value)
            if row.goal.upper is not None:
                yield float(row.goal.upper)


def chart_svg(series: IndicatorProgress, *, lang: str = "ja") -> str:
    """The chart of one indicator as an SVG document."""
    words = _WORDS["en" if lang == "en" else "ja"]
    unit = series.unit or ""
    title = series.name
    subtitle = " ／ ".join(part for part in (series.program, f"{words['unit']}: {unit}" if unit else None) if part)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'font-family="{FONT}">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(series.id)}</desc>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        _text(LEFT, 28, title, size=17, anchor="start", weight="bold"),
        _text(LEFT, 50, subtitle, size=12, anchor="start", fill=MUTED),
    ]
    rows = series.years
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    if not rows:
        parts.append(_text(WIDTH / 2, TOP + plot_h / 2, words["empty"], size=14, fill=MUTED))
        parts.append("</svg>")
        return "\n".join(parts) + "\n"

    figures = list(_figures(series))
    largest = max(figures, default=0.0)
    if is_percent(series.unit) and largest <= 100:
        top, step = 100.0, 20.0  # a percentage is drawn on its whole scale
    else:
        top, step = _scale(largest, whole=all(value.is_integer() for value in figures))
    base_y = TOP + plot_h

    def y_of(value: float) -> float:
        return base_y - plot_h * value / top

    for tick in range(round(top / step) + 1):
        value = step * tick
        y = y_of(value)
        parts.append(f'<line x1="{LEFT}" y1="{_f(y)}" x2="{LEFT + plot_w}" y2="{_f(y)}" stroke="{GRID}"/>')
        label = figure(int(value)) if float(value).is_integer() else figure(round(value, 2))
        parts.append(_text(LEFT - 8, y + 4, label, size=11, anchor="end", fill=MUTED))
    parts.append(f'<line x1="{LEFT}" y1="{_f(base_y)}" x2="{LEFT + plot_w}" y2="{_f(base_y)}" stroke="{INK}"/>')

    band = plot_w / len(rows)
    bar_w = min(band * 0.5, 64)
    centres = {row.year: LEFT + band * (index + 0.5) for index, row in enumerate(rows)}
    for row in rows:
        x = centres[row.year]
        parts.append(_text(x, base_y + 20, str(row.year), size=13))
        if isinstance(row.actual, int | Decimal | Fraction):
            y = y_of(float(row.actual))
            parts.append(
                f'<rect x="{_f(x - bar_w / 2)}" y="{_f(y)}" width="{_f(bar_w)}" height="{_f(base_y - y)}" fill="{BAR}"/>'
            )
            label = f"{figure(row.actual)}{unit}"
            parts.append(_text(x, y - 6, label, size=12))
            if row.rate is not None:
                parts.append(_text(x, base_y + 38, f"{words['rate']} {row.rate:.1f}%", size=11, fill=MUTED))
        elif isinstance(row.actual, NotStated):
            # The whole height, so that the outline cannot be read as a figure.
            parts.append(
                f'<rect x="{_f(x - bar_w / 2)}" y="{TOP}" width="{_f(bar_w)}" height="{_f(plot_h)}" '
                f'fill="#f4f4f4" stroke="{MUTED}" stroke-dasharray="4 3"/>'
            )
            parts.append(_text(x, TOP + plot_h / 2, words["not_stated"], size=12, fill=MUTED))
        elif row.status is Status.MISSING:
            parts.append(_text(x, base_y - 8, words["missing"], size=12, fill=TARGET))
        if row.goal is not None and row.goal.scope is not Scope.PERIOD:
            parts.extend(_yearly_goal(row.goal, x, band, y_of, label=f"{words['goal']} {row.goal.text(unit or None)}"))
    parts.extend(_period_goals(series.goals, centres, band, y_of, unit=unit or None, word=words["goal"]))
    parts.extend(_legend(series, words))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _yearly_goal(goal: Goal, x: float, band: float, y_of: Callable[[float], float], *, label: str) -> Iterator[str]:
    half = min(band * 0.36, 46)
    top = y_of(float(goal.upper if goal.upper is not None else goal.value))
    yield _text(x + half, top - 5, label, size=11, anchor="end", fill=TARGET, halo=True)
    if goal.upper is not None:
        low, high = y_of(float(goal.value)), y_of(float(goal.upper))
        yield (
            f'<rect x="{_f(x - half)}" y="{_f(high)}" width="{_f(2 * half)}" height="{_f(low - high)}" '
            f'fill="{TARGET}" fill-opacity="0.15" stroke="{TARGET}"/>'
        )
        return
    y = y_of(float(goal.value))
    yield f'<line x1="{_f(x - half)}" y1="{_f(y)}" x2="{_f(x + half)}" y2="{_f(y)}" stroke="{TARGET}" stroke-width="3"/>'


def _period_goals(
    goals: Sequence[Goal],
    centres: Mapping[FiscalYear, float],
    band: float,
    y_of: Callable[[float], float],
    *,
    unit: str | None,
    word: str,
) -> Iterator[str]:
    for goal in goals:
        if goal.scope is not Scope.PERIOD or goal.years is None:
            continue
        inside = [x for year, x in centres.items() if year in goal.years]
        if not inside:
            continue
        y = y_of(float(goal.value))
        left, right = min(inside) - band * 0.45, max(inside) + band * 0.45
        yield (
            f'<line x1="{_f(left)}" y1="{_f(y)}" x2="{_f(right)}" y2="{_f(y)}" stroke="{PERIOD}" stroke-width="2" '
            f'stroke-dasharray="8 4"/>'
        )
        yield _text(
            right, y - 6, f"{word} {goal.text(unit)}（{goal.years}）", size=11, anchor="end", fill=PERIOD, halo=True
        )


def _legend(series: IndicatorProgress, words: dict[str, str]) -> Iterator[str]:
    y = HEIGHT - 14
    x = LEFT
    yield f'<rect x="{x}" y="{y - 10}" width="14" height="10" fill="{BAR}"/>'
    yield _text(x + 20, y, words["actual"], size=12, anchor="start")
    x += 90
    if any(row.goal is not None and row.goal.scope is not Scope.PERIOD for row in series.years):
        yield f'<line x1="{x}" y1="{y - 5}" x2="{x + 18}" y2="{y - 5}" stroke="{TARGET}" stroke-width="3"/>'
        yield _text(x + 24, y, words["target"], size=12, anchor="start")
        x += 130
    if any(goal.scope is Scope.PERIOD for goal in series.goals):
        yield f'<line x1="{x}" y1="{y - 5}" x2="{x + 18}" y2="{y - 5}" stroke="{PERIOD}" stroke-width="2" stroke-dasharray="8 4"/>'
        yield _text(x + 24, y, words["period"], size=12, anchor="start")


_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


MAX_NAME_BYTES = 200
"""The longest chart file name, in UTF-8 bytes: file systems allow 255, and the atomic write's temporary name adds
a few. An 80-character kanji id is 240 bytes on its own."""


def _file_name(stem: str, ident: str, taken: set[str]) -> str:
    """``{document}-{id}.svg``, made safe; a name too long for the file system is cut and given a short digest of
    the whole, so it stays unique and the same from run to run."""
    base = f"{stem}-{_UNSAFE.sub('_', ident)}"
    name = _fitted(base, ".svg")
    number = 2
    while name in taken:
        name = _fitted(base, f"-{number}.svg")
        number += 1
    taken.add(name)
    return name


def _fitted(base: str, suffix: str) -> str:
    if len((base + suffix).encode("utf-8")) <= MAX_NAME_BYTES:
        return base + suffix
    digest = "-" + hashlib.sha256(base.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    room = MAX_NAME_BYTES - len((digest + suffix).encode("utf-8"))
    cut = base.encode("utf-8", "surrogatepass")[:room].decode("utf-8", "ignore")
    return cut + digest + suffix


def write_charts(results: Sequence[Result], directory: str | os.PathLike[str], *, lang: str = "ja") -> list[Path]:
    """Write one chart per indicator of each result into ``directory`` (atomically); returns the files written.

    A chart is named after the document that holds the indicators and the indicator's id:
    ``imizu-相談受付件数.svg``.
    """
    folder = Path(directory)
    taken: set[str] = set()
    written = []
    for result in results:
        stem = Path(result.group.name).stem
        for series in result.series:
            path = folder / _file_name(stem, series.id, taken)
            write_text_atomically(path, chart_svg(series, lang=lang))
            written.append(path)
    return written
