"""Running ``jusou check --jobs N``: files checked in worker processes, results in the order the files were given.

Imported only when more than one job runs: the process pool's modules cost more to import than checking one small
plan takes, so a single-file check never pays for them. A worker checks whole files and sends back only their
findings (not the model), so what crosses between processes stays small; results come back in input order, so the
output is byte-identical to the serial run's.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

__all__ = ["in_order"]

T = TypeVar("T")
R = TypeVar("R")


def in_order(function: Callable[[T], R], tasks: Sequence[T], jobs: int) -> Iterator[R]:
    """``function`` over ``tasks`` in ``jobs`` worker processes, the results in the order of ``tasks``.

    ``function`` must be a module-level function (the workers find it by name).
    """
    # fork where it is safe and cheap (Linux): the workers start with everything already imported.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    chunk = max(1, len(tasks) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(function, tasks, chunksize=chunk)
