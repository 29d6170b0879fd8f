"""The benchmark scripts' own arithmetic (the scripts print numbers; these check how they get them)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_passes_report_best_median_and_first() -> None:
    bench = _script("bench_tagger")
    calls: list[str] = []

    def run(text: str, dct: str) -> int:
        calls.append(text)
        return 2

    passes = bench.timed_passes(run, [("On Monday.", "2025-01-21")])
    assert len(passes.times) >= 3 and len(calls) == len(passes.times) and passes.found == 2
    assert passes.best <= passes.median and passes.first == passes.times[0]
    assert len(passes.control) == len(passes.times) and passes.noise >= 1.0  # the control loop after each pass


def test_growth_is_judged_in_control_loop_time() -> None:
    bench = _script("bench_tagger")

    def row(mb: float, seconds: float, control_ms: float) -> object:
        return bench.Row("text", "timeline", 1, mb, seconds, 0, passes=3, control_ms=control_ms)

    # 1 MB took 6x as long as 0.25 MB, while the control loop took 2x as long: the machine slowed.
    slowed = bench.linearity([row(0.25, 1.0, 8.0), row(1.0, 6.0, 16.0)])
    assert "x1.50 from 0.25 to 1.00 MB (x0.75 in control-loop time): linear" in slowed, slowed
    grew = bench.linearity([row(0.25, 1.0, 8.0), row(1.0, 8.0, 8.0)])
    assert grew.endswith("(x2.00 in control-loop time): SUPERLINEAR"), grew


def test_speedup_over_dateparser_pairs_each_input_with_its_sample() -> None:
    bench = _script("bench_tagger")

    def row(name: str, system: str, mb: float, best: float, median: float) -> object:
        return bench.Row(name, system, 1, mb, best, 0, median_seconds=median, passes=3)

    rows = [row("corpus", "timeline", 1.0, 0.5, 1.0), row("corpus", "dateparser", 0.1, 2.0, 4.0),
            row("news 0.25 MB", "timeline", 0.25, 0.5, 0.5), row("news 1 MB", "timeline", 1.0, 0.25, 0.5),
            row("news 16 KB", "dateparser", 0.016, 0.4, 0.8), row("digits 1 MB", "timeline", 1.0, 0.1, 0.1)]
    lines = bench.speedups(rows)  # type: ignore[arg-type]
    assert len(lines) == 2
    # corpus: 2 MB/s against 0.05 at the best pass, 1 against 0.025 at the median
    assert lines[0].startswith("corpus ") and lines[0].endswith("x40 at the best pass, x40 at the median")
    # news: the 1 MB row (4 MB/s, median 2) against the 16 KB sample (0.04, median 0.02)
    assert lines[1].startswith("news 1 MB ") and lines[1].endswith("x100 at the best pass, x100 at the median")


def test_a_new_process_reports_its_own_peak_memory() -> None:
    bench = _script("bench_tagger")
    ballast = bytearray(200_000_000)  # this process's peak must not leak into the child's figure
    ballast[::4096] = b"\x01" * len(range(0, len(ballast), 4096))  # touched, so it is resident
    found = bench.fresh_process_rss("On Monday, January 20, 2025, at noon. " * 100)
    assert ballast and re.fullmatch(r"\d+ MB", found), found
    assert int(found.split()[0]) < 150
