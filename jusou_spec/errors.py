"""The one base class of every exception the library raises for its caller's input.

A caller (a tool that imports ``jusou_spec``) catches :class:`JusouError` and knows it has met bad input: a path
that cannot be read, a document that cannot be modelled, a name that is not a view, a report where a plan belongs.
Anything else that escapes is a bug in this library. Each subclass also derives from the built-in exception a
Python programmer would expect (``ValueError``, ``TypeError`` …), so existing ``except`` clauses keep working.
``docs/api.md`` lists what each public function raises.
"""

from __future__ import annotations

__all__ = ["InvalidArgument", "JusouError", "WrongDocumentKind"]


class JusouError(Exception):
    """Base class of every exception raised for bad input to :mod:`jusou_spec`."""


class InvalidArgument(JusouError, ValueError):
    """An argument that names nothing the library knows (a view, a format)."""


class WrongDocumentKind(JusouError, TypeError):
    """A model of the wrong kind passed where the other kind belongs (a report where a plan is expected)."""
