"""PySide6's import hook, made light.

PySide6 (6.11) watches every import after its own: to learn whether a module may use its
``__feature__`` switches, it reads the module's source with ``inspect.getsource``, which keeps
every line of it in ``linecache`` for the life of the process, and tokenizes it. For the
libraries the store opens with (SQLAlchemy, pydantic, requests, ...) that was some 40 MiB held
for nothing, and time the opening worker spent holding the interpreter. The question stays the
same, whether the source names PySide6, but it is answered from the file's bytes, read and let go.
"""

from __future__ import annotations

import sys
from types import ModuleType

_MARK = "_coapp_light"


def lighten() -> None:
    """Answer PySide6's question from the file (idempotent; a PySide6 without the hook is left
    as it is)."""
    import PySide6.QtCore  # noqa: F401 - installs the hook this replaces

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, _MARK, False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))  # built-in, compiled or zipped: PySide6's own answer
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
