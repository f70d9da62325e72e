"""libyaml's events composed into nodes, iteratively and within limits.

PyYAML's composer (its C version too) recurses once per nesting level, so a document nested some tens of thousands
of levels deep, only a few hundred kilobytes long, crashes the interpreter. Here the C parser's events are composed
without recursion into nodes that share what aliases share, and every limit is enforced as the events arrive: the
nesting depth, and the number of nodes counted as aliases would expand them, so an alias bomb is refused at the
alias that crosses the limit, before anything is expanded.

libyaml 0.2.6 and later has a nesting limit of its own, which counts levels a little differently (in block style it
refuses a document exactly as deep as its limit), and its scanner reads up to 1,024 characters ahead of the events
it has given, so on one long line it can refuse a nesting before the composer has seen the level that crosses the
composer's limit. The composer's limit therefore stays one below libyaml's (:func:`depth_limit`), and
:func:`refused_for_nesting` tells libyaml's refusal from a syntax error by composing the text again with the
pure-Python parser, which has no limit, up to the line libyaml stopped on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType
from typing import Any, Protocol

import yaml
from yaml.constructor import SafeConstructor
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

from jusou_spec._source_text import Issue, LineIndex
from jusou_spec.findings import Message

_libyaml: ModuleType | None
try:
    from yaml import CSafeLoader as _BaseLoader
    from yaml import _yaml as _libyaml
except ImportError:  # PyYAML built without libyaml: the same events, more slowly
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]  # the same loader, in Python

    _libyaml = None

__all__ = [
    "ALLOWED_TAGS",
    "CONSTRUCTORS",
    "MAX_DEPTH",
    "MAX_NODES",
    "PLAIN",
    "Alias",
    "Composer",
    "Loader",
    "Mark",
    "Stop",
    "TooDeep",
    "depth_limit",
    "issue_at",
    "refused_for_nesting",
    "resolve_plain",
    "too_deep",
    "too_many",
]

MAX_DEPTH = 64
MAX_NODES = 1_000_000
"""Values (mapping keys and values, list items; aliases counted as they expand) a document may hold: a bound on the
work an alias bomb can cause, set well above the largest plans (10,000 programs with indicators hold about 600,000)."""

STR, INT, FLOAT, BOOL, NULL, SEQ, MAP, MERGE = (
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "merge")
)
ALLOWED_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, SEQ, MAP})
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
PLAIN = (None, "")  # libyaml's plain style is "", the pure-Python parser's is None

# YAML 1.1's int and float forms without the ones that silently change a planner's meaning: sexagesimal ("10:30"
# would be 630), leading-zero octal (a code "0120" would be 80), and .inf/.nan (which JSON cannot hold).
_INT_FORM = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?(?:0|[1-9][0-9_]*))$")
_FLOAT_FORM = re.compile(r"^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?)$")


def _implicit_resolvers() -> dict[str | None, list[tuple[str, re.Pattern[str]]]]:
    """SafeLoader's implicit tags kept for bool, null and merge; no timestamp or value; narrower int and float."""
    table: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [(tag, form) for tag, form in entries if tag in (BOOL, NULL, MERGE)]
        if kept:
            table[first] = kept
    for tag, form, firsts in ((INT, _INT_FORM, "-+0123456789"), (FLOAT, _FLOAT_FORM, "-+0123456789.")):
        for first in firsts:
            table.setdefault(first, []).append((tag, form))
    return table


class Loader(_BaseLoader):
    """SafeLoader's parser and scalar constructors, with an implicit-tag table of its own (PyYAML's stays as it is)."""

    yaml_implicit_resolvers = _implicit_resolvers()


class _PurePythonLoader(yaml.SafeLoader):
    """The pure-Python parser, which has no nesting limit: for telling libyaml's nesting refusal from a syntax error."""

    yaml_implicit_resolvers = Loader.yaml_implicit_resolvers


def _libyaml_nest_limit() -> int | None:
    """libyaml's own nesting limit, read through the API PyYAML exposes for it (None where there is none)."""
    get = getattr(_libyaml, "_get_max_nest_level", None)
    return int(get()) if callable(get) else None


def depth_limit() -> int:
    """The nesting the loader accepts: MAX_DEPTH, or less where libyaml would refuse that much.

    libyaml refuses a block-style document exactly as deep as its limit, so the composer stops one level earlier,
    and the composer, not libyaml, decides what is too deep. Read at every load: a program may change libyaml's
    limit (``yaml._yaml._set_max_nest_level``) at any time.
    """
    libyaml = _libyaml_nest_limit()
    return MAX_DEPTH if libyaml is None else max(1, min(MAX_DEPTH, libyaml - 1))


CONSTRUCTORS: dict[str, Callable[[SafeConstructor, ScalarNode], object]] = {
    INT: Loader.construct_yaml_int,
    FLOAT: Loader.construct_yaml_float,
    BOOL: Loader.construct_yaml_bool,
}


_RESOLVERS = Loader.yaml_implicit_resolvers


