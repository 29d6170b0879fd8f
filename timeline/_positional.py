"""A cheaper constructor for frozen, slotted dataclasses built by the thousand in the tagger's hot path.

The ``__init__`` that ``dataclass(frozen=True)`` writes sets each field through
``object.__setattr__`` (a global look-up, an attribute look-up and a call per field), which
costs about twice as much as setting the slot directly. :func:`positional` returns a function
that does the latter: it fills an instance of a plain twin class with the same slots (a slot
store there is a single specialised instruction, where the frozen class's own slot setter is a
call) and then gives it the frozen class, which Python allows between classes of the same
layout. It takes every field positionally, in declaration order, with no defaults; the
instance it returns is the same value the class's own constructor would build
(``tests/test_tagger.py`` checks this for every class it is used on).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["positional"]

_T = TypeVar("_T")


def positional(cls: type[_T]) -> Callable[..., _T]:
    """``cls(*values)`` for a frozen dataclass with ``slots=True`` and no ``__post_init__``."""
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__, which this constructor would skip")
    names = [f.name for f in dataclasses.fields(cls)]
    if any(name.endswith("_") for name in names):
        raise TypeError(f"{cls.__name__}: field names ending in '_' would clash with the generated code's")
    twin = type(f"{cls.__name__}Draft", (), {"__slots__": cls.__dict__["__slots__"]})
    try:
        twin().__class__ = cls  # the layouts must agree (the same slots on the same base)
    except TypeError as error:
        raise TypeError(f"{cls.__name__}: its instances cannot be built as a twin's ({error})") from None
    scope: dict[str, Any] = {"twin_": twin, "cls_": cls}
    # Straight-line code, as dataclasses itself generates: a loop over the fields costs more.
    body = "".join(f"    obj_.{name} = {name}\n" for name in names)
    source = f"def make({', '.join(names)}):\n    obj_ = twin_()\n{body}    obj_.__class__ = cls_\n    return obj_\n"
    exec(source, scope)  # the source is built from the field names above, nothing else
    make: Callable[..., _T] = scope["make"]
    make.__qualname__ = make.__name__ = f"make_{cls.__name__}"
    return make
