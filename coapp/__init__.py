"""coapp: the freelancer desktop app."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("coapp")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
