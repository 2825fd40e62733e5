"""Helpers for the packaging tests: packaging/ is a folder of build files, loaded here by path."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(name: str) -> ModuleType:
    """packaging/<name>.py as a module (never `import packaging...`: that is the PyPA library)."""
    key = f"coapp_packaging_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module


def require_tool(name: str) -> str:
    """The tool's path; skipped with the reason when it is missing, except in CI (CI=true), where a
    missing tool fails: there the validation must run."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{name} is missing in CI: .ci/run installs it")
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils / appstream)")
    return path


@pytest.fixture(scope="session")
def config() -> ModuleType:
    return load("bundle_config")
