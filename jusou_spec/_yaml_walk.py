"""Nodes to plain data and a source map, in one walk.

The walk turns the composed nodes into JSON-like data (dicts with string keys, lists, str, int, Decimal, bool, None)
and records where every value and key starts, under its JSON pointer. Aliases are walked where they are used, so
their members are located at the anchored text and the alias itself at the '*'. Scalars are built by their resolved
tag with SafeConstructor's own constructors for int and bool, and floats exactly as Decimal
(:mod:`jusou_spec.numeric`); nothing else is ever constructed: any other tag
is reported and its raw text kept.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from jusou_spec._source_text import TAB_MESSAGE, Issue, LineIndex, leading_tabs
from jusou_spec._yaml_compose import (
    ALLOWED_TAGS,
    CONSTRUCTORS,
    FLOAT,
    MAP,
    MAX_DEPTH,
    MAX_NODES,
    MERGE,
    NULL,
    NULL_WORDS,
    PLAIN,
    SEQ,
    STR,
    Alias,
    Composer,
    Loader,
    Mark,
    Stop,
    depth_limit,
    issue_at,
    refused_for_nesting,
    resolve_plain,
    too_deep,
    too_many,
)
from jusou_spec._yaml_problems import explain
from jusou_spec.findings import Message
from jusou_spec.jsonpointer import escape
from jusou_spec.numeric import from_yaml_float

__all__ = ["MAX_DEPTH", "MAX_NODES", "Loaded", "Point", "load"]

Point = tuple[int, int]
"""A 1-based line and column."""
_FAILED = object()


@attrs.frozen
class Loaded:
    """What the YAML layer hands back: data (None when unusable), where things are, and what is wrong."""

    data: dict[str, object] | None
    values: dict[str, Point]
    keys: dict[str, Point]
    issues: list[Issue]
    strings: list[tuple[str, str]] = attrs.field(factory=list)
    """Every string value in ``data`` with its JSON pointer, in the order the walk met them."""


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Walker:
    """Nodes to plain data in one walk, recording the start of every value and key under its JSON pointer."""

    def __init__(self, composer: Composer, index: LineIndex) -> None:
        self.loader = composer.loader
        self.explicit = composer.explicit
        self.index = index
        self.values: dict[str, Point] = {}
        self.keys: dict[str, Point] = {}
        self.strings: list[tuple[str, str]] = []  # every string value's pointer and text, as met
        self.issues: dict[tuple[str, int, int], Issue] = {}  # an anchored node walked twice reports once
        self.count = 0
        self.aliased = composer.aliased

    def report(self, code: str, message: Message, mark: Mark, pointer: str) -> None:
        issue = issue_at(code, message, mark, pointer)
        self.issues.setdefault((code, issue.line, issue.column), issue)

    def value(self, node: Node | Alias, pointer: str, depth: int) -> object:
        self.count += 1
        if isinstance(node, Alias):
            mark, node = node.mark, node.target
        else:
            mark = node.start_mark
        if self.count > MAX_NODES:
            raise too_many(mark, pointer, aliased=self.aliased)
        self.values[pointer] = (mark.line + 1, mark.column + 1)
        if isinstance(node, ScalarNode):
            scalar = self.scalar(node, pointer)
            if type(scalar) is str:
                self.strings.append((pointer, scalar))
            return scalar
        if depth > MAX_DEPTH:
            raise too_deep(mark, pointer)
        if isinstance(node, SequenceNode) and node.tag == SEQ:
            return [self.value(item, f"{pointer}/{at}", depth + 1) for at, item in enumerate(node.value)]
        if isinstance(node, MappingNode) and node.tag == MAP:
            return self.mapping(node, pointer, depth, frozenset())
        raw = self.tagged(node, pointer, self.index.slice(_at(node.start_mark), _at(node.end_mark)).rstrip())
        self.strings.append((pointer, raw))
        return raw

    def scalar(self, node: ScalarNode, pointer: str) -> object:
        tag, text = node.tag, node.value
        if tag == STR:
            return text
        if tag == NULL and text in NULL_WORDS:
            return None
        if tag == MERGE and id(node) not in self.explicit:
            return text  # "<<" where a value belongs is just text
        if tag == FLOAT:
            exact = from_yaml_float(text)
            if exact is not None:
                return exact
            if id(node) not in self.explicit:
                return text  # a numeral out of range stays text; the schema says why
        construct = CONSTRUCTORS.get(tag)
        if construct is not None:
            try:
                built = construct(self.loader, node)
            except (ValueError, KeyError, TypeError, IndexError):
                built = _FAILED
            if built is not _FAILED:
                return text if isinstance(built, float) else built  # an explicit !!float out of range
            if id(node) not in self.explicit:
                return text  # an implicit form PyYAML cannot build ("0b_"): it is text
        return self.tagged(node, pointer, text)

    def tagged(self, node: Node, pointer: str, raw: str) -> str:
        """SR011: a tag other than the JSON-like ones (or one its value does not fit); the raw text is kept."""
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        if node.tag in ALLOWED_TAGS:
            ja = f"タグ「{shown}」と値「{_short(raw)}」が合いません。値は文字列として読み込みました。"
            en = f"The tag '{shown}' does not fit the value '{_short(raw)}'; the value was read as text."
        else:
            danger = "python" in node.tag.lower()
            ja = f"タグ「{shown}」は使えません。" + (
                "Python のオブジェクトを作るタグは安全のため実行しません。" if danger else ""
            )
            ja += f"値はタグなしの文字列「{_short(raw)}」として読み込みました。"
            en = f"The tag '{shown}' is not allowed{' (Python objects are never built)' if danger else ''}; "
            en += f"the value was read as the text '{_short(raw)}'."
        message = Message(ja=ja + "タグ（「!」で始まる部分）を削除してください。", en=en + " Remove the tag ('!…').")
        self.report("SR011", message, node.start_mark, pointer)
        return raw

    def mapping(self, node: MappingNode, pointer: str, depth: int, skip: frozenset[str]) -> dict[str, object]:
        """A mapping's members, except keys in ``skip`` (those a merging mapping already has)."""
        if depth > MAX_DEPTH:
            raise too_deep(node.start_mark, pointer)
        result: dict[str, object] = {}
        seen: dict[str, int] = {}
        merge: tuple[int, Node | Alias] | None = None
        for key_node, value_node in node.value:
            self.count += 1
            key_mark = key_node.mark if isinstance(key_node, Alias) else key_node.start_mark
            target = key_node.target if isinstance(key_node, Alias) else key_node
            if type(target) is ScalarNode and target.tag == MERGE and target.style in PLAIN and merge is None:
                merge = (len(result), value_node)
                seen["<<"] = key_mark.line + 1
                continue
            key = self.key(target, key_mark, pointer)
            member = f"{pointer}/{escape(key)}"
            if key in seen:
                self.report("SR003", _duplicate(key, seen[key]), key_mark, member)
                continue
            seen[key] = key_mark.line + 1
            if key in skip:
                continue
            self.keys[member] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = self.value(value_node, member, depth + 1)
        if merge is None:
            return result
        at, sources = merge
        merged = self.merged(sources, pointer, depth, skip | seen.keys())
        explicit = list(result.items())
        return dict(explicit[:at]) | merged | dict(explicit[at:])

    def merged(self, sources: Node | Alias, pointer: str, depth: int, skip: frozenset[str]) -> dict[str, object]:
        """Members a merge key ``<<`` brings in: explicit keys win, then earlier sources over later ones."""
        target = sources.target if isinstance(sources, Alias) else sources
        items = target.value if type(target) is SequenceNode else [sources]
        merged: dict[str, object] = {}
        for item in items:
            self.count += 1
            source = item.target if isinstance(item, Alias) else item
            if type(source) is not MappingNode:
                where = item.mark if isinstance(item, Alias) else item.start_mark
                message = Message(
                    ja="YAML の書き方に誤りがあります。マージキー「<<」の値は、マッピング（「&名前」を付けた"
                    "「キー: 値」の並びへの「*名前」）か、そのリストにしてください。この「<<」は使われていません。",
                    en="The value of a merge key '<<' must be a mapping (usually an alias '*name') or a list of "
                    "them; this '<<' was not used.",
                )
                self.report("SR001", message, where, pointer)
                continue
            merged |= self.mapping(source, pointer, depth + 1, skip | merged.keys())
        return merged

    def key(self, node: Node, mark: Mark, pointer: str) -> str:
        """A key as text: a scalar's raw text ("2024", "~"); anything else is SR013 and keeps its source text."""
        if type(node) is ScalarNode:
            if id(node) in self.explicit and node.tag not in ALLOWED_TAGS:
                self.tagged(node, f"{pointer}/{escape(node.value)}", node.value)
            return str(node.value)
        raw = " ".join(self.index.slice(_at(node.start_mark), _at(node.end_mark)).split())
        pointer = f"{pointer}/{escape(raw)}"
        message = Message(
            ja=f"キーにリストやマッピング（「? [a, b]」など）は使えません。キーは文字列にしてください。このキーは"
            f"文字列「{_short(raw)}」として読み込みました。",
            en=f"A key must be plain text, not a list or mapping; this key was read as the text '{_short(raw)}'.",
        )
        self.report("SR013", message, mark, pointer)
        return raw


