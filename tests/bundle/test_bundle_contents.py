"""What goes into the frozen app: only the Qt coapp imports, no server, no development tools, the
Babel locales coapp parses, and the frozen entry point's refusal of demo mode."""

from __future__ import annotations

import ast
import contextlib
import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.bundle.conftest import PACKAGING, ROOT, load

DEV_TOOLS = ("pytest", "hypothesis", "mypy", "ruff", "schemathesis", "saxonche", "PyInstaller")


def qt_modules_coapp_imports() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "coapp").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            found.update(m.split(".")[1] for m in names if re.match(r"PySide6\.Qt\w+", m))
    return found


def test_the_kept_qt_modules_are_those_coapp_imports(config: ModuleType) -> None:
    used = qt_modules_coapp_imports()
    assert "QtWidgets" in used  # the parse works
    assert used <= set(config.QT_COAPP), f"coapp imports {used - set(config.QT_COAPP)}: add to QT_COAPP"
    assert set(config.QT_COAPP) <= used | {"QtCore"}, "QT_COAPP lists a module coapp no longer imports"
    assert set(config.QT_KEEP) == set(config.QT_COAPP)


def test_every_other_qt_module_is_excluded(config: ModuleType) -> None:
    excluded = set(config.qt_excludes())
    everything = {f"PySide6.{m}" for m in config.pyside_modules()}
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtSvg", "PySide6.QtWebEngineCore"} <= excluded
    assert everything - excluded == {f"PySide6.{m}" for m in config.QT_KEEP}


def test_server_and_dev_tools_are_excluded(config: ModuleType) -> None:
    excluded = set(config.excludes())
    assert {"coserver", "uvicorn", "fastapi", "starlette", "argon2", "psycopg"} <= excluded
    assert set(DEV_TOOLS) <= excluded
    assert not excluded & {
        "coapp",
        "sqlalchemy",
        "alembic",
        "PySide6",
        "babel",
        "keyring",
    }


def test_the_spec_uses_the_shared_excludes_and_entry_point() -> None:
    spec = (PACKAGING / "coapp.spec").read_text(encoding="utf-8")
    assert "excludes=config.excludes()" in spec
    assert "coapp_entry.py" in spec
    assert "config.prune(a.binaries, a.datas)" in spec
    assert "onefile" not in spec.lower()  # one folder: COLLECT
    assert "COLLECT(" in spec
    assert "BUNDLE(" in spec
    assert "bundle_identifier=config.APP_ID" in spec


def built_modules() -> set[str]:
    """Every module name in the last build's Python archive (build/pyinstaller/coapp/PYZ-00.toc)."""
    toc = ROOT / "build" / "pyinstaller" / "coapp" / "PYZ-00.toc"
    if not toc.is_file():
        pytest.skip("no bundle built here (uv run python packaging/build.py; CI builds it first)")
    return set(re.findall(r"\(\s*'([\w.]+)'", toc.read_text(encoding="utf-8")))


def test_the_built_archive_has_no_server_and_no_dev_tools() -> None:
    modules = built_modules()
    assert "coapp.ui.main_window" in modules  # the parse works
    tops = {m.split(".")[0] for m in modules}
    leaked = tops & {
        "coserver",
        "uvicorn",
        "fastapi",
        "starlette",
        "pytest",
        "_pytest",
        "hypothesis",
        "mypy",
        "schemathesis",
        "saxonche",
        "PyInstaller",
        "psycopg",
    }
    assert not leaked
    qt = {m for m in modules if m.startswith("PySide6.Qt")}
    assert {m.split(".")[1] for m in qt} <= {
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtNetwork",
        "QtDBus",
    }


def test_the_babel_locales_cover_what_coapp_parses(
    config: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Record every locale file Babel opens while coapp's Babel users run, and compare."""
    import babel.localedata as localedata

    opened: set[str] = set()
    original = localedata.load

    def recording(name: str, merge_inherited: bool = True):  # type: ignore[no-untyped-def]
        opened.add(name)
        return original(name, merge_inherited)

    monkeypatch.setattr(localedata, "load", recording)
    monkeypatch.setattr(localedata, "_cache", {})
    from datetime import date
    from decimal import Decimal

    from coapp.documents import money_format, resume_sections
    from coapp.domain import language_codes

    language_codes._index.cache_clear()
    money_format._locale.cache_clear()
    try:
        language_codes.language_code("Українська")
        language_codes.language_name("de", "sv")
        for language in ("sv", "en"):
            money_format.format_money(Decimal("1234.5"), "SEK", language)
            money_format.format_date(date(2026, 12, 6), language, long=True)
            money_format.country_name("NO", language)
            resume_sections.country_name("NO", language)
    finally:
        language_codes._index.cache_clear()
        money_format._locale.cache_clear()
    assert "sv" in opened  # the recording works
    assert opened <= config.babel_locales()


def test_data_filter_keeps_qt_swedish_and_known_locales(config: ModuleType) -> None:
    assert config.keep_data("PySide6/Qt/translations/qtbase_sv.qm")
    assert not config.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not config.keep_data("PySide6/Qt/translations/qtdeclarative_sv.qm")
    assert config.keep_data("babel/locale-data/sv_SE.dat")
    assert config.keep_data("babel/locale-data/root.dat")
    assert not config.keep_data("babel/locale-data/kl_GL.dat")
    assert config.keep_data("babel/global.dat")
    assert config.keep_data("coapp/_resources/fonts/DejaVuSans.ttf")


@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PIL/_avif.cpython-311-x86_64-linux-gnu.so", True),
        ("PIL\\_imaging.cp311-win_amd64.pyd", False),
    ],
)
def test_dropped_binaries(config: ModuleType, dest: str, dropped: bool) -> None:
    assert config._matches(dest, config.DROP_BINARIES) is dropped


