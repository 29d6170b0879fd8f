"""Compile the solver's and the tagger's hot modules with mypyc, in place (optional; faster).

    python scripts/compile.py            # build the extensions of the modules timeline/_compiled.py lists
    python scripts/compile.py --clean    # remove them: back to pure Python

Which modules: ``timeline/_compiled.py`` lists them in two groups, each built into its own
shared library: the reconcile solver (``timeline/reconcile/{domains,solver,network,analysis}``,
about twice as fast compiled) and the tagger's hot modules (``timeline/extract/grammar``,
``timeline/resolve/calendar``; ``tag()`` about a sixth faster).

Why mypyc: the solver spends its time in small typed Python classes (interval domains,
constraint steps, propagation queues) and the tagger in typed Python around regular
expressions; mypyc, which ships with mypy (already a dev dependency), compiles exactly that
kind of type-annotated code to C without changing it. It needs a C compiler and the Python
headers. The compiled modules sit next to their sources and are imported instead of them, so
after editing one of those sources run this again (timeline warns when a compiled module is
older than its source) or ``--clean``. The answers are the same either way; the test suite
passes on both, and a test compares the two on the same inputs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the checkout this script lives in, not an installed timeline

from timeline._compiled import GROUPS, library  # noqa: E402  (after the path is set)


def source(module: str) -> str:
    """The path of a dotted module's source, relative to the checkout (as mypyc wants it)."""
    return "/".join(module.split(".")) + ".py"


def compiled_files() -> list[Path]:
    return sorted(p for p in (REPO / "timeline").rglob("*") if p.suffix in (".so", ".pyd"))


def clean() -> None:
    for path in compiled_files():
        path.unlink()
        print(f"removed {path.relative_to(REPO)}")
    shutil.rmtree(REPO / "build", ignore_errors=True)


def build() -> None:
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as error:
        sys.exit(f"compile needs mypy (with mypyc) and setuptools: pip install -e '.[dev]' ({error})")
    clean()
    began = time.perf_counter()
    os.chdir(REPO)  # mypy reads its settings from pyproject.toml here
    groups: list[tuple[list[str], str | None]] = [([source(m) for m in modules], library(group))
                                                  for group, modules in GROUPS.items()]
    # One shared library per group (``separate``), their C compiled side by side: neither group
    # calls the other, and on two cores that was faster than one library of all the modules (61 to
    # 76 s from scratch against 75 to 77 s, when the tagger's group also held timeline/tagger.py).
    extensions = mypycify([path for paths, _ in groups for path in paths], opt_level="3", separate=groups)
    setup(name="timeline-compiled", packages=[],
          script_args=["build_ext", "--inplace", "--parallel", str(os.cpu_count() or 1)], ext_modules=extensions)
    shutil.rmtree(REPO / "build", ignore_errors=True)
    print("compiled:", ", ".join(str(p.relative_to(REPO)) for p in compiled_files()))
    print(f"in {time.perf_counter() - began:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    args = parser.parse_args()
    clean() if args.clean else build()


if __name__ == "__main__":
    main()
