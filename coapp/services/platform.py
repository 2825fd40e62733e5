"""The platform as a party on invoices: the issuer of self-billing invoices and the buyer of
fixed-fee work. Until sync delivers the platform's own record, these are its published details."""

from __future__ import annotations

from coapp.domain.invoices import Party

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
