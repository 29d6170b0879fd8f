"""The project's errors for arguments of the wrong type, from public functions compiled by mypyc.

A function compiled by mypyc (``scripts/compile.py``) checks its arguments against their
annotations before its first line runs, and raises its own ``TypeError`` ("str object expected;
got bytes"). Where a public function's contract is to raise the project's errors for such
arguments (:mod:`timeline.errors`: an :class:`~timeline.errors.InputError`, which is also a
``ValueError``, whose message quotes the value and says what to give), it is decorated with
:func:`checked`. Compiled, it is wrapped in a Python function that first calls ``check`` with
the same arguments, which raises those errors, in the order the function's body would; pure
Python, it is returned as it is (its body raises them itself). Either way its annotations stay
what callers should pass, and the same arguments give the same error. (A call that does not fit
the function's parameters gets the function's own ``TypeError``, not one about ``check``.)

This module is never compiled: the wrapper must be a Python function.
"""

from __future__ import annotations

import contextlib
import functools
import types
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["checked"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def checked(check: Callable[..., object]) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """Decorate a public function of a compiled module: ``check(*args, **kwargs)`` runs first when
    the function is compiled (it raises what the function's body raises for arguments it
    cannot use, and returns quietly otherwise)."""

    def decorate(function: Callable[_P, _R]) -> Callable[_P, _R]:
        if isinstance(function, types.FunctionType):  # interpreted: nothing checks its arguments before its body
            return function

        @functools.wraps(function)
        def entry(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            # A TypeError: not the arguments the function takes (one missing, unknown, given
            # twice...); the function's own error says so, and names it rather than ``check``.
            with contextlib.suppress(TypeError):
                check(*args, **kwargs)
            return function(*args, **kwargs)

        return entry

    return decorate
