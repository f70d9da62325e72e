"""``jusou indicators PATH…``: every indicator with its target, actual, rate and status per fiscal year.

Plans and reports are read as ``jusou check`` reads them; a report joins the plan it names. ``--as-of`` is the last
fiscal year taken as ended (by default ``as-of`` of ``[indicators]`` in the ``jusou.toml`` above the first path, else
the last year the reports cover); ``--chart DIR`` also draws one SVG chart
per indicator. The findings of the indicator rules (a breakdown that does not add up, a year with no actual …)
follow the table; the exit code is 1 when one of them is an error, as for ``jusou check``.
"""

from __future__ import annotations

import argparse
import sys

from jusou_spec.commands._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    add_debug_argument,
    language,
    require_paths,
    say_findings,
)
from jusou_spec.config import ConfigUnreadable, find_config, load_config
from jusou_spec.findings import Message, Severity
from jusou_spec.fiscal import FiscalYear, FiscalYearError, parse_year
from jusou_spec.source import SourceUnreadable

NAME = "indicators"
HELP = Message(
    ja="年度ごとの目標・実績・達成率・評価を示します（グラフも描けます）",
    en="show targets, actuals, achievement rates and statuses per fiscal year (and draw charts)",
)

FORMAT_NAMES = ("csv", "json", "text")
"""The table's formats (the keys of ``indicator_table.formats.FORMATS``, which a test keeps equal), named here so
that building the command line does not import the table."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="計画と報告書（ファイルまたはフォルダ）")
    parser.add_argument(
        "--as-of", metavar="YEAR", help="終わったものとして扱う最後の年度。例: R6（既定は報告書の最後の年度）"
    )
    parser.add_argument("--format", choices=FORMAT_NAMES, default="text", help="出力の形式（既定は text）")
    parser.add_argument("--chart", metavar="DIR", help="指標ごとのグラフ（SVG）も DIR に書きます")
    add_debug_argument(parser)


def _as_of(text: str | None) -> FiscalYear | None:
    if text is None:
        return None
    try:
        return parse_year(text)
    except FiscalYearError as error:
        raise UsageError(Message(ja=f"--as-of: {error.reason_ja}", en=f"--as-of: {error.reason_en}")) from error


def _configured_as_of(path: str) -> FiscalYear | None:
    """``[indicators] as-of`` of the jusou.toml above ``path`` (its problems are ``jusou check``'s to report)."""
    found = find_config(path)
    if found is None:
        return None
    try:
        config, _ = load_config(found)
    except ConfigUnreadable as error:
        raise UsageError(error.message) from error
    return config.indicators.as_of


def run(args: argparse.Namespace) -> int:
    # The table, its charts and the indicator series serve this command alone: loaded when it runs, so that the
    # other commands (jusou check above all) start without them.
    import jusou_spec.indicator_table.chart as chart
    import jusou_spec.indicator_table.collect as collecting
    import jusou_spec.indicator_table.formats as formats
    import jusou_spec.progress.series as series

    lang = language(args)
    require_paths(args.paths)
    as_of = _as_of(args.as_of) if args.as_of is not None else _configured_as_of(args.paths[0])
    try:
        collected = collecting.collect(args.paths, as_of=as_of)
    except SourceUnreadable as error:
        raise UsageError(error.message) from error
    results = [
        formats.Result(
            group,
            as_of or series.default_as_of(group.reports),
            series.indicators(group.plan, reports=group.reports, as_of=as_of),
        )
        for group in collected.groups
    ]
    # The table first: a chart that cannot be written (a full disk, a folder that cannot be created) is an error
    # after the table has been shown, not instead of it.
    sys.stdout.write(formats.FORMATS[args.format](results, collected.findings, lang))
    sys.stdout.flush()
    if args.chart:
        chart.write_charts(results, args.chart, lang=lang)
    if args.format == "csv":
        say_findings(collected.findings, lang)
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in collected.findings) else EXIT_OK
