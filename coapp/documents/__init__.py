"""Documents made from invoices: PDF, Peppol UBL e-invoice, CSV."""
