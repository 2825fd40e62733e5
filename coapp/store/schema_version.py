"""The schema revision this coapp writes. Kept apart from Alembic so the start-up path can compare
it without importing Alembic; a test checks it equals the migrations' head."""

HEAD_REVISION = "r0013"
