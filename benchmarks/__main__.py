"""`uv run python -m benchmarks [--quick] ...`: the same as `uv run python benchmarks/run.py`."""

import sys

from benchmarks.run import main

sys.exit(main())
