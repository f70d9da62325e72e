"""JSON pointers (RFC 6901): the address every finding carries into its document's data.

The schema step, the model and the rules all build pointers, and the schema step runs before there is a model, so
the one helper they share sits below all of them.
"""

from __future__ import annotations

__all__ = ["pointer_join"]


def pointer_join(pointer: str, part: str | int) -> str:
    """Append one reference token to an RFC 6901 JSON pointer.

    >>> pointer_join("/事業/0", "所管課")
    '/事業/0/所管課'
    >>> pointer_join("", "a/b~c")
    '/a~1b~0c'
    """
    token = str(part).replace("~", "~0").replace("/", "~1")
    return f"{pointer}/{token}"
