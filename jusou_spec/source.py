"""The loader: a YAML file in; plain data, a source map and findings out.

Planners write their plans by hand, so the loader's first duty is to say exactly where something is wrong, in
Japanese, and never to crash: every problem with the content of a file that could be read becomes a finding with a
line and a column (codes SR001–SR013 below). The source map it builds lets every later check (schema, rules) point
at the line a planner has to change.

>>> document = parse_source("jusou: plan/1\\n名称: 魚津市\\n")
>>> document.kind, document.version, document.data
('plan', 1, {'jusou': 'plan/1', '名称': '魚津市'})
>>> document.source_map.locate("/名称")
Position(line=2, column=5)
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from types import MappingProxyType

import attrs

from jusou_spec import _source_text, _yaml_walk, jsonpointer
from jusou_spec._source_text import Issue
from jusou_spec.errors import JusouError
from jusou_spec.files import NotRegularFile, read_regular
from jusou_spec.findings import Check, Finding, Message, Severity, sort_findings
from jusou_spec.numeric import short

__all__ = [
    "CHECKS",
    "KINDS",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "Position",
    "Positions",
    "SourceDocument",
    "SourceMap",
    "SourceUnreadable",
    "carries_marker",
    "folder_unreadable",
    "parse_source",
    "read_marker",
    "read_raw",
    "read_source",
]

KINDS: Mapping[str, frozenset[int]] = MappingProxyType({"plan": frozenset({1}), "report": frozenset({1})})
"""The document kinds the marker ``jusou: KIND/VERSION`` may name, with the schema versions this release reads."""

MAX_FILE_BYTES = 32 * 1024 * 1024
"""The largest document read: about 18,000 programs of the size of a bundled plan's (the largest bundled plan is
91 KB for 28 programs), and small enough to hold in memory with its source map."""
MAX_DEPTH = _yaml_walk.MAX_DEPTH
MAX_NODES = _yaml_walk.MAX_NODES


def _check(code: str, name: str, ja: str, en: str, severity: Severity = Severity.ERROR) -> Check:
    return Check(code=code, name=f"source.{name}", severity=severity, title=Message(ja=ja, en=en))


SYNTAX = _check("SR001", "syntax", "YAML の書き方の誤り", "YAML syntax error")
TAB_INDENT = _check("SR002", "tab-indent", "字下げにタブ文字", "Tab used for indentation")
DUPLICATE_KEY = _check("SR003", "duplicate-key", "キーの重複", "Duplicate mapping key")
EMPTY = _check("SR004", "empty", "空の文書", "Empty document")
NOT_MAPPING = _check("SR005", "not-mapping", "最上位が「キー: 値」の並びでない", "Top level is not a mapping")
MARKER_MISSING = _check("SR006", "marker-missing", "先頭の jusou マーカーがない", "The jusou marker is missing")
MARKER_UNSUPPORTED = _check(
    "SR007", "marker-unsupported", "未対応の文書の種類・版", "Unknown document kind or unsupported version"
)
LIMIT = _check("SR008", "limit", "大きさ・深さの上限超過", "A limit is exceeded")
NOT_TEXT = _check("SR009", "not-text", "テキストでない内容", "Not text")
NOT_UTF8 = _check("SR010", "not-utf8", "UTF-8 以外の文字コード", "Not UTF-8", Severity.WARNING)
TAG = _check("SR011", "tag", "タグの使用", "Tag used")
MULTIPLE_DOCUMENTS = _check("SR012", "multiple-documents", "複数の YAML 文書", "More than one YAML document")
COMPLEX_KEY = _check("SR013", "complex-key", "文字列でないキー", "Key is not a plain scalar")

CHECKS: tuple[Check, ...] = (
    SYNTAX,
    TAB_INDENT,
    DUPLICATE_KEY,
    EMPTY,
    NOT_MAPPING,
    MARKER_MISSING,
    MARKER_UNSUPPORTED,
    LIMIT,
    NOT_TEXT,
    NOT_UTF8,
    TAG,
    MULTIPLE_DOCUMENTS,
    COMPLEX_KEY,
)
_BY_CODE = {check.code: check for check in CHECKS}


@attrs.frozen
class Position:
    """A place in a source file: 1-based line and column, the column counted in characters, not bytes."""

    line: int
    column: int
    cell: str | None = attrs.field(default=None, repr=False)
    """In a workbook, the cell by sheet and address (``事業!D12``); line and column are its row and column."""


class Positions(Mapping[str, Position]):
    """A read-only map of JSON pointers to positions, kept as (line, column) pairs and made :class:`Position` when
    read: the loader notes one for every value and key of a document, and a check reads only the few its findings
    point at."""

    __slots__ = ("_points",)

    def __init__(self, points: Mapping[str, tuple[int, int]]) -> None:
        self._points = points

    def __getitem__(self, pointer: str) -> Position:
        line, column = self._points[pointer]
        return Position(line, column)

    def __contains__(self, pointer: object) -> bool:
        return pointer in self._points

    def __iter__(self) -> Iterator[str]:
        return iter(self._points)

    def __len__(self) -> int:
        return len(self._points)

    def __repr__(self) -> str:
        return f"Positions({dict(self)!r})"


@attrs.frozen
class SourceMap:
    """Where each part of a document starts, by RFC 6901 JSON pointer ("" is the whole document)."""

    values: Mapping[str, Position] = attrs.field(factory=dict)
    keys: Mapping[str, Position] = attrs.field(factory=dict)
    """For a member of a mapping: where its key starts (a finding about a name points there)."""

    def locate(self, pointer: str, *, key: bool = False) -> Position:
        """Position of pointer (its key when key=True and known, else its value); when the pointer is not in the
        map (e.g. a missing required member), the nearest ancestor that is; Position(1, 1) when none is."""
        while True:
            if key and pointer in self.keys:
                return self.keys[pointer]
            if pointer in self.values:
                return self.values[pointer]
            if not pointer:
                return Position(1, 1)
            pointer = pointer[: pointer.rfind("/")] if "/" in pointer else ""


@attrs.frozen
class SourceDocument:
    """One loaded file: its data (None when nothing usable), where things are in it, and what is wrong with it."""

    name: str
    data: object | None
    source_map: SourceMap
    findings: tuple[Finding, ...]
    encoding: str
    kind: str | None
    version: int | None
    strings: tuple[tuple[str, str], ...] = attrs.field(default=(), repr=False, eq=False)
    """Every string value in ``data`` with its JSON pointer, as the loader met them (empty for a document not read
    from YAML): the personal-information rules read the text from here rather than walk ``data`` again."""


class SourceUnreadable(JusouError):
    """The path could not be read at all (missing, a directory, permission denied). Carries .path and .message (a
    Message in ja+en)."""

    def __init__(self, path: str, message: Message) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return self.message.en


def read_source(path: str | os.PathLike[str], *, name: str | None = None) -> SourceDocument:
    """Read and load a file; only a path that cannot be read at all raises (SourceUnreadable)."""
    shown = os.fsdecode(os.fspath(path))
    return parse_source(read_raw(path), name=shown if name is None else name)


def read_raw(path: str | os.PathLike[str]) -> bytes:
    """A document file's bytes, one more than :data:`MAX_FILE_BYTES` at most (so "too large" is told without
    reading it all), through the one door files are opened by; raises SourceUnreadable, as :func:`read_source`
    does (a workbook's reader uses it too)."""
    try:
        return read_regular(path, limit=MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as error:
        shown = os.fsdecode(os.fspath(path))
        raise SourceUnreadable(shown, _unreadable(shown, error)) from error


def parse_source(raw: bytes | str, *, name: str = "<string>") -> SourceDocument:
    """Load a document from bytes (the encoding is detected) or text; never raises, whatever the input."""
    try:
        return _parse(raw, name)
    except (RecursionError, MemoryError):
        message = Message(
            ja="文書が大きすぎるか複雑すぎるため、読み込めませんでした。ファイルを分けるか、構造を簡単にしてください。",
            en="The document is too large or too complex to load; split the file or simplify its structure.",
        )
        return _unusable(name, [Issue("SR008", message, 1, 1)])
    except Exception as error:  # the promise is "no traceback, ever": an unforeseen failure is still a finding
        message = Message(
            ja=f"YAML として読み込めませんでした（{type(error).__name__}）。書き方を確認してください。",
            en=f"The file could not be loaded as YAML ({type(error).__name__}: {error}).",
        )
        code = "SR009" if isinstance(error, UnicodeError) else "SR001"
        return _unusable(name, [Issue(code, message, 1, 1)])


def carries_marker(path: str | os.PathLike[str], *, unreadable: bool = False) -> bool:
    """Cheap test for folder scans: does the file's first key (first line that is not blank, not a comment, not a
    %directive and not '---') start with `jusou:`? Must not parse the whole YAML; must never raise (``unreadable``,
    False by default, when the file cannot be read: the folder scan passes True, so that reading says why)."""
    try:
        head = read_regular(path, limit=_HEAD_BYTES)
    except (OSError, ValueError):
        return unreadable
    try:
        for line in _HEAD_LINES.split(_head_text(head).removeprefix("\ufeff")):
            if not _SKIPPED_LINE.fullmatch(line):
                return _MARKER_LINE.match(line) is not None
        return False
    except Exception:
        return False


_HEAD_BYTES = 64 * 1024
_HEAD_LINES = re.compile("\r\n|\r|\n")
_SKIPPED_LINE = re.compile(r"[ \t]*(?:#.*)?|%.*|---(?:[ \t].*)?")
_MARKER_LINE = re.compile(r"[ \t]*(?:jusou|\"jusou\"|'jusou')[ \t]*:(?:[ \t]|$)")
_MARKER = re.compile(r"([a-z]+)(?:/([0-9]+))?", re.ASCII)


def _head_text(head: bytes) -> str:
    for bom, encoding in _source_text.BOMS:
        if head.startswith(bom):
            return head.decode(encoding, errors="replace")
    return head.decode("utf-8", errors="replace")  # ASCII lines survive in CP932 too


def _parse(raw: bytes | str, name: str) -> SourceDocument:
    if _too_large(raw):
        message = Message(
            ja=f"ファイルが大きすぎます（上限は {MAX_FILE_BYTES // 1024 // 1024} MiB）。ファイルを分けてください。",
            en=f"The file is too large (the limit is {MAX_FILE_BYTES // 1024 // 1024} MiB); split it.",
        )
        return _unusable(name, [Issue("SR008", message, 1, 1)])
    if isinstance(raw, str):
        decoded = _source_text.Decoded(raw.removeprefix("\ufeff"), "utf-8")
    else:
        decoded = _source_text.decode(raw)
    issues = list(decoded.issues)
    text = decoded.text
    bad = None if text is None else _source_text.find_non_printable(text)
    if text is None or bad is not None:
        return _unusable(name, [*issues, *([bad] if bad else [])], decoded.encoding)
    loaded = _yaml_walk.load(text, _source_text.LineIndex(text))
    source_map = SourceMap(values=Positions(loaded.values), keys=Positions(loaded.keys))
    issues.extend(loaded.issues)
    kind = version = None
    if loaded.data is not None:
        kind, version = _marker(loaded.data, source_map, issues)
    return SourceDocument(
        name=name,
        data=loaded.data,
        source_map=source_map,
        findings=_findings(issues, name),
        encoding=decoded.encoding,
        kind=kind,
        version=version,
        strings=tuple(loaded.strings),
    )


def _too_large(raw: bytes | str) -> bool:
    if isinstance(raw, bytes) or len(raw) > MAX_FILE_BYTES or len(raw) * 4 <= MAX_FILE_BYTES:
        return len(raw) > MAX_FILE_BYTES
    return len(raw.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES


def _unusable(name: str, issues: list[Issue], encoding: str = "utf-8") -> SourceDocument:
    return SourceDocument(name, None, SourceMap(), _findings(issues, name), encoding, None, None)


def _findings(issues: list[Issue], name: str) -> tuple[Finding, ...]:
    findings = (
        _BY_CODE[issue.code]
        .finding(issue.message, issue.pointer)
        .evolve(file=name, line=max(issue.line, 1), column=max(issue.column, 1))
        for issue in issues
    )
    return tuple(sort_findings(findings))


def _version(digits: str | None) -> int | None:
    """The version number of a marker (plan/1); None for none, or for a run of digits no version can have (so a
    marker of thousands of digits never reaches int())."""
    if digits is None or len(digits.lstrip("0")) > 6:
        return None
    return int(digits)


def _marker(data: dict[str, object], source_map: SourceMap, issues: list[Issue]) -> tuple[str | None, int | None]:
    """SR006/SR007 for the first key ``jusou: KIND/VERSION``; the kind and version when its value is valid.

    A valid value in the wrong place still gives the kind (with SR006), so later checks can run on the document.
    """
    supported = "、".join(f"{kind}/{version}" for kind in sorted(KINDS) for version in sorted(KINDS[kind]))
    if "jusou" not in data:
        at = source_map.locate(jsonpointer.join("", next(iter(data))), key=True) if data else Position(1, 1)
        message = Message(
            ja="文書の最初のキーは「jusou」にし、値を「plan/1」（実施計画）または「report/1」（実施状況報告）として"
            "ください。ファイルの先頭（コメントの後）に「jusou: plan/1」の行を追加してください。",
            en="The document's first key must be 'jusou', with the value 'plan/1' (a plan) or 'report/1' (a "
            "report): add the line 'jusou: plan/1' at the top of the file.",
        )
        issues.append(Issue("SR006", message, at.line, at.column))
        return None, None
    if next(iter(data)) != "jusou":
        at = source_map.locate("/jusou", key=True)
        message = Message(
            ja=f"「jusou」は文書の最初のキーにしてください（今は {at.line} 行目にあります）。この行をファイルの"
            "先頭（コメントの後）に移してください。",
            en=f"'jusou' must be the document's first key (it is on line {at.line}): move that line to the top.",
        )
        issues.append(Issue("SR006", message, at.line, at.column, "/jusou"))
    value = data["jusou"]
    text = value.strip(" \t") if isinstance(value, str) else ""
    match = _MARKER.fullmatch(text)
    version = _version(match[2]) if match else None
    if match and match[1] in KINDS and version in KINDS[match[1]]:
        return match[1], version
    empty = value is None or (isinstance(value, str) and not text)
    shown = short(text if isinstance(value, str) else value, 40)
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    hint = _MARKER.fullmatch(folded)
    if match and match[1] in KINDS and match[2] is None:
        ja, en = f"版の番号がありません。「{match[1]}/1」のように書いてください。", f"write it as '{match[1]}/1'."
    elif match and match[1] in KINDS:
        number = short(match[2].lstrip("0") or "0")
        ja = f"「{match[1]}」の版 {number} はこのツールでは読めません（対応している種類と版: {supported}）。"
        en = f"version {number} of '{match[1]}' is not supported (supported: {supported.replace('、', ', ')})."
    elif hint and hint[1] in KINDS and _version(hint[2]) in KINDS[hint[1]]:
        ja = f"全角文字や大文字は使えません。半角小文字で「{hint[1]}/{_version(hint[2])}」と書いてください。"
        en = f"write it in ASCII lower case: '{hint[1]}/{_version(hint[2])}'."
    else:
        ja = f"対応している種類と版は {supported}（plan は実施計画、report は実施状況報告）です。"
        en = f"the supported kinds and versions are {supported.replace('、', ', ')}."
    at = source_map.locate("/jusou")
    message = Message(
        ja=f"「jusou」の値{'がありません' if empty else f'「{shown}」は扱えません'}。{ja}",
        en=f"The value of 'jusou' {'is missing' if empty else f'({shown!r}) cannot be used'}: {en}",
    )
    issues.append(Issue("SR007", message, at.line, at.column, "/jusou"))
    return None, None


def read_marker(
    data: dict[str, object], source_map: SourceMap, name: str
) -> tuple[str | None, int | None, tuple[Finding, ...]]:
    """The kind and version the ``jusou`` member of ``data`` names, and SR006/SR007 when it does not (for documents
    read from elsewhere than YAML, such as a workbook's 基本情報 sheet)."""
    issues: list[Issue] = []
    kind, version = _marker(data, source_map, issues)
    return kind, version, _findings(issues, name)


def folder_unreadable(path: str, error: OSError) -> Message:
    """Why a folder could not be listed, naming it."""
    if isinstance(error, PermissionError):
        return Message(
            ja=f"フォルダ「{path}」の中を読む権限がありません（中のファイルは検査していません）。",
            en=f"Permission denied: the folder {path} cannot be listed (the files in it were not checked)",
        )
    reason = error.strerror or str(error)
    return Message(
        ja=f"フォルダ「{path}」の中を読めません（{reason}。中のファイルは検査していません）。",
        en=f"Cannot list the folder {path}: {reason} (the files in it were not checked)",
    )


def _unreadable(path: str, error: OSError | ValueError) -> Message:
    if isinstance(error, FileNotFoundError):
        return Message(ja=f"ファイル「{path}」が見つかりません。", en=f"No such file: {path}")
    if isinstance(error, IsADirectoryError):
        return Message(
            ja=f"「{path}」はフォルダです。ファイルを指定してください。", en=f"{path} is a directory, not a file"
        )
    if isinstance(error, NotRegularFile):
        return Message(
            ja=f"「{path}」は{error.kind_ja}で、通常のファイルではないため読みません。",
            en=f"{path} is a {error.kind}, not a regular file: not read",
        )
    if isinstance(error, PermissionError):
        return Message(ja=f"ファイル「{path}」を読む権限がありません。", en=f"Permission denied: {path}")
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return Message(ja=f"ファイル「{path}」を読めません（{reason}）。", en=f"Cannot read {path}: {reason}")