def _at(mark: Mark | None) -> tuple[int, int]:
    return (mark.line, mark.column) if mark is not None else (0, 0)


def _duplicate(key: str, first_line: int) -> Message:
    return Message(
        ja=f"キー「{_short(key)}」が重複しています（最初は {first_line} 行目）。この 2 つ目の「{_short(key)}」と"
        "その値は使われていません。どちらかを削除するか、一つにまとめてください。",
        en=f"Duplicate key '{_short(key)}' (first on line {first_line}); this second one and its value were not "
        "used. Delete one or merge them.",
    )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading allocates many small containers and makes no reference cycles, so the cyclic garbage collector
    would only rescan them again and again (a third of the time for a large plan); it is paused meanwhile."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def load(text: str, index: LineIndex) -> Loaded:
    """Parse ``text`` (already decoded and free of forbidden characters) into data, a source map and issues."""
    with _collector_paused():
        return _load(text, index)


def _load(text: str, index: LineIndex) -> Loaded:
    limit = depth_limit()
    plain = _read_plain(text, index, limit)
    return plain if plain is not None else _load_composed(text, index, limit)


def _load_composed(text: str, index: LineIndex, limit: int) -> Loaded:
    """Any document, composed into nodes (:class:`Composer`) and walked; every issue is found and placed here."""
    loader = Loader(text)
    composer = Composer(loader, max_depth=limit)
    issues: list[Issue] = []
    try:
        root = composer.compose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        deep = None if mark is None else refused_for_nesting(text, index, mark, composer, limit)
        if deep is not None:
            return Loaded(None, {}, {}, [deep])
        issues.append(_syntax(error, index))
        root = composer.root
    except Stop as stop:
        return Loaded(None, {}, {}, [stop.issue])
    finally:
        loader.dispose()
    issues.extend(issue_at("SR012", _EXTRA_DOCUMENT, mark) for mark in composer.extra_documents)
    if root is None and not issues:
        issues.append(Issue("SR004", _EMPTY, 1, 1))
    if root is None:
        return Loaded(None, {}, {}, issues)
    if type(root) is ScalarNode and root.value == "" and root.style in PLAIN and root.tag == NULL:
        return Loaded(None, {}, {}, [Issue("SR004", _EMPTY, 1, 1), *issues])
    walker = _Walker(composer, index)
    try:
        data = walker.value(root, "", 1)
    except Stop as stop:
        return Loaded(None, {}, {}, [*issues, stop.issue])
    if not isinstance(data, dict):
        return Loaded(None, {}, {}, [issue_at("SR005", _not_mapping(data), root.start_mark), *issues])
    if "\t" in text:
        issues.extend(leading_tabs(index, sorted(composer.scalar_lines)))
    return Loaded(data, walker.values, walker.keys, [*issues, *walker.issues.values()], walker.strings)


