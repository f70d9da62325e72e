"""Pairing the items of two versions: by id first, then by a name that is unique on both sides; the rest were added
or removed. The pairing is symmetric, so that comparing B with A mirrors comparing A with B."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

import attrs

__all__ = ["Matched", "match", "unmatched_keys"]

T = TypeVar("T")


@attrs.frozen
class Matched(Generic[T]):
    pairs: tuple[tuple[T, T], ...]
    removed: tuple[T, ...]
    added: tuple[T, ...]


def _pair_by(
    old: list[T], new: list[T], key: Callable[[T], Hashable | None], *, unique: bool
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Items with equal keys paired in order of occurrence (``unique``: only keys that occur once on each side)."""
    old_by: defaultdict[Hashable, list[T]] = defaultdict(list)
    new_by: defaultdict[Hashable, list[T]] = defaultdict(list)
    for item in old:
        if (k := key(item)) is not None:
            old_by[k].append(item)
    for item in new:
        if (k := key(item)) is not None:
            new_by[k].append(item)
    paired_old: dict[int, T] = {}
    pairs: list[tuple[T, T]] = []
    for k, olds in old_by.items():
        news = new_by.get(k, [])
        if unique and (len(olds) != 1 or len(news) != 1):
            continue
        for a, b in zip(olds, news, strict=False):
            pairs.append((a, b))
            paired_old[id(a)] = a
    paired_new = {id(b) for _, b in pairs}
    return pairs, [a for a in old if id(a) not in paired_old], [b for b in new if id(b) not in paired_new]


def match(
    old: Sequence[T],
    new: Sequence[T],
    *,
    ident: Callable[[T], Hashable | None],
    name: Callable[[T], Hashable | None] | None = None,
) -> Matched[T]:
    """Pair ``old`` and ``new`` items by ``ident``, then the rest by ``name`` where it is unique on both sides."""
    pairs, removed, added = _pair_by(list(old), list(new), ident, unique=False)
    if name is not None:
        more, removed, added = _pair_by(removed, added, name, unique=True)
        pairs.extend(more)
    order = {id(item): index for index, item in enumerate(new)}
    pairs.sort(key=lambda pair: order[id(pair[1])])
    return Matched(tuple(pairs), tuple(removed), tuple(added))


def unmatched_keys(old: Sequence[Hashable], new: Sequence[Hashable]) -> tuple[list[int], list[int]]:
    """Indexes of the keys only in ``old`` and only in ``new``, counting repeats (a multiset difference)."""
    left = Counter(new)
    gone = []
    for index, key in enumerate(old):
        if left[key] > 0:
            left[key] -= 1
        else:
            gone.append(index)
    right = Counter(old)
    came = []
    for index, key in enumerate(new):
        if right[key] > 0:
            right[key] -= 1
        else:
            came.append(index)
    return gone, came
