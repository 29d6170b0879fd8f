"""Whether the solver's modules run compiled (``scripts/compile.py``), and a warning when a
compiled module is older than its source: the import system prefers the compiled file, so
an edit to the source would silently not count."""

from __future__ import annotations

import warnings
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from ..errors import TimelineWarning

__all__ = ["compiled_modules", "warn_if_stale"]

_HERE = Path(__file__).resolve().parent


def compiled_modules() -> dict[str, Path]:
    """The modules here that have a compiled file next to their source (which ones are
    compiled is decided by ``scripts/compile.py`` alone)."""
    found = {}
    for source in sorted(_HERE.glob("*.py")):
        for suffix in EXTENSION_SUFFIXES:
            if (_HERE / f"{source.stem}{suffix}").is_file():
                found[source.stem] = _HERE / f"{source.stem}{suffix}"
                break
    return found


def warn_if_stale() -> None:
    for name, path in compiled_modules().items():
        if path.stat().st_mtime < (_HERE / f"{name}.py").stat().st_mtime:
            warnings.warn(f"{path.name} is older than {name}.py, and Python imports the compiled file: run "
                          "'python scripts/compile.py' again (or with --clean to go back to pure Python)",
                          TimelineWarning, stacklevel=2)
