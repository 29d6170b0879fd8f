"""How long the render stage takes on the seed story: describe, draw, save (PNG 1×, 2×, SVG).

    python scripts/bench_render.py [--repeat 5]

Prints the best of ``repeat`` runs for each step, wall-clock and CPU time of this process (best,
not mean: the machine's other work only ever adds time; on a shared machine the CPU column is
the one to compare). Target: describe + draw + save under 1.5 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_render import seed_claims, seed_events, seed_story  # noqa: E402  (the example lives with the tests)

from timeline.render import describe, draw, save_figure  # noqa: E402


def best(repeat: int, step: Callable[[], object]) -> tuple[float, float]:
    """Best wall-clock and best CPU time of ``repeat`` runs (CPU time ignores other processes)."""
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        step()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return min(wall), min(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    story, events, claims = seed_story(), seed_events(), seed_claims()

    started = time.perf_counter()
    spec = describe(story, events, claims)
    draw(spec)  # first call pays for imports and font loading
    print(f"first describe+draw (imports, font cache): {time.perf_counter() - started:.3f} s")

    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "seed"
        rows = {
            "describe": lambda: describe(story, events, claims),
            "draw": lambda: draw(spec),
            "save png 1x": lambda: save_figure(spec, stem, formats=("png",), scales=(1,)),
            "save png 2x": lambda: save_figure(spec, stem, formats=("png",), scales=(2,)),
            "save svg": lambda: save_figure(spec, stem, formats=("svg",), scales=(1,)),
            "describe+draw+save png 1x": lambda: save_figure(
                describe(story, events, claims), stem, formats=("png",), scales=(1,)
            ),
            "describe+draw+save png 1x+2x+svg": lambda: save_figure(
                describe(story, events, claims), stem, formats=("png", "svg"), scales=(1, 2)
            ),
        }
        print(f"{'step':<34} {'wall':>7} {'cpu':>7}")
        for name, step in rows.items():
            wall, cpu = best(args.repeat, step)
            print(f"{name:<34} {wall:6.3f}s {cpu:6.3f}s")


if __name__ == "__main__":
    main()
