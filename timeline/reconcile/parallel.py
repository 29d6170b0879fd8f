"""Solve a story's independent parts in several processes.

A story's connected parts share nothing (see :func:`timeline.reconcile.components`), so each
can be solved in its own process; the answers are put back in the parts' order and are the
same as solving them one after the other. Processes are forked, which costs a few
milliseconds and copies nothing up front; other ways of starting them (spawn, forkserver)
import the caller's main module again, which runs an unguarded script a second time, so where
fork is not available, or not safe because the process runs threads, everything is solved in
this process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from ..errors import TimelineWarning

__all__ = ["MIN_CLAIMS", "solve_parts", "workers_for"]

# Below this many claims a story is solved in well under a second: starting processes
# would cost more than it saves.
MIN_CLAIMS = 2000
MAX_WORKERS = 8

Part = TypeVar("Part")
Answer = TypeVar("Answer")

_shared: Any = None


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


def workers_for(asked: int | None, sizes: Sequence[int]) -> int:
    """How many processes to use for parts of ``sizes`` claims (``asked``: the caller's choice)."""
    if asked is not None:
        if asked < 1:
            raise ValueError(f"workers={asked!r}: give 1 or more processes, or None to let timeline decide")
        return min(asked, len(sizes)) if _can_fork() else 1
    if sum(sizes) < MIN_CLAIMS or len(sizes) < 2 or not _can_fork() or threading.active_count() > 1:
        return 1
    return max(1, min(available_cpus(), len(sizes), MAX_WORKERS))


def _start(solve: Callable[[Any, Any], Any], shared: Any, parts: Sequence[Any]) -> None:
    global _shared
    _shared = (solve, shared, parts)


def _run(number: int) -> Any:
    solve, shared, parts = _shared
    return solve(shared, parts[number])


def solve_parts(solve: Callable[[Any, Part], Answer], shared: Any, parts: Sequence[Part], sizes: Sequence[int],
                workers: int) -> list[Answer] | None:
    """``[solve(shared, part) for part in parts]`` in ``workers`` forked processes; None (with a
    warning) when the processes could not do it, so that the caller solves them itself.
    ``sizes``: how big each part is (the biggest go first, so no process ends on a big one).

    The processes inherit ``solve``, ``shared`` and ``parts`` when forked: only part numbers go
    to them and only answers come back (pickling the claims would cost more than solving them)."""
    order = sorted(range(len(parts)), key=lambda i: (-sizes[i], i))
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_start, initargs=(solve, shared, parts)) as pool:
            answers = list(pool.map(_run, order, chunksize=max(1, len(parts) // (workers * 8))))
    except Exception as error:  # a process died or an answer could not be sent back
        warnings.warn(f"solving the story in {workers} processes failed ({type(error).__name__}: {error}); "
                      "solving it in this process instead", TimelineWarning, stacklevel=3)
        return None
    out: list[Answer | None] = [None] * len(parts)
    for i, answer in zip(order, answers, strict=True):
        out[i] = answer
    return out  # type: ignore[return-value]
