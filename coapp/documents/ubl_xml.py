"""Small XML helpers for the UBL export: prefixed element names, amounts, rates and quantities.

Elements are created with their UBL prefixes (``cbc:ID``, ``cac:Party``) and the root declares the
three namespaces itself, so the output reads like the official Peppol examples and no global
ElementTree namespace registry is touched.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from coapp.domain.errors import ValidationError
from coapp.domain.invoices import CENT

CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"

# Characters XML 1.0 cannot carry at all (a pasted note could hold one).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text).strip()


def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """Append ``tag`` (``cbc:...`` or ``cac:...``) with optional text and attributes."""
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = clean(text)
    return element


def add_text(parent: ET.Element, tag: str, text: str, **attrs: str) -> None:
    """Append a text element only when there is text: Peppol forbids empty elements (R008)."""
    if clean(text):
        add(parent, tag, text, **attrs)


def money(amount: Decimal) -> str:
    """An amount with exactly two decimals; more decimals would be a bug upstream, not rounded away."""
    if amount != amount.quantize(CENT):
        raise ValidationError(f"amount {amount} has more than two decimals")
    text = f"{amount.quantize(CENT):f}"
    return "0.00" if text == "-0.00" else text


def plain(number: Decimal) -> str:
    """A rate, quantity or price as written, without exponent and without trailing zeros."""
    if number == 0:
        return "0"
    text = f"{number.normalize():f}"
    return text


def add_amount(parent: ET.Element, tag: str, amount: Decimal, currency: str) -> None:
    add(parent, tag, money(amount), currencyID=currency)
