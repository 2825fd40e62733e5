"""Keeping the user's data safe: one window per data folder, restore from a backup, the full export,
the account deletion request and the update notice."""