def resolve_plain(value: str) -> str:
    """Resolver.resolve for a plain scalar, over Loader's table, without its per-call overhead: most values in a
    plan start with a Japanese character, for which no implicit tag exists."""
    forms = _RESOLVERS.get(value[:1])
    if forms:
        for tag, form in forms:
            if form.match(value):
                return tag
    return STR


class Mark(Protocol):
    """What a position needs from a parser mark (libyaml's and the pure-Python parser's differ in class)."""

    line: int
    column: int


class Stop(Exception):
    """Loading cannot go on (a limit, a cycle, an undefined alias); the issue says why and where."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message.en)
        self.issue = issue


class TooDeep(Stop):
    """Loading stopped at the first level past the nesting limit."""


def issue_at(code: str, message: Message, mark: Mark, pointer: str = "") -> Issue:
    """An issue at a 0-based parser mark."""
    return Issue(code, message, mark.line + 1, mark.column + 1, pointer)


def _limit(ja: str, en: str, mark: Mark, pointer: str = "") -> Stop:
    return Stop(issue_at("SR008", Message(ja=ja, en=en), mark, pointer))


def too_deep(mark: Mark, pointer: str = "", *, limit: int = MAX_DEPTH) -> TooDeep:
    """SR008: more than ``limit`` levels of nesting (counting those an alias brings)."""
    message = Message(
        ja=f"入れ子（字下げの階層）が深すぎます（上限は {limit} 階層）。構造を見直してください。",
        en=f"The nesting is too deep (the limit is {limit} levels).",
    )
    return TooDeep(issue_at("SR008", message, mark, pointer))


def too_many(mark: Mark, pointer: str = "", *, aliased: bool = True) -> Stop:
    """SR008: more than MAX_NODES nodes, counted as aliases expand. ``aliased`` says whether an alias was used: a
    long plain list is just too long, and its message does not speak of alias bombs."""
    if not aliased:
        return _limit(
            f"値が多すぎます（上限は {MAX_NODES:,} 個）。読み込みを中止しました。ファイルを分けてください。",
            f"Too many values (the limit is {MAX_NODES:,}); loading stopped: split the file.",
            mark,
            pointer,
        )
    return _limit(
        f"値が多すぎます（エイリアス「*」の展開後で上限 {MAX_NODES:,} 個）。エイリアスを重ねて爆発的に増やす"
        "書き方（いわゆる Billion Laughs）の可能性があるため、読み込みを中止しました。",
        f"Too many values (the limit is {MAX_NODES:,}, counting what aliases '*' expand to); loading stopped, as "
        "this looks like an alias bomb ('billion laughs').",
        mark,
        pointer,
    )


class Alias:
    """An alias in the node tree: where it was written, and the node it names."""

    __slots__ = ("mark", "target")

    def __init__(self, target: Node, mark: Mark) -> None:
        self.target = target
        self.mark = mark


class Composer:
    """Events to nodes, without recursion, refusing more than MAX_DEPTH levels or MAX_NODES nodes as they come.

    Nodes are counted as aliases would expand them (an alias adds the size of what it names), so an alias bomb is
    refused at the alias that crosses the limit, before anything is expanded.
    """

    def __init__(self, loader: Loader | _PurePythonLoader, *, max_depth: int = MAX_DEPTH) -> None:
        self.loader = loader
        self.max_depth = max_depth
        self.anchors: dict[str, Node] = {}
        self.open: set[int] = set()  # anchored collections still being composed: an alias to one is a cycle
        self.explicit: set[int] = set()  # nodes whose tag was written out
        self.scalar_lines: list[tuple[int, int]] = []  # 0-based lines inside multi-line quoted and block scalars
        self.extra_documents: list[Any] = []  # marks of later documents' starts
        self.root: Node | None = None
        self.count = 0
        self.aliased = False
        self.sizes: dict[int, int] = {}  # anchored collections: how many nodes they expand to
        self.interrupted: tuple[int, Mark | None] = (0, None)  # open levels, and where the last node ended

    def compose(self) -> Node | None:
        """The first document's root (None when the stream has none); later documents are only noted."""
        get: Callable[[], Any] = self.loader.get_event  # PyYAML's events are loosely typed
        get()  # stream start
        if isinstance(get(), StreamEndEvent):
            return None
        root = self.root = self._document()
        get()  # document end
        while not isinstance(event := get(), StreamEndEvent):
            if isinstance(event, DocumentStartEvent):
                self.extra_documents.append(event.start_mark)
        return root

    def _document(self) -> Node:
        stack: list[tuple[Node, list[Node | Alias], int]] = []
        try:
            return self._compose_events(stack)
        except yaml.MarkedYAMLError:
            self.interrupted = (len(stack), _last_mark(stack))
            raise

    def _compose_events(self, stack: list[tuple[Node, list[Node | Alias], int]]) -> Node:
        get: Callable[[], Any] = self.loader.get_event  # PyYAML's events are loosely typed
        while True:
            event = get()
            kind = type(event)
            node: Node | Alias
            if kind is ScalarEvent:
                if event.tag is None and event.anchor is None and event.style in PLAIN:  # most values: inline
                    self.count += 1
                    if self.count > MAX_NODES:
                        raise too_many(event.start_mark, aliased=self.aliased)
                    value = event.value
                    node = ScalarNode(resolve_plain(value), value, event.start_mark, event.end_mark, event.style)
                else:
                    node = self._scalar(event)
            elif kind is AliasEvent:
                node = self._alias(event)
            elif kind is SequenceStartEvent or kind is MappingStartEvent:
                before = self.count
                self._count(event.start_mark, 1)
                if len(stack) >= self.max_depth:
                    raise too_deep(event.start_mark, limit=self.max_depth)
                mapping = kind is MappingStartEvent
                node_type = MappingNode if mapping else SequenceNode
                collection = node_type(event.tag or (MAP if mapping else SEQ), [], event.start_mark, None)
                if event.tag is not None:
                    self.explicit.add(id(collection))
                if event.anchor is not None:
                    self.anchors[event.anchor] = collection
                    self.open.add(id(collection))
                stack.append((collection, [] if mapping else collection.value, before))
                continue
            elif kind is SequenceEndEvent or kind is MappingEndEvent:
                done, items, before = stack.pop()
                done.end_mark = event.end_mark
                if items is not done.value:
                    pairs = iter(items)
                    done.value = list(zip(pairs, pairs, strict=False))
                if id(done) in self.open:
                    self.open.discard(id(done))
                    self.sizes[id(done)] = self.count - before
                node = done
            else:
                raise ValueError(f"unexpected event {event!r}")
            if not stack:
                assert isinstance(node, Node)
                return node
            stack[-1][1].append(node)

    def _scalar(self, event: Any) -> ScalarNode:
        start, end = event.start_mark, event.end_mark
        self._count(start, 1)
        tag = event.tag
        if tag is None:
            tag = resolve_plain(event.value) if event.implicit[0] else STR
        node = ScalarNode(tag, event.value, start, end, event.style)
        if event.tag is not None:
            self.explicit.add(id(node))
        if event.style not in PLAIN and end.line > start.line:
            self.scalar_lines.append((start.line + 1, end.line if end.column else end.line - 1))
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        return node

    def _alias(self, event: Any) -> Alias:
        name = event.anchor
        target = self.anchors.get(name)
        if target is None:
            message = Message(
                ja=f"YAML の書き方に誤りがあります。エイリアス「*{name}」が参照するアンカー「&{name}」が、それより前に"
                '定義されていません。文字として「*」を使うときは値全体を引用符（"）で囲んでください。',
                en=f"YAML syntax error: the alias '*{name}' names no anchor '&{name}' defined before it; quote the "
                "value if the '*' is text.",
            )
            raise Stop(issue_at("SR001", message, event.start_mark))
        if id(target) in self.open:
            raise _limit(
                f"エイリアス「*{name}」が、それ自身を含むアンカー「&{name}」の中で使われています（循環参照）。"
                "このような参照は展開できないため、読み込みを中止しました。",
                f"The alias '*{name}' is used inside its own anchor '&{name}' (a cycle), which cannot be expanded.",
                event.start_mark,
            )
        self.aliased = True
        self._count(event.start_mark, self.sizes.get(id(target), 1))
        return Alias(target, event.start_mark)

    def _count(self, mark: Mark, size: int) -> None:
        self.count += size
        if self.count > MAX_NODES:
            raise too_many(mark, aliased=self.aliased)


