"""The bottom floor every layer may stand on: where files live (paths), the typed app settings and
atomic file writes. It imports nothing of the project."""
