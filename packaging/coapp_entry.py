"""The frozen app's entry point (PyInstaller's script): coapp's own main(), with two additions that
only a bundle needs.

- The reference server is not in the bundle (packaging/bundle_config.py, SERVER_EXCLUDES), so
  demo mode (`--demo`, `demo-server`) stays in the source install. Importing the server here is
  turned into a CoappError that says so, and coapp's main() reports it as one line (exit 1) instead
  of an internal error about a missing module.
- COAPP_FROZEN_PROBE set: the frozen probe (packaging/frozen_probe.py) runs instead of the CLI: it
  shows the main window the way coapp does, reports the first paint and saves a screenshot once the
  store is open. packaging/smoke.py and benchmarks/bundle_bench.py use it; a user never sets it.
"""

import time

T_START = time.monotonic()  # before anything is imported: the probe reports start-up from here

import os  # noqa: E402
import sys  # noqa: E402
from importlib.abc import MetaPathFinder  # noqa: E402

from coapp.domain.errors import CoappError  # noqa: E402

# What demo mode imports that the bundle leaves out (packaging/bundle_config.py, SERVER_EXCLUDES).
SERVER_MODULES = ("coserver", "uvicorn", "fastapi", "starlette", "argon2")


class DemoNeedsSourceInstall(CoappError):
    """Demo mode runs the reference server, which only the source install has."""


class _NoServer(MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):  # type: ignore[no-untyped-def]
        if fullname.split(".")[0] in SERVER_MODULES:
            raise DemoNeedsSourceInstall(
                "demo mode (--demo, demo-server) needs the source install: the installed app does not "
                "include the demo platform; run it from a checkout with `uv run coapp --demo` (README)"
            )
        return None


def main() -> int:
    sys.meta_path.insert(0, _NoServer())
    probe = os.environ.get("COAPP_FROZEN_PROBE")
    if probe is not None:
        import frozen_probe

        return frozen_probe.run(T_START, probe, sys.argv[1:])
    from coapp.__main__ import main as coapp_main

    return coapp_main()


if __name__ == "__main__":
    sys.exit(main())