def test_the_system_libraries_left_to_the_desktop(config: ModuleType) -> None:
    system = config.system_libraries()
    assert {"libxcb-cursor.so.0", "libfontconfig.so.1", "libstdc++.so.6", "libdbus-1.so.3"} <= system
    # What coapp's own code and wheels bring stays in the bundle.
    assert not system & {
        "libpython3.11.so.1.0",
        "libssl.so.3",
        "libcrypto.so.3",
        "libicudata.so.73",
        "libsqlite3.so.0",
    }


def test_version_is_coapps(config: ModuleType) -> None:
    import coapp

    assert config.version() == coapp.__version__


@given(
    st.lists(st.integers(min_value=0, max_value=99_999), min_size=1, max_size=6),
    st.sampled_from(["", "rc1", "a2", ".dev3", "+local"]),
)
def test_numeric_version_is_four_numbers(config: ModuleType, parts: list[int], suffix: str) -> None:
    text = ".".join(map(str, parts)) + suffix
    numeric = config.numeric_version(text)
    numbers = numeric.split(".")
    assert len(numbers) == 4
    assert all(n.isdigit() for n in numbers)
    assert [int(n) for n in numbers[: min(len(parts), 4)]][:-1] == parts[: min(len(parts), 4)][:-1]


@pytest.mark.parametrize("text", ["", "abc", "..", "1..2", "v1.0"])
def test_numeric_version_of_odd_text(config: ModuleType, text: str) -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", config.numeric_version(text))


def test_version_without_a_version_line_is_an_error(
    config: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "coapp").mkdir()
    (tmp_path / "coapp" / "__init__.py").write_text('"""no version"""\n', encoding="utf-8")
    monkeypatch.setattr(config, "ROOT", tmp_path)
    with pytest.raises(RuntimeError, match="__version__"):
        config.version()


class TestFrozenEntry:
    """coapp_entry's guard: the server's modules raise a CoappError that names the source install."""

    @pytest.fixture
    def entry(self) -> ModuleType:
        return load("coapp_entry")

    @pytest.mark.parametrize("name", ["coserver", "coserver.app", "uvicorn", "fastapi.routing", "argon2"])
    def test_server_imports_say_demo_needs_the_source_install(self, entry: ModuleType, name: str) -> None:
        from coapp.domain.errors import CoappError

        with pytest.raises(CoappError, match="source install"):
            entry._NoServer().find_spec(name)

    @pytest.mark.parametrize("name", ["coapp", "coapp.app.demo", "coservers", "sqlalchemy", "uvicornish"])
    def test_other_imports_pass(self, entry: ModuleType, name: str) -> None:
        assert entry._NoServer().find_spec(name) is None

    def test_the_guard_names_every_server_exclude(self, entry: ModuleType, config: ModuleType) -> None:
        assert set(entry.SERVER_MODULES) <= set(config.SERVER_EXCLUDES)
        assert "coserver" in entry.SERVER_MODULES


IBANS = (
    "SE4550000000058398257466",
    "NO9386011117947",
    "DK5000400440116243",
    "FI2112345600000785",
    "DE89370400440532013000",
    "BE71096123456769",
    "CZ6508000000192000145399",
    "AT611904300234573201",
    "GB29NWBK60161331926819",
    "FR1420041010050500013M02606",
    "NL91ABNA0417164300",
)
VAT_COUNTRIES = ("SE", "NO", "DK", "FI", "DE", "BE", "CZ", "AT", "GB", "FR", "NL", "PL", "ES", "IT", "EE")


def test_the_identifier_checks_read_no_stdnum_database_the_bundle_drops(
    config: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every database python-stdnum opens while coapp checks IBANs, bank accounts and VAT numbers of
    many countries is one the bundle keeps."""
    import stdnum.numdb as numdb

    from coapp.domain import identifiers
    from coapp.domain.errors import ValidationError

    opened: set[str] = set()
    stream = numdb._get_resource_stream

    def recording(name: str):  # type: ignore[no-untyped-def]
        opened.add(name)
        return stream(name)

    monkeypatch.setattr(numdb, "_get_resource_stream", recording)
    monkeypatch.setattr(numdb, "_open_databases", {})
    for iban in IBANS:
        assert identifiers.validate_iban(iban)
    for country in VAT_COUNTRIES:
        for text in (f"{country}123456789", f"{country}12345678901", "123456789"):
            with contextlib.suppress(ValidationError):  # refused is fine: the databases read matter
                identifiers.validate_vat_number(text, country)
    assert "be/banks.dat" in opened  # the recording works (Belgium's IBANs name their bank)
    # stdnum.iban reads its own database as it is imported, which an earlier test may have done.
    assert config.keep_data("stdnum/iban.dat")
    assert not {name for name in opened if config._matches(f"stdnum/{name}", config.STDNUM_DROP)}
    assert not config.keep_data("stdnum/oui.dat")
    assert config.keep_data("stdnum/iban.dat")
