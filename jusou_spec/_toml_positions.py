"""Where a key or a value sits in a TOML file, for locating configuration findings.

The standard library's ``tomllib`` gives values, not positions. Configuration files are short and flat, so a scan
of the lines finds the line and column of a table's header, a key inside a table (also in an inline table or as a
dotted key) and a string inside a key's value well enough to put a finding where the user will look.
"""

from __future__ import annotations

import re

__all__ = ["locate"]

_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip('"').strip("'") for part in dotted.split("."))


def _key_pattern(key: str) -> re.Pattern[str]:
    quoted = re.escape(key)
    return re.compile(rf"(?:^|[\s{{,.])(?P<key>\"{quoted}\"|'{quoted}'|{quoted})\s*=")


def locate(text: str, path: tuple[str, ...], value: str | None = None) -> tuple[int, int]:
    """1-based (line, column) of ``path`` (table names then a key) in ``text``; of ``value`` after it if given.

    Falls back to the nearest enclosing table, then to the start of the file.

    >>> locate("[check]\\nselect = [\\"MT\\", \\"XX9\\"]\\n", ("check", "select"), "XX9")
    (2, 18)
    >>> locate("[check.severity]\\nNS001 = \\"loud\\"\\n", ("check", "severity", "NS001"))
    (2, 1)
    >>> locate("[check]\\nstrict = 1\\n", ("check", "nothing"))
    (1, 1)
    """
    lines = text.splitlines()
    for depth in range(len(path), 0, -1):
        found = _find(lines, path[:depth], value if depth == len(path) else None)
        if found is not None:
            return found
    return 1, 1


def _find(lines: list[str], path: tuple[str, ...], value: str | None) -> tuple[int, int] | None:
    table: tuple[str, ...] = ()
    for number, line in enumerate(lines, start=1):
        header = _HEADER.match(line)
        if header:
            table = _parts(header.group(1))
            if table == path:
                return number, line.index("[") + 1
            continue
        if len(path) <= len(table) or path[: len(table)] != table:
            continue
        match = _key_pattern(path[-1]).search(line)
        if match is None:
            continue
        if value is not None:
            at = line.find(value, match.end())
            if at >= 0:
                return number, at + 1
        return number, match.start("key") + 1
    return None