class _NotPlain(Exception):
    """The document is not plain: the Composer and the walk read it."""


def _read_plain(text: str, index: LineIndex, limit: int) -> Loaded | None:
    """A plain document read from libyaml's events in one pass, without nodes; None for any other.

    Most plans are plain: one document, a mapping at the top, no anchor, alias, tag, merge key, complex key or
    duplicate key, nothing past a limit, no syntax error and no tab. Such a document's data, source map and strings
    are those the Composer and the walk give (``tests/test_yaml_plain.py`` holds the two to each other), made at a
    fraction of the cost. At the first sign of anything else the document is left to them, which report it.
    """
    if "\t" in text:
        return None  # a tab where indentation belongs is reported by line, which needs the Composer's scalars
    loader = Loader(text)
    try:
        return _PlainReader(loader, index, limit).read()
    except (_NotPlain, yaml.YAMLError):
        return None
    finally:
        loader.dispose()


class _PlainReader:
    """libyaml's events straight to data, positions and strings, for a plain document (see :func:`_read_plain`)."""

    def __init__(self, loader: Loader, index: LineIndex, limit: int) -> None:
        self.loader = loader
        self.limit = limit
        self.scalars = _Walker(Composer(loader), index)  # what a scalar other than text becomes, as in the walk
        self.values: dict[str, Point] = {}
        self.keys: dict[str, Point] = {}
        self.strings: list[tuple[str, str]] = []

    def read(self) -> Loaded:
        get: Callable[[], Any] = self.loader.get_event  # PyYAML's events are loosely typed
        get()  # stream start
        if type(get()) is not DocumentStartEvent:
            raise _NotPlain
        start = get()
        if type(start) is not MappingStartEvent or start.anchor is not None or start.tag is not None:
            raise _NotPlain
        data = self._mapping(start)
        get()  # document end
        if type(get()) is not StreamEndEvent:
            raise _NotPlain  # a second document
        if self.scalars.issues:
            raise _NotPlain
        return Loaded(data, self.values, self.keys, [], self.strings)

    def _mapping(self, start: Any) -> dict[str, object]:
        """The top mapping, read without recursion: each open collection is a frame of (container, its pointer,
        the pointer of the member whose value comes next, or None where a mapping's next event is a key)."""
        values, keys, strings = self.values, self.keys, self.strings
        get: Callable[[], Any] = self.loader.get_event
        root: dict[str, object] = {}
        values[""] = (start.start_mark.line + 1, start.start_mark.column + 1)
        stack: list[list[Any]] = [[root, "", None]]
        count = 1
        while True:
            event = get()
            kind = type(event)
            frame = stack[-1]
            container = frame[0]
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                if not stack:
                    return root
                continue
            if kind is AliasEvent or event.anchor is not None or event.tag is not None:
                raise _NotPlain
            count += 1
            if count > MAX_NODES:
                raise _NotPlain
            mark = event.start_mark
            mapping = type(container) is dict
            if mapping and frame[2] is None:  # a key
                if kind is not ScalarEvent:
                    raise _NotPlain  # a list or mapping as a key
                key = event.value
                if key in container or (key == "<<" and event.style in PLAIN):
                    raise _NotPlain  # a duplicate, or a merge key
                frame[2] = member = f"{frame[1]}/{escape(key)}"
                frame.append(key)
                keys[member] = (mark.line + 1, mark.column + 1)
                continue
            if mapping:
                pointer = frame[2]
                frame[2] = None
                slot = frame.pop()
            else:
                pointer = f"{frame[1]}/{len(container)}"
            values[pointer] = (mark.line + 1, mark.column + 1)
            value: object
            if kind is ScalarEvent:
                text = event.value
                tag = resolve_plain(text) if event.style in PLAIN else STR
                if tag == STR:
                    value = text
                else:
                    value = self.scalars.scalar(ScalarNode(tag, text, mark, event.end_mark, event.style), pointer)
                if type(value) is str:
                    strings.append((pointer, value))
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if len(stack) >= self.limit:
                    raise _NotPlain
                value = {} if kind is MappingStartEvent else []
                stack.append([value, pointer, None])
            else:
                raise _NotPlain
            if mapping:
                container[slot] = value
            else:
                container.append(value)


