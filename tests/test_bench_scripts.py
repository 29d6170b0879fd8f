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


def test_a_new_process_reports_its_own_peak_memory() -> None:
    bench = _script("bench_tagger")
    ballast = bytearray(200_000_000)  # this process's peak must not leak into the child's figure
    ballast[::4096] = b"\x01" * len(range(0, len(ballast), 4096))  # touched, so it is resident
    found = bench.fresh_process_rss("On Monday, January 20, 2025, at noon. " * 100)
    assert ballast and re.fullmatch(r"\d+ MB", found), found
    assert int(found.split()[0]) < 150
