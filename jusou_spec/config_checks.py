"""The configuration's own checks (CF001–CF005): a ``jusou.toml`` that is not TOML, or names a key, a value or a
rule that does not exist, or tries to change a basic check.

They are declared here rather than in :mod:`jusou_spec.config`, which reports them, because the catalogue of every
check sits below the configuration: the configuration checks its rule selectors through :mod:`jusou_spec.selection`,
which asks the catalogue which codes no setting may change (these among them).
"""

from __future__ import annotations

from jusou_spec.findings import Check, Message, Severity

__all__ = ["CHECKS", "INVALID_VALUE", "NOT_ADJUSTABLE", "SYNTAX", "UNKNOWN_KEY", "UNKNOWN_RULE"]

SYNTAX = Check(
    "CF001",
    "config.syntax",
    Severity.ERROR,
    Message(ja="TOML として読めない設定ファイル", en="A configuration file that is not valid TOML"),
)
UNKNOWN_KEY = Check(
    "CF002",
    "config.unknown-key",
    Severity.ERROR,
    Message(ja="設定ファイルの使えないキー", en="A key the configuration does not know"),
)
INVALID_VALUE = Check(
    "CF003",
    "config.invalid-value",
    Severity.ERROR,
    Message(ja="設定ファイルの使えない値", en="A configuration value that is not allowed"),
)
UNKNOWN_RULE = Check(
    "CF004",
    "config.unknown-rule",
    Severity.ERROR,
    Message(ja="設定ファイルの存在しない規則", en="A rule or group the configuration names that does not exist"),
)
NOT_ADJUSTABLE = Check(
    "CF005",
    "config.not-adjustable",
    Severity.ERROR,
    Message(ja="設定で変えられない基本の検査", en="A basic check the configuration cannot change"),
)
CHECKS = (SYNTAX, UNKNOWN_KEY, INVALID_VALUE, UNKNOWN_RULE, NOT_ADJUSTABLE)
