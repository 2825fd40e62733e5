"""coserver: the reference implementation of the platform API (FastAPI + SQLAlchemy)."""
