"""coapp: the freelancer desktop app."""

# The single source of the version: pyproject reads it from here (hatch), so start-up does not
# pay for importlib.metadata.
__version__ = "0.1.0"
