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

A class compiled by mypyc (``scripts/compile.py``) is a native class: its fields are stored in
its C struct and reached through getset descriptors, not slots, so no Python class has its
layout and the builder cannot be used. Its constructor is no cheaper, though: mypyc keeps the
``__init__`` that ``dataclasses`` writes (interpreted, ``object.__setattr__`` per field). The
function returned for it makes an instance with the class's own ``__new__`` (which lays out
the struct) and stores each field with its descriptor's setter, the C function that
``object.__setattr__`` would end up calling (and which checks the field's type, as it does).
Such a class is recognised by the ``__mypyc_attrs__`` mypyc gives every class it compiles (the
names of its native attributes), and only when those are exactly the fields and each field is a
getset descriptor; otherwise it is refused, like any class this module would build wrongly.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["positional"]

_T = TypeVar("_T")


def positional(cls: type[_T]) -> Callable[..., _T]:
    """``cls(*values)`` for a frozen dataclass with ``slots=True`` (or compiled by mypyc), no base
    class and no ``__post_init__``."""
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__, which this constructor would skip")
    if cls.__bases__ != (object,):
        raise TypeError(f"{cls.__name__} has a base class, whose slots its builder would lack")
    names = [f.name for f in dataclasses.fields(cls)]
    if any(name.endswith("_") for name in names):
        raise TypeError(f"{cls.__name__}: field names ending in '_' would clash with the generated code's")
    scope: dict[str, Any] = {"cls_": cls}
    if "__mypyc_attrs__" in cls.__dict__:  # compiled by mypyc (see the module docstring)
        if sorted(cls.__dict__["__mypyc_attrs__"]) != sorted(names) or not all(
                isinstance(cls.__dict__.get(name), types.GetSetDescriptorType) for name in names):
            raise TypeError(f"{cls.__name__} is compiled, but its native attributes are not its fields")
        scope["new_"] = cls.__new__
        scope.update({f"{name}_set_": cls.__dict__[name].__set__ for name in names})
        body = "".join(f"    {name}_set_(obj_, {name})\n" for name in names)
        source = f"def make({', '.join(names)}):\n    obj_ = new_(cls_)\n{body}    return obj_\n"
    else:
        if "__slots__" not in cls.__dict__:
            raise TypeError(f"{cls.__name__} is not a slotted dataclass")
        builder = type(f"{cls.__name__}Builder", (), {"__slots__": tuple(cls.__dict__["__slots__"])})
        builder().__class__ = cls  # a TypeError now, not at the first build, if the layouts differ
        scope["builder_"] = builder
        # Straight-line code, as dataclasses itself generates: a loop over the fields costs more.
        body = "".join(f"    obj_.{name} = {name}\n" for name in names)
        source = (f"def make({', '.join(names)}):\n    obj_ = builder_()\n{body}"
                  "    obj_.__class__ = cls_\n    return obj_\n")
    exec(source, scope)  # the source is built from the field names above, nothing else
    make: Callable[..., _T] = scope["make"]
    make.__qualname__ = make.__name__ = f"make_{cls.__name__}"
    return make
