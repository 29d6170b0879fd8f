"""A cheaper constructor for frozen, slotted dataclasses built by the thousand in the tagger's hot path.

The ``__init__`` that ``dataclass(frozen=True)`` writes sets each field through
``object.__setattr__`` (a global look-up, an attribute look-up and a call per field); so would
any other way past the class's frozen ``__setattr__``. :func:`positional` returns a function that
fills in the fields of an instance of a plain class with the same slots (a *builder*: its
``__setattr__`` is the ordinary one, so each field costs one store), then gives the instance
its class. Two classes with the same slots over ``object`` have the same memory layout, which is
what assigning ``__class__`` requires (CPython checks it, and refuses otherwise).

The function takes every field positionally, in declaration order, with no defaults; the
instance it returns is the same value the class's own constructor would build
(``tests/test_tagger.py`` checks this for every class it is used on).

A class defined in a module that the optional mypyc build compiles (``timeline/_compiled.py``)
must be marked ``@mypyc_attr(native_class=False)`` to be built this way: it then stays a Python
class with slots. (A native class keeps its fields in a C struct, and its constructor is the
``__init__`` that ``dataclasses`` writes, interpreted, which costs three times this one.)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["mypyc_attr", "positional"]

_T = TypeVar("_T")

try:
    from mypy_extensions import mypyc_attr
except ImportError:  # it comes with mypy, which the build needs: without it nothing is compiled

    def mypyc_attr(*attrs: str, **kwattrs: object) -> Callable[[_T], _T]:  # type: ignore[misc]
        """mypyc's class options (``native_class=False``); here, where nothing is compiled, none."""
        return lambda cls: cls


def positional(cls: type[_T]) -> Callable[..., _T]:
    """``cls(*values)`` for a frozen dataclass with ``slots=True``, no base class and no ``__post_init__``."""
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__, which this constructor would skip")
    if cls.__bases__ != (object,):
        raise TypeError(f"{cls.__name__} has a base class, whose slots its builder would lack")
    names = [f.name for f in dataclasses.fields(cls)]
    if any(name.endswith("_") for name in names):
        raise TypeError(f"{cls.__name__}: field names ending in '_' would clash with the generated code's")
    builder = type(f"{cls.__name__}Builder", (), {"__slots__": tuple(cls.__dict__["__slots__"])})
    builder().__class__ = cls  # a TypeError now, not at the first build, if the layouts differ
    scope: dict[str, Any] = {"builder_": builder, "cls_": cls}
    # Straight-line code, as dataclasses itself generates: a loop over the fields costs more.
    body = "".join(f"    obj_.{name} = {name}\n" for name in names)
    source = f"def make({', '.join(names)}):\n    obj_ = builder_()\n{body}    obj_.__class__ = cls_\n    return obj_\n"
    exec(source, scope)  # the source is built from the field names above, nothing else
    make: Callable[..., _T] = scope["make"]
    make.__qualname__ = make.__name__ = f"make_{cls.__name__}"
    return make
