"""``jusou new --name 見本市 --period R7～R11 --mode R7:移行準備事業,R8～R11:本格実施 -o plans/見本市.yaml``: start a plan.

The skeleton (see :mod:`jusou_spec.commands._skeleton`) passes ``jusou check`` with no error; its warnings list
what is left to fill in. It is built as model objects, checked against the schema, and written in the bundled
plans' layout, with the schema line when a ``schemas/`` folder is above the output (as ``jusou init`` makes one).
Without ``-o`` it goes to standard output. An existing file is replaced only with ``--force``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from jusou_spec.atomic import write_text_atomically
from jusou_spec.checker import check_document, check_plan
from jusou_spec.commands._common import EXIT_OK, UsageError, language, say
from jusou_spec.commands._document_yaml import schema_line, to_yaml
from jusou_spec.commands._skeleton import TO_FILL, skeleton
from jusou_spec.findings import Message, Severity
from jusou_spec.fiscal import FiscalRange, FiscalYearError, parse_range
from jusou_spec.model import Mode, ModePeriod, Plan, not_stated
from jusou_spec.schema import validate
from jusou_spec.source import SourceUnreadable

NAME = "new"
HELP = Message(
    ja="新しい計画のひな形を書きます（必須の号すべてと、記入する値）",
    en="write a new plan's skeleton (every mandatory 号 with its values to fill in)",
)

_EXAMPLE = "--period R7～R11 --mode R7:移行準備事業,R8～R11:本格実施"
_MODE_WORDS = {mode.value: mode for mode in Mode} | {"移行準備": Mode.TRANSITION}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", required=True, help="the municipality's name (見本市)")
    parser.add_argument("--prefecture", help="its prefecture (見本県); left to fill in when not given")
    parser.add_argument("--period", required=True, help="the plan period (R7～R11, 令和7～11年度)")
    parser.add_argument(
        "--mode",
        default=Mode.FULL.value,
        help="実施形態 by year: R7:移行準備事業,R8～R11:本格実施 (default: 本格実施 throughout the period)",
    )
    parser.add_argument("--from", dest="start", metavar="PLAN", help="別の計画の構成から始めます（値は空にします）")
    parser.add_argument("-o", "--output", metavar="FILE", help="書き出す YAML ファイル（既定は標準出力）")
    parser.add_argument("--force", action="store_true", help="FILE があるときは置き換えます")


def run(args: argparse.Namespace) -> int:
    period = _period(args.period)
    modes = _modes(args.mode, period)
    output = args.output
    if output is not None:
        _check_output(output, force=args.force)
    start = _start(args.start) if args.start else None
    name = args.name.strip()
    if not name:
        raise UsageError(Message(ja="--name に自治体の名前を書いてください", en="--name needs the municipality's name"))
    plan = skeleton(
        name=name, prefecture=(args.prefecture or "").strip() or None, period=period, modes=modes, start=start
    )
    data = plan.to_document()
    problems = validate("plan", data)
    if problems:  # the skeleton is built from the model: a schema error here is a fault of jusou itself
        first = problems[0]
        raise UsageError(
            Message(
                ja=f"ひな形がスキーマに合いません（{first.pointer}: {first.text('ja')}）。jusou の不具合です",
                en=f"the skeleton does not fit the schema ({first.pointer}: {first.text('en')}); a fault of jusou",
            )
        )
    if output is None:
        sys.stdout.write(to_yaml(data, schema_line=None))
    else:
        write_text_atomically(output, to_yaml(data, schema_line=schema_line(output, "plan")))
    _summary(plan, output, language(args))
    return EXIT_OK


def _period(text: str) -> FiscalRange:
    try:
        period = parse_range(text)
    except FiscalYearError as error:
        raise UsageError(
            Message(ja=f"--period: {error.reason_ja}（例: {_EXAMPLE}）", en=f"--period: {error.reason_en}")
        ) from None
    if period.is_open:
        raise UsageError(
            Message(
                ja=f"--period: 計画期間「{text}」には終わりの年度が必要です（例: R7～R11）",
                en=f"--period: the plan period '{text}' needs an end year (e.g. R7～R11)",
            )
        )
    return period


def _bad_mode(text: str, ja: str, en: str) -> UsageError:
    return UsageError(
        Message(
            ja=f"--mode「{text}」: {ja}。「年度:形態」をコンマで区切って書きます（例: {_EXAMPLE}）",
            en=f"--mode '{text}': {en}; write 'years:mode' separated by commas (e.g. {_EXAMPLE})",
        )
    )


def _mode(word: str, text: str) -> Mode:
    found = _MODE_WORDS.get(word.strip())
    if found is None:
        raise _bad_mode(
            text,
            f"形態「{word.strip()}」は使えません（本格実施 か 移行準備事業）",
            f"'{word.strip()}' is not a mode (本格実施 or 移行準備事業)",
        )
    return found


def _modes(text: str, period: FiscalRange) -> tuple[ModePeriod, ...]:
    """The 実施形態 of ``--mode``: one mode for the whole period, or each year of the period given one mode."""
    parts = [part.strip() for part in re.split(r"[,，、]", text) if part.strip()]
    if not parts:
        raise _bad_mode(text, "形態がありません", "no mode given")
    if len(parts) == 1 and not re.search(r"[:：]", parts[0]):
        return (ModePeriod(years=None, mode=_mode(parts[0], text)),)
    periods: list[ModePeriod] = []
    for part in parts:
        years_text, colon, word = (
            re.split(r"([:：])", part, maxsplit=1) if re.search(r"[:：]", part) else (part, "", "")
        )
        if not colon:
            raise _bad_mode(text, f"「{part}」が「年度:形態」の形ではありません", f"'{part}' is not 'years:mode'")
        try:
            years = parse_range(years_text.strip())
        except FiscalYearError as error:
            raise _bad_mode(text, error.reason_ja, error.reason_en) from None
        years = years.closed_by(period)
        if not years.within(period):
            raise _bad_mode(
                text,
                f"{years} は計画期間 {period} の外です",
                f"{years} lies outside the plan period {period}",
            )
        for earlier in periods:
            assert earlier.years is not None
            if earlier.years.overlaps(years):
                raise _bad_mode(
                    text, f"{earlier.years} と {years} が重なっています", f"{earlier.years} and {years} overlap"
                )
        periods.append(ModePeriod(years=years, mode=_mode(word, text)))
    covered = {year for given in periods if given.years is not None for year in given.years.years()}
    missing = [str(year) for year in period.years() if year not in covered]
    if missing:
        raise _bad_mode(
            text,
            f"計画期間 {period} のうち {'、'.join(missing)} の形態がありません",
            f"no mode for {', '.join(missing)} of the plan period {period}",
        )
    return tuple(sorted(periods, key=lambda given: given.years.start.western if given.years else 0))


def _check_output(output: str, *, force: bool) -> None:
    path = Path(output)
    if path.is_dir():
        raise UsageError(
            Message(ja=f"{output}: フォルダです。書くファイルの名前を指定してください", en=f"{output}: is a folder")
        )
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(
            Message(
                ja=f"{output}: 出力ファイルの拡張子は .yaml（または .yml）にしてください",
                en=f"{output}: the output must be .yaml (or .yml)",
            )
        )
    if path.exists() and not force:
        raise UsageError(
            Message(
                ja=f"{output}: ファイルがすでにあります。置き換えるときは --force を付けてください",
                en=f"{output}: the file exists; add --force to replace it",
            )
        )


def _start(given: str) -> Plan:
    """The plan ``--from`` names, read as ``jusou check`` reads it; a file that is no valid plan cannot start one."""
    try:
        checked = check_document(given, rules=())
    except SourceUnreadable as error:
        raise UsageError(Message(ja=f"--from: {error.message.ja}", en=f"--from: {error.message.en}")) from None
    errors = [finding for finding in checked.findings if finding.severity is Severity.ERROR]
    if errors or not isinstance(checked.document, Plan):
        if checked.kind == "report" and not errors:
            raise UsageError(
                Message(
                    ja=f"--from {given}: 実施状況報告です。計画（jusou: plan/1）を指定してください",
                    en=f"--from {given}: a status report; give a plan (jusou: plan/1)",
                )
            )
        first = errors[0] if errors else None
        where = f"{first.file}:{first.line}:{first.column}: {first.code} " if first else ""
        raise UsageError(
            Message(
                ja=f"--from {given}: 計画として読めません（{where}{first.text('ja') if first else '計画ではありません'}）",
                en=f"--from {given}: cannot be read as a plan ({where}{first.text('en') if first else 'not a plan'})",
            )
        )
    return checked.document


def _summary(plan: Plan, output: str | None, lang: str) -> None:
    """On standard error: what was written, how many values are left to fill in, and errors if any remain."""
    to_fill = sum(1 for value in not_stated(plan) if value.reason == TO_FILL)
    errors = sum(1 for finding in check_plan(plan) if finding.severity is Severity.ERROR)
    if output is None:
        message = Message(
            ja=f"計画のひな形を標準出力に書きました。記入する項目が {to_fill} 件あります（ファイルに保存して jusou check "
            "で確かめると、警告として一覧できます）",
            en=f"wrote a plan skeleton to standard output with {to_fill} values to fill in (saved to a file, "
            "jusou check lists them as warnings)",
        )
    else:
        message = Message(
            ja=f"{output}: 計画のひな形を書きました。記入する項目が {to_fill} 件あります（jusou check {output} "
            "が警告として一覧します）",
            en=f"{output}: wrote a plan skeleton with {to_fill} values to fill in (jusou check {output} lists them "
            "as warnings)",
        )
    say(message, lang)
    if errors:
        say(
            Message(
                ja=f"元の計画から引き継いだエラーが {errors} 件あります（jusou check で確かめてください）",
                en=f"{errors} errors carried over from the plan it started from (see jusou check)",
            ),
            lang,
        )
