"""Database triggers that keep confirmed invoices and invoiced time unchangeable.

The services already refuse such changes; the triggers make the rule hold for every path into the
database (a future bug, a sync apply, a hand-edited file), as bookkeeping law expects.
"""

from __future__ import annotations

from sqlalchemy import DDL, event

from coapp.models.invoices import Invoice, InvoiceLineRow
from coapp.models.time_entries import TimeEntry

TRIGGERS: dict[str, str] = {
    "invoice_lines_frozen_update": """
        CREATE TRIGGER invoice_lines_frozen_update BEFORE UPDATE ON invoice_lines
        WHEN (SELECT state FROM invoices WHERE id = OLD.invoice_id) != 'draft'
        AND (NEW.description IS NOT OLD.description OR NEW.quantity_e4 IS NOT OLD.quantity_e4
             OR NEW.unit_price_minor IS NOT OLD.unit_price_minor OR NEW.vat_rate_bp IS NOT OLD.vat_rate_bp
             OR NEW.amount_minor IS NOT OLD.amount_minor OR NEW.invoice_id IS NOT OLD.invoice_id
             OR NEW.deleted_at IS NOT OLD.deleted_at)
        BEGIN SELECT RAISE(ABORT, 'the lines of a confirmed invoice never change'); END""",
    "invoice_lines_frozen_insert": """
        CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
        WHEN (SELECT state FROM invoices WHERE id = NEW.invoice_id) NOT IN ('draft', 'confirmed')
        OR ((SELECT state FROM invoices WHERE id = NEW.invoice_id) = 'confirmed'
            AND (SELECT kind FROM invoices WHERE id = NEW.invoice_id) = 'invoice')
        BEGIN SELECT RAISE(ABORT, 'lines cannot be added to a confirmed invoice'); END""",
    "invoice_lines_no_delete": """
        CREATE TRIGGER invoice_lines_no_delete BEFORE DELETE ON invoice_lines
        WHEN (SELECT state FROM invoices WHERE id = OLD.invoice_id) != 'draft'
        BEGIN SELECT RAISE(ABORT, 'a confirmed invoice is never deleted'); END""",
    "invoices_frozen_update": """
        CREATE TRIGGER invoices_frozen_update BEFORE UPDATE ON invoices
        WHEN OLD.state != 'draft' AND OLD.number IS NOT NULL AND (
            NEW.state = 'draft'
            OR (OLD.number IS NOT NULL AND NEW.number IS NOT OLD.number)
            OR NEW.net_minor IS NOT OLD.net_minor OR NEW.vat_minor IS NOT OLD.vat_minor
            OR NEW.total_minor IS NOT OLD.total_minor OR NEW.commission_minor IS NOT OLD.commission_minor
            OR NEW.issue_date IS NOT OLD.issue_date OR NEW.currency IS NOT OLD.currency
            OR NEW.contract_id IS NOT OLD.contract_id OR NEW.kind IS NOT OLD.kind
            OR NEW.frozen IS NOT OLD.frozen OR NEW.deleted_at IS NOT OLD.deleted_at)
        BEGIN SELECT RAISE(ABORT, 'a confirmed invoice never changes; correct it with a credit note'); END""",
    "invoices_no_delete": """
        CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices
        WHEN OLD.state != 'draft'
        BEGIN SELECT RAISE(ABORT, 'a confirmed invoice is never deleted'); END""",
    "time_entries_invoiced": """
        CREATE TRIGGER time_entries_invoiced BEFORE UPDATE ON time_entries
        WHEN OLD.invoice_id IS NOT NULL AND NEW.invoice_id IS NOT NULL AND (
            NEW.minutes IS NOT OLD.minutes OR NEW.note IS NOT OLD.note OR NEW.work_date IS NOT OLD.work_date
            OR NEW.contract_id IS NOT OLD.contract_id OR NEW.deleted_at IS NOT OLD.deleted_at
            OR NEW.invoice_id IS NOT OLD.invoice_id)
        BEGIN SELECT RAISE(ABORT, 'time on a confirmed invoice cannot change'); END""",
}

# New databases get the triggers with their tables; existing ones through migration r0004.
_TABLES = {
    "time_entries": TimeEntry.__table__,
    "invoice_lines": InvoiceLineRow.__table__,
    "invoices": Invoice.__table__,
}
for _name, _sql in TRIGGERS.items():
    _table = next(t for prefix, t in _TABLES.items() if _name.startswith(prefix))
    event.listen(_table, "after_create", DDL(_sql).execute_if(dialect="sqlite"))
