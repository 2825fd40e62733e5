"""The platform as a party on invoices: the payee of invoices to clients (it sends them on the
seller's behalf and collects the payment on its client-funds account) and the buyer of fixed-fee
work. Until sync delivers the platform's own record, these are its published details (a demo
bankgiro and IBAN: valid check digits, no real account)."""

from __future__ import annotations

from coapp.domain.invoices import Party, Payment

PLATFORM = Party(
    name="Nordic Consultant Network AB",
    address="Kungsgatan 12",
    postcode="111 43",
    city="Stockholm",
    country="SE",
    org_number="556999-9997",
    vat_number="SE556999999701",
    registered_office="Stockholm",
    limited_company=True,
    f_skatt=True,
    email="invoices@consultant-network.example",
)

# The client-funds account clients pay invoices for hourly and daily work into; each invoice adds
# its own reference (OCR/KID/RF) at confirmation. Formatted as printed.
PLATFORM_CLIENT_FUNDS = Payment(
    bankgiro="5550-1001",
    iban="SE45 5000 0000 0583 9825 7466",
    bic="ESSESESS",
)
