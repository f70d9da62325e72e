"""Writing DOT text: a small builder whose every way in escapes what the plan wrote.

Plan text reaches a diagram in two places only, and each has one door:

- **identifiers** (:func:`identifier`): percent-encoded, so that a quote, a backslash, a newline, an ampersand or
  a control character in a plan's id can never end the quoted string, continue it, or break the SVG;
- **labels** (:func:`text`): always HTML-like labels, with the text cleaned (control characters, lone
  surrogates and non-characters replaced, so that the SVG stays well-formed XML), backslashes doubled (Graphviz
  would read ``\\N`` as the node's name) and ``& < > "`` written as entities.

Everything else in the output (attribute names and values, ports, colours) comes from the code, never from a plan.
Output is plain text built in the order the calls are made, so the same calls give the same bytes.

>>> text('A & B <C> "d" \\\\N')
'A &amp; B &lt;C&gt; &quot;d&quot; \\\\\\\\N'
>>> identifier('program:"x"\\n')
'"program:%22x%22%0A"'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping

import attrs

__all__ = ["Dot", "Html", "clean", "identifier", "quote", "text", "wrap"]


class Html(str):
    """A label fragment that is already safe HTML-like markup (made by :func:`text` and the code's own tags)."""

    __slots__ = ()


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_SPACES = re.compile(r"[ \t\x0b\x0c]+")


def clean(value: str) -> str:
    """Plan text as it can be shown: line breaks unified, control characters as spaces, runs of spaces collapsed,
    and characters XML cannot carry (lone surrogates, U+FFFE, U+FFFF) as U+FFFD.

    >>> clean("a\\tb\\r\\nc\\x00d\\ud800")
    'a b\\nc d\\ufffd'
    """
    out = []
    for char in _LINE_BREAKS.sub("\n", value):
        category = unicodedata.category(char)
        if char == "\n":
            out.append(char)
        elif category == "Cc":
            out.append(" ")
        elif category == "Cs" or (ord(char) & 0xFFFE) == 0xFFFE or 0xFDD0 <= ord(char) <= 0xFDEF:
            out.append("\ufffd")
        else:
            out.append(char)
    lines = (_SPACES.sub(" ", line).strip(" ") for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\\": "\\\\"}


def text(value: str, *, width: int | None = None) -> Html:
    """Plan text as safe HTML-like label markup; line breaks (its own, and ``width`` wrapping) become ``<BR/>``."""
    lines = clean(value).split("\n")
    if width is not None:
        lines = [part for line in lines for part in wrap(line, width)]
    return Html("<BR/>".join("".join(_ENTITIES.get(char, char) for char in line) for line in lines))


def _cells(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


_NO_LINE_START = set("、。，．・：；？！）」』】〕｝〉》ーぁぃぅぇぉっゃゅょァィゥェォッャュョ)]}、,.:;!?")
_BREAK_AFTER = set("、。・）」』】〕 ／/")


def wrap(line: str, width: int) -> list[str]:
    """Break one line of (mostly Japanese) text into balanced lines of at most ``width`` half-width cells,
    preferring to break after punctuation and never starting a line with closing punctuation or a small kana.

    >>> wrap("多機関協働による社会参加を見据えた世帯まるごと支援", 30)
    ['多機関協働による社会参加を', '見据えた世帯まるごと支援']
    >>> wrap("庁内連携体制の充実", 24)
    ['庁内連携体制の充実']
    """
    total = sum(_cells(char) for char in line)
    if total <= width:
        return [line] if line else []
    count = -(-total // width)
    balanced = _greedy(line, -(-total // count) + 1)
    return balanced if len(balanced) <= count else _greedy(line, width)


def _hiragana(char: str) -> bool:
    return "\u3041" <= char <= "\u309f"


def _break_point(text: str) -> int:
    """Where to end a line that ``text`` overflows: after punctuation, else where kana gives way to a word
    (社会参加を|見据えた), else at the overflowing character; never in the first half of the line."""
    last = len(text) - 1
    half = last // 2
    good: Callable[[int], bool]
    for good in (
        lambda i: text[i - 1] in _BREAK_AFTER,
        lambda i: _hiragana(text[i - 1]) and not _hiragana(text[i]) and text[i] not in _NO_LINE_START,
    ):
        found = [i for i in range(max(half, 1), last + 1) if good(i)]
        if found:
            return found[-1]
    return last


def _greedy(line: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    used = 0
    for char in line:
        cells = _cells(char)
        if used + cells > width and current and char not in _NO_LINE_START:
            cut = _break_point(current + char)
            lines.append(current[:cut].rstrip())
            current = current[cut:].lstrip()
            used = sum(_cells(c) for c in current)
        current += char
        used += cells
    if current:
        lines.append(current)
    return lines


def identifier(value: str) -> str:
    """A node id as a quoted DOT identifier; ``%``, ``"``, ``\\``, ``&``, controls and line separators are
    percent-encoded (Graphviz copies an id into the SVG's ``<title>`` and leaves ``&…;`` there as it is)."""
    encoded = []
    for char in value:
        if char in '%"\\&' or unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in "\ufffe\uffff":
            encoded.append("".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass")))
        else:
            encoded.append(char)
    return '"' + "".join(encoded) + '"'


def quote(value: str) -> str:
    """A value written by the code (a colour, a style) as a quoted DOT string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _value(value: object) -> str:
    if isinstance(value, Html):
        return f"<{value}>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return quote(str(value))


def _attributes(attributes: Mapping[str, object]) -> str:
    present = [(name, value) for name, value in attributes.items() if value is not None]
    if not present:
        return ""
    return " [" + " ".join(f"{name}={_value(value)}" for name, value in present) + "]"


def endpoint(node: str, port: str | None = None) -> str:
    """An edge end: a node, or one of its ports (port names come from the code: ``p0``, ``main``)."""
    return identifier(node) + (f":{port}" if port else "")


@attrs.define
class Dot:
    """A directed graph under construction; :meth:`source` gives its DOT text."""

    name: str = "jusou"
    lines: list[str] = attrs.field(factory=list)
    depth: int = 1

    def _add(self, line: str) -> None:
        self.lines.append("  " * self.depth + line)

    def defaults(self, kind: str, **attributes: object) -> None:
        """Default attributes for ``graph``, ``node`` or ``edge``."""
        self._add(f"{kind}{_attributes(attributes)};")

    def node(self, ident: str, **attributes: object) -> None:
        self._add(f"{identifier(ident)}{_attributes(attributes)};")

    def edge(
        self,
        source: str,
        target: str,
        *,
        source_port: str | None = None,
        target_port: str | None = None,
        **attributes: object,
    ) -> None:
        self._add(f"{endpoint(source, source_port)} -> {endpoint(target, target_port)}{_attributes(attributes)};")

    def comment(self, value: str) -> None:
        """A comment line for readers of the golden files; plan text is cleaned and cannot end the comment."""
        self._add("// " + clean(value).replace("\n", " "))

    def subgraph(self, name: str, **attributes: object) -> _Block:
        """``with dot.subgraph("cluster_x", label=...):`` — the name comes from the code, not from the plan."""
        return _Block(self, f"subgraph {quote(name)} {{", attributes)

    def same_rank(self, nodes: list[str], *, ordered: bool = False, backwards: bool = False) -> None:
        """Put ``nodes`` on one rank; ``ordered`` keeps them in the given order with an invisible chain.

        Which end of the chain Graphviz puts first depends on the layout (with ``newrank`` and clusters it puts
        the chain's end at the top of an LR view), so a view says ``backwards`` where it must; the tests check
        the order in the drawn SVG."""
        if not nodes:
            return
        self._add("{rank=same; " + " ".join(identifier(node) + ";" for node in nodes) + "}")
        if ordered and len(nodes) > 1:
            chain = " -> ".join(identifier(node) for node in (reversed(nodes) if backwards else nodes))
            self._add(f"{chain} [style=invis];")

    def source(self) -> str:
        return f"digraph {quote(self.name)} {{\n" + "\n".join(self.lines) + "\n}\n"


@attrs.define
class _Block:
    dot: Dot
    opening: str
    attributes: Mapping[str, object]

    def __enter__(self) -> Dot:
        self.dot._add(self.opening)
        self.dot.depth += 1
        for name, value in self.attributes.items():
            if value is not None:
                self.dot._add(f"{name}={_value(value)};")
        return self.dot

    def __exit__(self, *_: object) -> None:
        self.dot.depth -= 1
        self.dot._add("}")


def tags(*parts: str) -> Html:
    """Join already-safe fragments (the code's own tags and :func:`text` results)."""
    return Html("".join(parts))


def lines(values: Iterator[str] | list[str]) -> Html:
    return Html("<BR/>".join(values))
