"""Alembic environment: always called from coserver.db.migrate with an open connection."""

from alembic import context

from coserver.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds the table
)
with context.begin_transaction():
    context.run_migrations()