def _syntax(error: yaml.MarkedYAMLError, index: LineIndex) -> Issue:
    """SR001 at the parser's problem mark, or SR002 when the problem is a tab."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    char = index.char_at(line, column)
    problem = error.problem or "unknown problem"
    if char == "\t" or re.search(r"\btab\b", problem):
        return Issue("SR002", TAB_MESSAGE, line + 1, column + 1)
    context_line = error.context_mark.line + 1 if error.context_mark is not None else None
    first = min(context_line or line + 1, line) - 1  # 0-based: the context's line, or the line before the problem
    around = {number + 1: index.slice((number, 0), (number + 1, 0)) for number in range(max(first, 0), line + 1)}
    message = explain(problem, error.context, context_line, char, lines=around)
    return Issue("SR001", message, line + 1, column + 1)


def _not_mapping(data: object) -> Message:
    what_ja, what_en = (
        ("リスト（「- 」の並び）", "a list") if isinstance(data, list) else ("1 つの値", "a single value")
    )
    return Message(
        ja=f"文書の最上位が「キー: 値」の並び（マッピング）ではなく、{what_ja}になっています。最上位は"
        "「jusou: plan/1」で始まる「キー: 値」の並びにしてください。",
        en=f"The top level of the document is {what_en}, not a mapping: it must be 'key: value' lines starting "
        "with 'jusou: plan/1'.",
    )


_EMPTY = Message(
    ja="ファイルが空です（コメントや空行しかありません）。1 行目に「jusou: plan/1」（実施計画）または"
    "「jusou: report/1」（実施状況報告）と書き、続けて内容を書いてください。",
    en="The file is empty (only comments or blank lines). Start it with 'jusou: plan/1' (a plan) or "
    "'jusou: report/1' (a report), followed by the content.",
)

_EXTRA_DOCUMENT = Message(
    ja="1 つのファイルに複数の YAML 文書があります（「---」で区切られた 2 つ目以降）。読み込んだのは最初の文書"
    "だけです。2 つ目以降は別のファイルに分けるか、「---」の行を削除してください。",
    en="The file holds more than one YAML document (separated by '---'); only the first was read. Move the others "
    "to files of their own, or delete the '---' line.",
)
