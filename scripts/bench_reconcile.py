"""Benchmark reconcile() on synthetic stories (prints numbers; not a test).

The story (``tests/helpers.py:synthetic``) imitates a large news archive: events come in
chains of ten ("hours after", "a day after" the previous event), the first of each chain
is a known anchor; reports name weekdays on unknown clocks (one reading per clock, two weeks
each), give stated times, durations and elapsed-time relations; 1 % of reports are wrong.
Articles carry 2..5 claims about one chain, so they share a clock.

    python scripts/bench_reconcile.py                 # 1k, 2k, 5k, 10k claims (10 per event)
    python scripts/bench_reconcile.py --sizes 200 500 --repeat 3 --workers 1

Each size is timed in one process (``workers=1``) and with the default choice of processes
(``workers=None``: the story's independent parts solved side by side, one process per CPU).

Bound: the story splits into components (one chain here); a component of ``m`` claims costs
``O(m log m)`` claim additions for the drop-one answers, each costing the propagation its
changes wake (bounded by the component's propagators times the round limit), plus one per
claim and reading for fitting clocks and the claim's own window. With components of bounded
size the whole story is linear in the number of claims. Looking for ``k >= 2`` wrong reports
in a component costs ``|Q|^(k-1)`` drop-one passes, ``Q`` a set of claims that cannot all hold.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers import synthetic

from timeline._compiled import compiled_modules
from timeline.reconcile import ReconcileOptions, components, reconcile
from timeline.reconcile.parallel import available_cpus, workers_for

WRONG_RATE = float(os.environ.get("BENCH_CONFLICT_RATE", "0.01"))


def bench(size: int, repeat: int, workers: int | None) -> float:
    story, claims = synthetic(size, wrong_rate=WRONG_RATE)
    options = ReconcileOptions(workers=workers)
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        events, outcomes = reconcile(story, claims, options=options)
        best = min(best, time.perf_counter() - began)
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    agreed = sum(e.agreed_start is not None for e in events)
    # As reconcile decides it, from the sizes of the story's independent parts.
    used = workers_for(workers, [len(members) for _, members in components(story, [c for c in claims if c.readings])])
    label = "1 process " if used == 1 else f"{used} processes"
    print(f"{size:>6} claims {len(story.events):>5} events, {label}: {best:8.2f} s   "
          f"({agreed} events agreed; {', '.join(f'{v} {k}' for k, v in sorted(counts.items()))})", flush=True)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 0],
                        help="processes to time with; 0 means reconcile's own choice (default: 1 and 0)")
    args = parser.parse_args()
    built = [module.rsplit(".", 1)[1] for module in compiled_modules("solver")]
    print(f"{available_cpus()} CPUs; conflict rate {WRONG_RATE}; solver "
          f"{'compiled with mypyc (' + ', '.join(built) + ')' if built else 'in pure Python'}")
    for workers in args.workers:
        times = [(size, bench(size, args.repeat, workers or None)) for size in args.sizes]
        for (small, t_small), (large, t_large) in itertools.pairwise(times):
            if t_small > 0:
                print(f"{small} -> {large} claims: x{large / small:.1f} size, x{t_large / t_small:.1f} time")


if __name__ == "__main__":
    main()
