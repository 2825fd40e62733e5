"""The desktop metadata each system reads: valid by the systems' own validators, and agreeing on
the app id and coapp's version."""

from __future__ import annotations

import configparser
import plistlib
import re
import subprocess
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest

from tests.bundle.conftest import PACKAGING, require_tool

LINUX = PACKAGING / "linux"


def desktop_file(config: ModuleType) -> Path:
    return LINUX / f"{config.APP_ID}.desktop"


def metainfo_file(config: ModuleType) -> Path:
    return LINUX / f"{config.APP_ID}.metainfo.xml"


def test_desktop_file_validates(config: ModuleType) -> None:
    tool = require_tool("desktop-file-validate")
    done = subprocess.run([tool, str(desktop_file(config))], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_desktop_file_validator_catches_a_broken_file(tmp_path: Path, config: ModuleType) -> None:
    """The validation above can fail: an entry without Name is refused."""
    tool = require_tool("desktop-file-validate")
    text = desktop_file(config).read_text(encoding="utf-8")
    broken = tmp_path / f"{config.APP_ID}.desktop"
    broken.write_text(re.sub(r"^Name=.*\n", "", text, flags=re.MULTILINE), encoding="utf-8")
    done = subprocess.run([tool, str(broken)], capture_output=True, text=True)
    assert done.returncode != 0


def test_metainfo_validates(config: ModuleType) -> None:
    tool = require_tool("appstreamcli")
    done = subprocess.run(
        [tool, "validate", "--no-net", str(metainfo_file(config))], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_validator_catches_a_broken_file(tmp_path: Path, config: ModuleType) -> None:
    tool = require_tool("appstreamcli")
    text = metainfo_file(config).read_text(encoding="utf-8")
    broken = tmp_path / f"{config.APP_ID}.metainfo.xml"
    broken.write_text(
        text.replace("<summary>", "<summary>A summary that ends with a dot.", 1).replace(
            "</component>", "<id>second.id</id></component>"
        ),
        encoding="utf-8",
    )
    done = subprocess.run([tool, "validate", "--no-net", str(broken)], capture_output=True, text=True)
    assert done.returncode != 0


def test_desktop_entry_names_the_app(config: ModuleType) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(desktop_file(config), encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Icon"] == config.APP_ID
    assert section["Exec"].split()[0] == config.APP_NAME  # install.sh rewrites exactly this prefix
    assert section["Type"] == "Application"
    assert section["Terminal"] == "false"


def test_metainfo_names_the_id_version_and_launcher(config: ModuleType) -> None:
    root = ElementTree.parse(metainfo_file(config)).getroot()
    assert root.findtext("id") == config.APP_ID
    assert root.find("launchable").text == f"{config.APP_ID}.desktop"  # type: ignore[union-attr]
    releases = [r.get("version") for r in root.iter("release")]
    assert releases, "the metainfo lists no release"
    assert releases[0] == config.version()  # the newest first


def test_flatpak_manifest_matches(config: ModuleType) -> None:
    yaml = pytest.importorskip("yaml")
    manifest = yaml.safe_load((LINUX / f"{config.APP_ID}.yml").read_text(encoding="utf-8"))
    assert manifest["app-id"] == config.APP_ID
    assert manifest["command"] == config.APP_NAME
    (module,) = manifest["modules"]
    (source,) = module["sources"]
    assert Path(source["path"]).name == f"{config.APP_NAME}-{config.version()}-linux-x86_64.tar.gz"
    commands = "\n".join(module["build-commands"])
    for name in (f"{config.APP_ID}.desktop", f"{config.APP_ID}.metainfo.xml", f"{config.APP_ID}.png"):
        assert name in commands


def test_info_plist_has_the_keys(config: ModuleType) -> None:
    with (PACKAGING / "macos" / "Info.plist").open("rb") as f:
        info = plistlib.load(f)
    assert info["CFBundleIdentifier"] == config.APP_ID
    assert info["CFBundleExecutable"] == config.APP_NAME
    assert info["CFBundleShortVersionString"] == config.version()
    assert re.fullmatch(r"\d+(\.\d+){0,2}", info["CFBundleVersion"])
    assert tuple(int(n) for n in info["LSMinimumSystemVersion"].split(".")) >= (13, 0)
    assert info["NSHighResolutionCapable"] is True
    assert info["NSUserNotificationAlertStyle"] in ("alert", "banner")
    assert (PACKAGING / "macos" / info["CFBundleIconFile"]).is_file()


def test_inno_setup_script_uses_the_build_version_and_id(
    config: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    iss = (PACKAGING / "windows" / "coapp.iss").read_text(encoding="utf-8")
    assert '"..\\..\\build\\version.iss"' in iss
    assert "#include VersionFile" in iss
    assert "AppId={#AppId}" in iss
    assert "AppVersion={#AppVersion}" in iss
    assert "{group}" in iss  # the start-menu entry
    assert "{localappdata}\\coapp" in iss  # platformdirs' data folder on Windows, kept unless asked
    assert "UninstallSilent()" in iss
    build = load_build()
    monkeypatch.setattr(build, "BUILD", tmp_path)
    build.write_windows_files(config.version())
    include = (tmp_path / "version.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{config.version()}"' in include
    assert f'#define AppId "{config.APP_ID}"' in include
    assert f'#define AppNumericVersion "{config.numeric_version(config.version())}"' in include


def test_one_app_id_everywhere(config: ModuleType) -> None:
    from coapp.ui.app_icon import APP_ID

    assert APP_ID == config.APP_ID
    assert re.fullmatch(r"[a-z]+(\.[A-Za-z][A-Za-z0-9]*){2,}", config.APP_ID)
    install = (LINUX / "install.sh").read_text(encoding="utf-8")
    assert f"app_id={config.APP_ID}\n" in install


def load_build() -> ModuleType:
    from tests.bundle.conftest import load

    return load("build")
