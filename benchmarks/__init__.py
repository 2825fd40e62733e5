"""Performance budgets of ARCHITECTURE.md ("Budgets"), measured on this machine: see README.md.

Kept empty on purpose: the measured child processes never import this package.
"""