def _last_mark(stack: list[tuple[Node, list[Node | Alias], int]]) -> Mark | None:
    """Where the composer's last node ended: the innermost open collection's last item, else that collection's start."""
    if not stack:
        return None
    collection, items, _ = stack[-1]
    if not items:
        return collection.start_mark
    last = items[-1]
    return last.mark if isinstance(last, Alias) else last.end_mark


def refused_for_nesting(text: str, index: LineIndex, error: Mark, composer: Composer, limit: int) -> Issue | None:
    """SR008 where the C parser's error at ``error`` is its nesting limit, else None.

    Only a text that can nest as deep as libyaml's limit is looked at again: each level past those the composer had
    open needs at least one character between where its last node ended and the error. For such a text the
    pure-Python parser composes it up to the end of the error's line; a nesting refusal is one where the composer
    meets ``limit`` (:func:`depth_limit`, below libyaml's own) on the way, so the finding stands where the composer
    alone would put it: at the first level past the limit. A syntax error the text has before that place is no
    nesting refusal, and neither is a text that stays within the limit.
    """
    libyaml = _libyaml_nest_limit()
    if libyaml is None:
        return None
    depth, last = composer.interrupted
    since = index.offset(error.line, error.column) - (0 if last is None else index.offset(last.line, last.column))
    if depth + since + 1 < libyaml:
        return None
    loader = _PurePythonLoader(text[: index.offset(error.line + 1, 0)])
    try:
        Composer(loader, max_depth=limit).compose()
    except TooDeep as deep:
        return deep.issue
    except (Stop, yaml.YAMLError):
        return None
    finally:
        loader.dispose()
    return None
