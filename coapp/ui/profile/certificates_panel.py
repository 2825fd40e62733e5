"""Certificates: name, issuer, when issued and when it expires, and where it can be verified."""

from __future__ import annotations

from collections.abc import Mapping

from coapp.domain.profile_sections import Certificate
from coapp.services.profile_rows import Section
from coapp.ui.profile.item_dialog import Field, Kind, Value
from coapp.ui.profile.section_list import PanelTexts, SectionPanel, joined, month_text


class CertificatesPanel(SectionPanel):
    section = Section.CERTIFICATES
    name = "profileCertificates"

    def make_texts(self) -> PanelTexts:
        return PanelTexts(
            heading=self.tr("Certificates"),
            add=self.tr("Add certificate…"),
            add_tip=self.tr("Add a certificate or certification (Insert)"),
            list_name=self.tr("Your certificates"),
            empty=self.tr("No certificates yet: add the ones buyers ask for, e.g. AWS or Scrum."),
            problem=self.tr("Problem with a certificate"),
            add_title=self.tr("Add certificate"),
            edit_title=self.tr("Edit certificate"),
        )

    def fields(self) -> tuple[Field, ...]:
        return (
            Field("name", self.tr("Name"), required=self.tr("Write the certificate's name")),
            Field("issuer", self.tr("Issuer"), hint=self.tr("Amazon Web Services")),
            Field("issued", self.tr("Issued"), Kind.MONTH, hint="2024-03"),
            Field(
                "expires",
                self.tr("Expires"),
                Kind.MONTH,
                hint=self.tr("2027-03, or empty if it does not"),
                not_before="issued",
                order_error=self.tr("Expires before it was issued ({other})"),
            ),
            Field("url", self.tr("Web address"), Kind.URL, hint=self.tr("Where it can be verified")),
        )

    def values(self, item: Certificate) -> dict[str, Value]:
        return {
            "name": item.name,
            "issuer": item.issuer,
            "issued": str(item.issued) if item.issued else "",
            "expires": str(item.expires) if item.expires else "",
            "url": item.url,
        }

    def build(self, values: Mapping[str, Value], item_id: str) -> Certificate:
        return Certificate(
            name=str(values["name"]),
            issuer=str(values["issuer"]),
            issued=str(values["issued"]) or None,  # type: ignore[arg-type]  # parsed by the domain
            expires=str(values["expires"]) or None,  # type: ignore[arg-type]
            url=str(values["url"]),
            id=item_id,
        )

    def describe(self, item: Certificate) -> tuple[str, str]:
        issued = month_text(item.issued)
        expires = self.tr("expires {month}").format(month=month_text(item.expires)) if item.expires else ""
        return item.name, joined(item.issuer, issued, expires)
