"""The invoices screen: the list with filters and totals, a draft's lines and breakdown, confirmation.

Nothing here imports SQLAlchemy or the invoicing services at module level: the main window builds
this screen before the first paint, and the store (with the services) opens only after it.
"""
