"""What goes into the frozen app, in one place: read by coapp.spec, build.py, smoke.py, the
benchmark's bare window and the tests (tests/bundle), so they cannot drift apart.

Loaded by file path (``load_config()`` below, or PyInstaller exec'ing the spec), never imported as
``packaging.…``: ``packaging`` is the PyPA library PyInstaller itself imports, and a package of that
name here would shadow it.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"

# One reverse-DNS id everywhere: the .desktop file's and metainfo's names, the Flatpak app id, the
# macOS bundle identifier and the Windows installer's AppId.
APP_ID = "se.coapp.Coapp"
APP_NAME = "coapp"
DISPLAY_NAME = "coapp"
SUMMARY = "The freelancer's desktop cockpit: time, contracts and invoices"
PUBLISHER = "coapp"

# The Qt modules coapp imports (tests/bundle checks this against a parse of coapp/): QtNetwork for
# QNetworkInformation (the sync's online/offline), QtDBus for the idle time on Wayland desktops.
QT_COAPP = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtDBus")
# Every other PySide6 module is left out (the charts are painted with QPainter: no OpenGL).
QT_KEEP = QT_COAPP

# Development tools: never in the bundle, even when something imports them optionally.
DEV_EXCLUDES = (
    "pytest",
    "_pytest",
    "pytestqt",
    "xdist",
    "hypothesis",
    "mypy",
    "mypyc",
    "ruff",
    "schemathesis",
    "saxonche",
    "pypdf",
    "importlinter",
    "grimp",
    "PyInstaller",
    "setuptools",
    "pkg_resources",
    "pip",
    "tkinter",
    "_tkinter",
    "IPython",
    # Optional extras of libraries coapp uses: pydantic's debug printer (rich), dnspython's async
    # back-ends (email_validator resolves nothing), mako's highlighter.
    "rich",
    "pygments",
    "markdown_it",
    "mdurl",
    "yaml",
    "anyio",
    "trio",
    "sniffio",
    "readline",  # the interactive prompt's line editing
    "curses",
    "qtawesome",  # only its font files are shipped (coapp.ui.glyphs reads them without importing it)
    "qtpy",
)

# The reference server and what only demo mode needs to run it: demo mode stays in the source
# install (packaging/coapp_entry.py says so when the frozen app is asked for it).
SERVER_EXCLUDES = (
    "coserver",
    "uvicorn",
    "fastapi",
    "starlette",
    "argon2",
    "_argon2_cffi_bindings",
    "psycopg",
    "psycopg_binary",
    "psycopg_c",
    "httptools",
    "uvloop",
    "watchfiles",
    "websockets",
)

# The design's budget for the one-folder Linux bundle on disk (ARCHITECTURE.md, issue 13): the
# benchmark reports the bundle against it, and the smoke test fails a build over it. What it takes:
# Qt's ICU data trimmed to the languages coapp can use (packaging/icu_data.py, 32 MB to 5 MB) and
# charts painted with QPainter (pyqtgraph needed numpy, 43 MB, and QtOpenGL, 9 MB).
MAX_BUNDLE_MB = 150


def version() -> str:
    """coapp.__version__, read without importing coapp (pyproject takes it from there too)."""
    tree = ast.parse((ROOT / "coapp" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise RuntimeError("coapp/__init__.py has no __version__ = '...' line")


def numeric_version(text: str) -> str:
    """Four dotted numbers (Windows' file version, CFBundleVersion wants numbers only): 0.1.0 -> 0.1.0.0;
    a suffix like 0.2.0rc1 is dropped."""
    parts = []
    for part in text.split(".")[:4]:
        digits = ""
        for ch in part:
            if not ch.isdigit():
                break
            digits += ch
        parts.append(digits or "0")
    return ".".join([*parts, "0", "0", "0", "0"][:4])


def pyside_modules() -> list[str]:
    """Every Qt module of the installed PySide6 (its .pyi stubs name them all, built or not), found
    without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("PySide6 is not installed in this environment")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return sorted({p.name.split(".")[0] for p in folder.iterdir() if p.name.startswith("Qt")} - {"Qt"})


def qt_excludes() -> list[str]:
    return [f"PySide6.{name}" for name in pyside_modules() if name not in QT_KEEP]


def excludes() -> list[str]:
    """Module names PyInstaller must leave out (with their submodules)."""
    return [*DEV_EXCLUDES, *SERVER_EXCLUDES, *qt_excludes()]


def executable_name() -> str:
    return f"{APP_NAME}.exe" if sys.platform == "win32" else APP_NAME


# --- What the analysis collects that coapp never loads (dest paths in the bundle, fnmatch patterns) --

DROP_BINARIES = (
    # Qt plugins: the GTK 3 theme (it drags in GTK, ATK, Cairo and Pango: Qt draws its own widgets),
    # embedded-device platforms and input, and SVG (coapp's icons are PNGs and a font).
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/egldeviceintegrations/*",
    "PySide6/Qt/plugins/generic/*",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/iconengines/*svg*",
    "PySide6/Qt/plugins/imageformats/*svg*",
    # Image formats no photo comes in (coapp.ui.profile.photo_well.PICTURES): Targa, WBMP, Apple icons.
    "PySide6/Qt/plugins/imageformats/libqtga.so",
    "PySide6/Qt/plugins/imageformats/libqwbmp.so",
    "PySide6/Qt/plugins/imageformats/libqicns.so",
    # Qt's TLS back-ends: QtNetwork only tells online from offline; the sync's HTTPS is requests'.
    "PySide6/Qt/plugins/tls/*",
    # Pillow's AVIF codec (optional in Pillow; profile photos are JPEG and PNG).
    "PIL/_avif*",
)
# python-stdnum's number databases for what coapp never checks (MAC vendors, IMSI, Chinese and
# Indonesian birthplaces, Austrian post codes, NACE, CFI, GS1, ISBN, ISIL, New Zealand's banks,
# Malaysian birthplaces): 2.3 MB. The IBAN, VAT and bank-account checks' own stay (tests/bundle).
STDNUM_DROP = (
    "stdnum/oui.dat",
    "stdnum/imsi.dat",
    "stdnum/cn/loc.dat",
    "stdnum/id/loc.dat",
    "stdnum/at/postleitzahl.dat",
    "stdnum/eu/nace*.dat",
    "stdnum/cfi.dat",
    "stdnum/gs1_ai.dat",
    "stdnum/isbn.dat",
    "stdnum/isil.dat",
    "stdnum/nz/banks.dat",
    "stdnum/my/bp.dat",
)
# Qt's own translations: only those of the languages coapp speaks (coapp.ui.i18n loads qtbase_<lang>).
UI_LANGUAGES = ("sv",)
QT_TRANSLATIONS = "PySide6/Qt/translations/"
BABEL_DATA = "babel/locale-data/"


def _matches(dest: str, patterns: tuple[str, ...]) -> bool:
    from fnmatch import fnmatch

    dest = dest.replace("\\", "/")
    return any(fnmatch(dest, pattern) for pattern in patterns)


def babel_locales() -> set[str]:
    """The Babel locales coapp parses (coapp.domain.language_codes, coapp.documents.money_format and
    the two UI languages), with every locale their data inherits from, down to root."""
    from babel import Locale
    from babel.core import get_global

    from coapp.base.settings import LANGUAGES
    from coapp.documents.money_format import _LOCALES
    from coapp.domain.language_codes import _NAME_LOCALES

    parents = get_global("parent_exceptions")
    wanted: set[str] = {"root"}
    for name in {*_NAME_LOCALES, *_LOCALES.values(), *LANGUAGES}:
        for candidate in {name, str(Locale.parse(name))}:
            while candidate and candidate != "root":
                wanted.add(candidate)
                candidate = parents.get(candidate) or "_".join(candidate.split("_")[:-1])
    return wanted


def keep_data(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    if dest.startswith(QT_TRANSLATIONS):
        name = dest.rsplit("/", 1)[-1]
        return any(name == f"qtbase_{lang}.qm" for lang in UI_LANGUAGES)
    if _matches(dest, STDNUM_DROP):
        return False
    if dest.startswith(BABEL_DATA) and dest.endswith(".dat"):
        return dest[len(BABEL_DATA) : -len(".dat")] in _babel_keep()
    return True


_babel_cache: set[str] = set()


def _babel_keep() -> set[str]:
    if not _babel_cache:
        _babel_cache.update(babel_locales())
    return _babel_cache


# Libraries a Linux desktop provides and the wheels expect from it: the manylinux allowlist, and what
# coapp.app.qt_system requires for Qt's windows (it names the package to install when one is missing,
# in the source install and the bundle alike). Bundling these would pin the build machine's copies
# (an older libstdc++ or libfontconfig than the graphics driver or the font configuration wants).
MANYLINUX_SYSTEM = (
    "libgcc_s.so.1",
    "libstdc++.so.6",
    "libm.so.6",
    "libdl.so.2",
    "librt.so.1",
    "libc.so.6",
    "libpthread.so.0",
    "libresolv.so.2",
    "libX11.so.6",
    "libXext.so.6",
    "libXrender.so.1",
    "libICE.so.6",
    "libSM.so.6",
    "libGL.so.1",
    "libgobject-2.0.so.0",
    "libgthread-2.0.so.0",
    "libglib-2.0.so.0",
    "libz.so.1",
    "libexpat.so.1",
    # glib's own package (libglib2.0-0, which coapp.app.qt_system requires) ships these too.
    "libgio-2.0.so.0",
    "libgmodule-2.0.so.0",
)


def system_libraries() -> set[str]:
    from coapp.app.qt_system import QT_BASE, QT_WAYLAND, QT_XCB

    return {*MANYLINUX_SYSTEM, *(lib.soname for lib in (*QT_BASE, *QT_XCB, *QT_WAYLAND))}


def _needed(path: str) -> list[str]:
    """The libraries *path* itself names (ELF DT_NEEDED on Linux, by objdump, which PyInstaller
    needs anyway); elsewhere what PyInstaller's dependency finder says."""
    if sys.platform.startswith("linux"):
        import subprocess

        out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False).stdout
        return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]
    from PyInstaller.depend.bindepend import get_imports

    return [Path(lib).name for lib, _ in get_imports(path)]


def prune(binaries: list, datas: list) -> tuple[list, list]:  # type: ignore[type-arg]
    """The analysis' binaries and datas without DROP_BINARIES, without the libraries the system
    provides (Linux: system_libraries()) and those only they need, without the shared libraries
    nothing left needs any more (the GTK theme's), and without unused translations and Babel
    locales."""
    system = system_libraries() if sys.platform.startswith("linux") else set()
    kept = [
        entry
        for entry in binaries
        if not _matches(entry[0], DROP_BINARIES) and Path(entry[0]).name not in system
    ]
    by_name = {Path(entry[0]).name: entry for entry in kept}

    def is_root(entry: tuple) -> bool:  # type: ignore[type-arg]
        dest = entry[0].replace("\\", "/")
        return entry[2] == "EXTENSION" or "/plugins/" in dest or Path(dest).name.startswith("libpython")

    roots = [entry for entry in kept if is_root(entry)]
    needed: set[str] = set()
    todo = list(roots)
    while todo:
        entry = todo.pop()
        if entry[0] in needed:
            continue
        needed.add(entry[0])
        todo += [
            by_name[lib] for lib in _needed(entry[1]) if lib in by_name and by_name[lib][0] not in needed
        ]
    # PyInstaller's SYMLINK entries point at a library in another folder: kept with their target.
    targets = {Path(entry[0]).name for entry in kept if entry[0] in needed}
    pruned = [
        entry
        for entry in kept
        if entry[0] in needed or (entry[2] == "SYMLINK" and Path(entry[0]).name in targets)
    ]
    return pruned, [entry for entry in datas if keep_data(entry[0])]
