"""The repository configuration, ``jusou.toml``: which rules run, how severe they are, the indicator settings.

A plans repository puts one ``jusou.toml`` at its top (or one per folder); ``jusou check`` finds it by walking up
from each checked file, stopping at the repository's top (the folder with ``.git``). The file is read with the
standard library's ``tomllib`` and validated here: every problem is a located finding (CF001–CF005) in the
configuration file, never a traceback, and the valid part of the file still applies.

>>> config, findings = parse_config('[check]\\nignore = ["NS001"]\\n[indicators]\\nas-of = "R6"\\n')
>>> config.ignore, str(config.indicators.as_of), findings
(('NS001',), 'R6', [])

See ``docs/config.md`` for every key.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from jusou_spec._toml_positions import locate
from jusou_spec.config_checks import CHECKS, INVALID_VALUE, NOT_ADJUSTABLE, SYNTAX, UNKNOWN_KEY, UNKNOWN_RULE
from jusou_spec.errors import JusouError
from jusou_spec.files import read_regular
from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.fiscal import FiscalYear, FiscalYearError, parse_year
from jusou_spec.jsonpointer import join
from jusou_spec.rules import RULES, Rule
from jusou_spec.selection import SelectorError, choose, expand, severity_overrides

__all__ = [
    "CHECKS",
    "CONFIG_NAME",
    "KEYS",
    "Config",
    "ConfigUnreadable",
    "IndicatorSettings",
    "find_config",
    "load_config",
    "parse_config",
]

CONFIG_NAME = "jusou.toml"

KEYS: Mapping[str, frozenset[str]] = {
    "check": frozenset({"select", "ignore", "strict", "severity", "exclude"}),
    "indicators": frozenset({"as-of"}),
}
"""The tables of ``jusou.toml`` and the keys each may hold (``docs/config.md`` documents every one; a test holds it).
A feature that needs a setting adds its key here, reads it in :func:`parse_config` and documents it."""


@attrs.frozen
class IndicatorSettings:
    """``[indicators]``: settings of the indicator checks of status reports."""

    as_of: FiscalYear | None = None
    """``as-of``: the fiscal year the indicators are judged as of (実績を評価する年度), e.g. R6; None when not set."""


@attrs.frozen
class Config:
    """A validated ``jusou.toml`` (or the defaults, when there is none)."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    """``[check] select``: the only rules to run (selectors); None runs every rule."""
    ignore: tuple[str, ...] = ()
    """``[check] ignore``: rules not to run."""
    strict: bool = False
    """``[check] strict``: warnings fail the check, as ``--strict`` does."""
    exclude: tuple[str, ...] = ()
    """``[check] exclude``: globs a folder walk leaves out, relative to the folder of ``jusou.toml``."""
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    """``[check.severity]``: selector → severity."""
    indicators: IndicatorSettings = IndicatorSettings()

    def rules(
        self, *, select: Sequence[str] | None = None, ignore: Iterable[str] = (), rules: Sequence[Rule] = RULES
    ) -> tuple[Rule, ...]:
        """The rules to run: the command line's ``select`` replaces the file's, its ``ignore`` adds to the file's."""
        return choose(rules, select=self.select if select is None else select, ignore=(*self.ignore, *ignore))

    def severities(self, rules: Sequence[Rule] = RULES) -> dict[str, Severity]:
        """Per-code severity overrides (a code's own setting wins over its group's)."""
        return severity_overrides(self.severity, rules)


class ConfigUnreadable(JusouError):
    """The configuration file exists but cannot be read (a one-line error, exit code 2)."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        self.message = Message(
            ja=f"{path}: 設定ファイルを読めません（{error.strerror or error}）",
            en=f"{path}: cannot read the configuration file ({error.strerror or error})",
        )
        super().__init__(self.message.en)


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The ``jusou.toml`` nearest above ``start`` (a file or a folder), not looking past the repository's top."""
    here = Path(start).resolve()
    folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate / CONFIG_NAME
        if (candidate / ".git").exists():
            return None
    return None


