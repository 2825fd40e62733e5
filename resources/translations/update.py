"""Refresh the translation sources from the UI code and compile them.

    uv run python resources/translations/update.py            # lupdate coapp/ui → .ts, lrelease → .qm
    uv run python resources/translations/update.py --release  # only lrelease (after editing the .ts)

Translate in Qt Linguist (`uv run pyside6-linguist resources/translations/coapp_sv.ts`) or by hand
in the .ts file; keep every {placeholder} (tests/ui/test_i18n.py checks them) and remove
type="unfinished" once a text is translated. Commit both the .ts and the .qm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("sv",)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the same environment as this Python."""
    beside = Path(sys.executable).parent / name
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; run this with `uv run python {Path(__file__).name}`")
    return found


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "coapp" / "ui").rglob("*.py"))


def ts_file(language: str) -> Path:
    return HERE / f"coapp_{language}.ts"


def lupdate(ts: Path) -> None:
    args = [tool("pyside6-lupdate"), "-locations", "relative", "-no-obsolete", *ui_sources(), "-ts", str(ts)]
    subprocess.run(args, cwd=ROOT, check=True)


def lrelease(ts: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main(argv: list[str]) -> int:
    if "--release" not in argv:
        from error_catalogue import main as write_error_catalogue

        write_error_catalogue()  # the errors' templates, where lupdate reads them
    for language in LANGUAGES:
        ts = ts_file(language)
        if "--release" not in argv:
            lupdate(ts)
        lrelease(ts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
