"""A suppression written in the document: a rule's code, the place it applies to, and the reason."""

from __future__ import annotations

import attrs

from jusou_spec.model._build import key, location, one_or_many, plain, prose

__all__ = ["Suppression"]


@attrs.frozen
class Suppression:
    """``{規則: DL001, 位置: /事業/3/実施方式/0, 理由: …}``: silence one rule at one place, saying why.

    The reason is optional in the schema so that a suppression without one reaches the engine, which reports it
    (a located finding says more than a schema error would) and does not apply it.
    """

    code: str = key("規則")
    at: str = key("位置")
    subjects: tuple[str, ...] = key("対象", one_or_many(plain), default=())
    """What the finding is about (a clause, an id, a key); empty: every finding of the code at the place."""
    means_all: bool | None = key("すべて")
    """True when the suppression is meant to silence every finding it matches (otherwise more than one is SP005)."""
    reason: str | None = key("理由")
    note: tuple[str, ...] = key("注記", prose, default=())
    pointer: str = location()
