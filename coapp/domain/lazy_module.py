"""A library module imported the first time one of its names is used, not when the module that
names it is imported.

Why: python-stdnum's package imports pydoc and unicodedata as it loads (about 1.2 MiB with its own
modules), and coapp.domain.identifiers is imported on the way to opening the store, long before a
number is checked. ARCHITECTURE.md wants heavy imports made when first needed; an ``except``
clause naming ``errors.InvalidChecksum`` is evaluated only when an exception is being matched, by
which time the check that raised it has loaded the library.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for the module *name*; the first attribute read imports it (once: importlib's own
    lock makes two threads asking at once get the same module)."""

    __slots__ = ("_module", "_name")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attribute)

    def __repr__(self) -> str:
        state = "imported" if self._module is not None else "not imported yet"
        return f"<LazyModule {self._name} ({state})>"
