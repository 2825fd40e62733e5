"""The local SQLite store: engine, sessions, migrations, backups and the integrity check."""
