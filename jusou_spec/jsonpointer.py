"""RFC 6901 JSON pointers: the one place that escapes and unescapes their reference tokens.

Every pointer in the package (the source map's, the schema's, the model's, a suppression's 位置) is built and read
with these functions, so a key holding ``~`` or ``/`` means the same thing everywhere. This module knows nothing of
the documents' keys; the model (:mod:`jusou_spec.model.pointers`) turns English attribute names into them.

>>> join("", "事業", 0, "所管課")
'/事業/0/所管課'
>>> join("", "a/b", "c~d")
'/a~1b/c~0d'
>>> tokens("/a~1b/c~0d")
('a/b', 'c~d')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["escape", "join", "resolve", "tokens", "unescape"]


def escape(token: str | int) -> str:
    """One reference token as written in a pointer: ``~`` as ``~0``, ``/`` as ``~1`` (in that order).

    >>> escape("1/2~")
    '1~12~0'
    """
    text = str(token)
    if "~" not in text and "/" not in text:  # the common case, on the source map's hot path
        return text
    return text.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """The key or index a pointer's token stands for (``~1`` before ``~0``, so ``~01`` stays ``~1``).

    >>> unescape("~01")
    '~1'
    """
    if "~" not in token:
        return token
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *parts: str | int) -> str:
    """``pointer`` with ``parts`` (keys or list indexes) appended, each escaped."""
    if len(parts) == 1:  # the common case, on the builder's and the source map's hot paths
        return f"{pointer}/{escape(parts[0])}"
    return pointer + "".join(f"/{escape(part)}" for part in parts)


def tokens(pointer: str) -> tuple[str, ...]:
    """The unescaped tokens of ``pointer`` (``()`` for the whole document, ``""``).

    >>> tokens("")
    ()
    >>> tokens("/事業/3")
    ('事業', '3')
    """
    if not pointer:
        return ()
    if not pointer.startswith("/"):
        raise ValueError(f"a JSON pointer starts with '/': {pointer!r}")
    return tuple(unescape(part) for part in pointer[1:].split("/"))


_MISSING = object()


def resolve(data: Any, pointer: str, default: Any = _MISSING) -> Any:
    """The value ``pointer`` names inside ``data`` (plain mappings and lists); ``default``, or KeyError, when none.

    >>> resolve({"事業": [{"所管課": ["福祉課"]}]}, "/事業/0/所管課/0")
    '福祉課'
    >>> resolve({"事業": []}, "/事業/0", None) is None
    True
    """
    current = data
    for token in tokens(pointer):
        if isinstance(current, Mapping) and token in current:
            current = current[token]
        elif (
            isinstance(current, Sequence)
            and not isinstance(current, str)
            and token.isdigit()
            and (token == "0" or not token.startswith("0"))
            and int(token) < len(current)
        ):
            current = current[int(token)]
        elif default is _MISSING:
            raise KeyError(pointer)
        else:
            return default
    return current
