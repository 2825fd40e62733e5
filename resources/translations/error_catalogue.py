"""The error messages of the domain, the services, the store and the sync, for translation.

The layers under the UI do not know Qt: they raise CoappError (coapp.domain.errors) with an English
template and its values, `ValidationError("the rate {rate} is negative", rate=rate)`. This script
finds every such template in the source (the first argument of each raise of a CoappError class,
and of each Sentence: a problem listed rather than raised)
and writes coapp/ui/error_messages.py, where lupdate reads them in the "Errors" context; the front
end then says an error in the user's language (coapp.ui.error_text). update.py runs it before
lupdate; tests/ui/test_error_text.py fails when the file is out of date, or when a raise builds its
message in a way no catalogue can hold (an f-string, a concatenation).

    uv run python resources/translations/error_catalogue.py   # rewrite coapp/ui/error_messages.py
"""

from __future__ import annotations

import ast
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ("domain", "services", "store", "sync", "base")
TARGET = ROOT / "coapp" / "ui" / "error_messages.py"
# A raise that passes on words it did not write (a library's message) says so on its line.
PASSED_ON = "# error text: "
# The domain's words a message takes as a value (`current=ContractState.ACTIVE`): each member is
# translated in the "ErrorWords" context, its enum's name telling apart the same word of two enums
# (an invoice is "betald", a milestone "betalt").
WORD_ENUMS = (
    "ApplicationState", "Actor", "ContractState", "ContractActor",
    "InvoiceState", "MilestoneState", "FeeModel",
)  # fmt: skip


@dataclass(frozen=True)
class Raise:
    path: Path
    line: int
    template: str | None  # None: not a literal


def _sources() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (ROOT / "coapp" / layer).rglob("*.py"))


def _error_classes(trees: list[ast.Module]) -> set[str]:
    """CoappError and every class that derives from it (by name, transitively)."""
    bases: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names = {
                    b.id if isinstance(b, ast.Name) else b.attr
                    for b in node.bases
                    if isinstance(b, (ast.Name, ast.Attribute))
                }
                bases.setdefault(node.name, set()).update(names)
    found = {"CoappError"}
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in found and parents & found:
                found.add(name)
                grew = True
    return found


def raises() -> Iterator[Raise]:
    """Every `raise SomeCoappError(first, ...)` and `Sentence(first, ...)` of the layers, with its
    template when a literal."""
    paths = _sources()
    trees = [ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in paths]
    classes = _error_classes(trees)
    for path, tree in zip(paths, trees, strict=True):
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Sentence":
                call = node  # a problem listed, not raised (coapp.domain.errors.Sentence)
            elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                call = node.exc
            else:
                continue
            func = call.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if (name not in classes and name != "Sentence") or not call.args:
                continue
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield Raise(path, node.lineno, first.value)
            elif not any(
                PASSED_ON in lines[i - 1] for i in range(node.lineno, (node.end_lineno or node.lineno) + 1)
            ):
                yield Raise(path, node.lineno, None)


def words() -> list[tuple[str, str]]:
    """(enum name, member value) of WORD_ENUMS, as the domain defines them."""
    found = []
    for path in sorted((ROOT / "coapp" / "domain").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name in WORD_ENUMS:
                for item in node.body:
                    if isinstance(item, ast.Assign) and isinstance(item.value, ast.Constant):
                        found.append((node.name, str(item.value.value)))
    return sorted(found)


def catalogue() -> str:
    templates = sorted({r.template for r in raises() if r.template})
    lines = [
        '"""Generated by resources/translations/error_catalogue.py: the templates of the errors the',
        "domain, the services, the store and the sync raise, where lupdate reads them (those layers do",
        'not know Qt). Do not edit; run `uv run python resources/translations/update.py`."""',
        "",
        "from PySide6.QtCore import QCoreApplication",
        "",
        "translate = QCoreApplication.translate",
        "",
        "",
        "def _messages() -> None:  # never called: only read by lupdate",
    ]
    lines += [f'    translate("Errors", {json.dumps(t, ensure_ascii=False)})' for t in templates]
    lines += [f'    translate("ErrorWords", {json.dumps(v)}, {json.dumps(e)})' for e, v in words()]
    return "\n".join(lines) + "\n"


def main() -> int:
    TARGET.write_text(catalogue(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
