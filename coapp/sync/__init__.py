"""Sync with the platform API: the wire schema shared with the reference server (coserver)."""
