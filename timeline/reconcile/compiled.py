"""Whether the solver's modules run compiled (``scripts/compile.py``), and a warning when a
compiled module is older than its source: the import system prefers the compiled file, so
an edit to the source would silently not count."""

from __future__ import annotations

import warnings
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from ..errors import TimelineWarning

__all__ = ["COMPILABLE", "compiled_modules", "warn_if_stale"]

COMPILABLE = ("domains", "solver", "network", "analysis")
_HERE = Path(__file__).resolve().parent


def compiled_modules() -> dict[str, Path]:
    """The compilable modules that have a compiled file next to their source."""
    found = {}
    for name in COMPILABLE:
        for suffix in EXTENSION_SUFFIXES:
            if (_HERE / f"{name}{suffix}").is_file():
                found[name] = _HERE / f"{name}{suffix}"
                break
    return found


def warn_if_stale() -> None:
    for name, path in compiled_modules().items():
        if path.stat().st_mtime < (_HERE / f"{name}.py").stat().st_mtime:
            warnings.warn(f"{path.name} is older than {name}.py, and Python imports the compiled file: run "
                          "'python scripts/compile.py' again (or with --clean to go back to pure Python)",
                          TimelineWarning, stacklevel=2)