def load_config(path: str | os.PathLike[str], *, name: str | None = None) -> tuple[Config, list[Finding]]:
    """The configuration in the file at ``path`` with its findings (raises :class:`ConfigUnreadable`)."""
    path = Path(path)
    try:
        raw = read_regular(path)
    except OSError as error:
        raise ConfigUnreadable(path, error) from error
    shown = name or str(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Config(path=path), [_located(SYNTAX, _not_utf8(), shown, (1, 1), "")]
    config, findings = parse_config(text, name=shown)
    return attrs.evolve(config, path=path), findings


def parse_config(text: str, *, name: str = CONFIG_NAME) -> tuple[Config, list[Finding]]:
    """The configuration in ``text``; invalid parts are reported and left out, the rest applies."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(), [_syntax(error, name)]
    reader = _Reader(text, name)
    check = reader.table(data, ("check",), KEYS["check"])
    indicators = reader.table(data, ("indicators",), KEYS["indicators"])
    reader.only(data, (), set(KEYS))
    config = Config(
        select=reader.selectors(check, ("check", "select")) if "select" in check else None,
        ignore=reader.selectors(check, ("check", "ignore")) if "ignore" in check else (),
        strict=reader.boolean(check, ("check", "strict")),
        exclude=reader.globs(check, ("check", "exclude")) if "exclude" in check else (),
        severity=reader.severities(check),
        indicators=IndicatorSettings(as_of=reader.year(indicators, ("indicators", "as-of"))),
    )
    return config, reader.findings


def _located(check: Check, message: Message, name: str, where: tuple[int, int], pointer: str) -> Finding:
    return check.finding(message, pointer).evolve(file=name, line=where[0], column=where[1])


def _not_utf8() -> Message:
    return Message(
        ja="設定ファイルが UTF-8 ではありません。UTF-8 で保存してください",
        en="the configuration file is not UTF-8; save it as UTF-8",
    )


_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _syntax(error: tomllib.TOMLDecodeError, name: str) -> Finding:
    reason = str(error)
    match = _POSITION.search(reason)
    where = (int(match[1]), int(match[2])) if match else (1, 1)
    reason = _POSITION.sub("", reason).strip()
    return _located(
        SYNTAX,
        Message(
            ja=f"設定ファイルを TOML として読めません（{reason}）。TOML の書き方を確かめてください",
            en=f"the configuration file is not valid TOML ({reason})",
        ),
        name,
        where,
        "",
    )


def _pointer(path: tuple[str, ...]) -> str:
    return join("", *path)


def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(path)


@attrs.define
class _Reader:
    """Reads the parts of a parsed configuration, collecting a located finding for each problem."""

    text: str
    name: str
    findings: list[Finding] = attrs.field(factory=list)

    def report(self, check: Check, message: Message, path: tuple[str, ...], value: str | None = None) -> None:
        self.findings.append(_located(check, message, self.name, locate(self.text, path, value), _pointer(path)))

    def only(self, table: Mapping[str, Any], path: tuple[str, ...], allowed: Iterable[str]) -> None:
        allowed = set(allowed)
        for key in table:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.5)
            hint_ja = f"「{close[0]}」のことですか" if close else f"使えるキー: {'、'.join(sorted(allowed))}"
            hint_en = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(sorted(allowed))}"
            where = _dotted((*path, key))
            self.report(
                UNKNOWN_KEY,
                Message(ja=f"「{where}」は使えないキーです。{hint_ja}", en=f"unknown key '{where}'; {hint_en}"),
                (*path, key),
            )

    def table(self, data: Mapping[str, Any], path: tuple[str, ...], allowed: Iterable[str]) -> Mapping[str, Any]:
        value = data.get(path[-1], {})
        if not isinstance(value, Mapping):
            self._wrong(path, "表（[テーブル]）", "a table")
            return {}
        self.only(value, path, allowed)
        return value

    def _wrong(self, path: tuple[str, ...], expected_ja: str, expected_en: str) -> None:
        where = _dotted(path)
        self.report(
            INVALID_VALUE,
            Message(ja=f"「{where}」には{expected_ja}を書きます", en=f"'{where}' must be {expected_en}"),
            path,
        )

    def boolean(self, table: Mapping[str, Any], path: tuple[str, ...]) -> bool:
        value = table.get(path[-1], False)
        if not isinstance(value, bool):
            self._wrong(path, " true か false ", "true or false")
            return False
        return value

    def _selector(self, selector: str, path: tuple[str, ...]) -> bool:
        try:
            expand(selector)
        except SelectorError as error:
            self.report(NOT_ADJUSTABLE if error.fixed else UNKNOWN_RULE, error.message, path, selector)
            return False
        return True

    def selectors(self, table: Mapping[str, Any], path: tuple[str, ...]) -> tuple[str, ...]:
        value = table[path[-1]]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self._wrong(
                path,
                '規則のコード・グループの文字列のリスト（例: ["MT", "DL001"]）',
                'a list of rule codes or groups (e.g. ["MT", "DL001"])',
            )
            return ()
        return tuple(item for item in value if self._selector(item, path))

    def globs(self, table: Mapping[str, Any], path: tuple[str, ...]) -> tuple[str, ...]:
        value = table[path[-1]]
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            self._wrong(
                path,
                'ファイル・フォルダの名前やパターンの文字列のリスト（例: ["drafts", "*.old.yaml"]）',
                'a list of file or folder names or globs (e.g. ["drafts", "*.old.yaml"])',
            )
            return ()
        return tuple(value)

    def severities(self, check: Mapping[str, Any]) -> dict[str, Severity]:
        path = ("check", "severity")
        table = check.get("severity", {})
        if not isinstance(table, Mapping):
            self._wrong(path, "表（[check.severity]）", "a table ([check.severity])")
            return {}
        result: dict[str, Severity] = {}
        for selector, value in table.items():
            words = [severity.value for severity in Severity]
            if value not in words:
                where = (*path, selector)
                self.report(
                    INVALID_VALUE,
                    Message(
                        ja=f"「{_dotted(where)}」の値「{value}」は使えません。error・warning・info のいずれかを書きます",
                        en=f"'{_dotted(where)}' = {value!r} is not a severity; write error, warning or info",
                    ),
                    where,
                )
                continue
            if self._selector(selector, (*path, selector)):
                result[selector] = Severity(value)
        return result

    def year(self, table: Mapping[str, Any], path: tuple[str, ...]) -> FiscalYear | None:
        if path[-1] not in table:
            return None
        value = table[path[-1]]
        try:
            if isinstance(value, str | int):
                return parse_year(value)
            raise FiscalYearError(
                str(value),
                reason_ja=f'{value!r} は年度として読めません（例: "R6"）',
                reason_en=f'{value!r} is not a fiscal year (e.g. "R6")',
            )
        except FiscalYearError as error:
            where = _dotted(path)
            self.report(
                INVALID_VALUE,
                Message(
                    ja=f"「{where}」: {error.reason_ja}",
                    en=f"'{where}': {error.reason_en}",
                ),
                path,
            )
            return None
