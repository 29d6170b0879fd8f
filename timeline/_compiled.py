"""Which modules the optional mypyc build compiles (``scripts/compile.py`` reads the list here),
which of them run compiled, and a warning when a compiled module is older than its source: the
import system prefers the compiled file, so an edit to the source would silently not count.

Two groups, each built into its own shared library: the reconcile solver's modules, and the
tagger's hot modules. Neither group imports the other, so importing the tagger does not load
the solver's library, nor the reverse.

Left out on purpose (instructions for one warm ``tag()`` pass over MEANTIME, counted with
``scripts/tagger_instructions.py``): ``timeline.tagger``, whose resolution code mostly reads
fields of the model's Python classes, which compiled code does no faster than the interpreter
(117.8 M pure, 100.0 M with the grammar and the calendar compiled, 99.6 M with the tagger too:
not worth the checks its public functions would need, as compiled code checks argument types
on entry with its own ``TypeError``); and ``timeline.model``, whose frozen dataclasses
would become native classes without ``__dict__``, which ``timeline.resolve.claims`` reads, for no
gain. Classes built in bulk inside a compiled module stay Python classes (see
:mod:`timeline._positional`).
"""

from __future__ import annotations

import warnings
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from .errors import TimelineWarning

__all__ = ["GROUPS", "MODULES", "compiled_modules", "library", "warn_if_stale"]

# Group -> the dotted names of its modules. A group's code is in one shared library,
# ``timeline/_compiled_<group>__mypyc`` + the extension suffix (see :func:`library`), and each
# module gets a small extension module next to its source that loads it.
GROUPS: dict[str, tuple[str, ...]] = {
    "solver": ("timeline.reconcile.domains", "timeline.reconcile.solver", "timeline.reconcile.network",
               "timeline.reconcile.analysis"),
    "tagger": ("timeline.extract.grammar", "timeline.resolve.calendar"),
}
MODULES = tuple(module for modules in GROUPS.values() for module in modules)


def library(group: str) -> str:
    """The dotted name mypyc gives the shared library of ``group``."""
    return f"timeline._compiled_{group}"


_PACKAGE = Path(__file__).resolve().parent  # the directory of the ``timeline`` package


def _source(module: str) -> Path:
    """The source file of a dotted module name inside the package."""
    return _PACKAGE.joinpath(*module.split(".")[1:]).with_suffix(".py")


def compiled_modules(group: str | None = None) -> dict[str, Path]:
    """The listed modules (of ``group``, or all) that have a compiled file next to their source."""
    found = {}
    for module in GROUPS[group] if group is not None else MODULES:
        source = _source(module)
        for suffix in EXTENSION_SUFFIXES:
            built = source.with_name(source.stem + suffix)
            if built.is_file():
                found[module] = built
                break
    return found


def warn_if_stale(group: str) -> None:
    """Warn about each compiled module of ``group`` that is older than its source."""
    for module, built in compiled_modules(group).items():
        source = _source(module)
        if built.stat().st_mtime < source.stat().st_mtime:
            warnings.warn(f"{built.name} is older than {source.name}, and Python imports the compiled file: run "
                          "'python scripts/compile.py' again (or with --clean to go back to pure Python)",
                          TimelineWarning, stacklevel=2)
