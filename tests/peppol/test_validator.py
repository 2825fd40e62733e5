"""The Peppol validation harness: the official examples pass, tampered copies fail with the right rules.

The translator itself was also checked against SchXslt2 1.3.4 (an independent Schematron-to-XSLT
compiler), against node-schematron (for the CEN file) and against the official unit tests of
peppol-bis-invoice-3 (rules/unit-UBL-*): the same failures on 570 documents. The tests here keep the
essential cases, the Schematron semantics the translator must keep, and its strictness.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from stdnum.se import orgnr, vat

from tests.peppol.validate import (
    RULE_FILES,
    SCH,
    Failure,
    SchematronError,
    assert_valid_ubl,
    compile_schematron,
    peppol_dir,
    run_schematron,
    validate_ubl,
)

EXAMPLES = ("base-example.xml", "base-creditnote-correction.xml", "Vat-category-S.xml")


def example(name: str) -> str:
    return (peppol_dir() / name).read_text(encoding="utf-8")


def tamper(xml: str, old: str, new: str, count: int = 1) -> str:
    """Replace ``old`` (which must occur exactly ``count`` times: a tampering never silently misses)."""
    assert xml.count(old) == count, f"{old!r} occurs {xml.count(old)} times, expected {count}"
    return xml.replace(old, new)


def fatal_ids(failures: list[Failure]) -> set[str]:
    return {failure.rule_id for failure in failures if failure.fatal}


def warning_ids(failures: list[Failure]) -> set[str]:
    return {failure.rule_id for failure in failures if not failure.fatal}


def check(xml: str) -> list[Failure]:
    return validate_ubl(xml.encode("utf-8"))


# --- The official examples ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_official_examples_pass_both_rule_sets(name: str) -> None:
    assert validate_ubl((peppol_dir() / name).read_bytes()) == []  # no fatal failure, not even a warning
    assert assert_valid_ubl((peppol_dir() / name).read_bytes()) == []


def test_every_assertion_of_both_files_is_compiled() -> None:
    for name in RULE_FILES:
        sch = (peppol_dir() / name).read_bytes()
        written = [a.get("id") for a in ET.fromstring(sch).iter(f"{{{SCH}}}assert")]
        assert [a.rule_id for a in compile_schematron(sch, name).assertions] == written
    assert len(written) > 100  # the Peppol file, last: its SE-R rules among them
    assert {f"SE-R-{n:03d}" for n in range(1, 14)} <= set(written)


# --- EN 16931 (CEN) and Peppol rules on tampered examples -----------------------------------------------

LINE_2_AMOUNT = '<cbc:LineExtensionAmount currencyID="EUR">-1500</cbc:LineExtensionAmount>'


def test_changed_line_amount_breaks_the_sums() -> None:
    xml = tamper(example("base-example.xml"), LINE_2_AMOUNT, LINE_2_AMOUNT.replace("-1500", "-1400"))
    failures = check(xml)
    # Sum of line amounts = the invoice's LineExtensionAmount (CEN); line amount = quantity x price (Peppol).
    assert {"BR-CO-10", "PEPPOL-EN16931-R120"} <= fatal_ids(failures)
    [r120] = [failure for failure in failures if failure.rule_id == "PEPPOL-EN16931-R120"]
    assert r120.location == "/Invoice/cac:InvoiceLine[2]"
    assert r120.rules == "PEPPOL-EN16931-UBL.sch"
    [co10] = [failure for failure in failures if failure.rule_id == "BR-CO-10"]
    assert co10.rules == "CEN-EN16931-UBL.sch"
    assert co10.message.startswith("[BR-CO-10]-Sum of Invoice line net amount")
    with pytest.raises(AssertionError, match="BR-CO-10"):
        assert_valid_ubl(xml.encode())


def test_changed_payable_amount_breaks_the_total() -> None:
    payable = '<cbc:PayableAmount currencyID="EUR">1656.25</cbc:PayableAmount>'
    xml = tamper(example("base-example.xml"), payable, payable.replace("1656.25", "1656.26"))
    assert fatal_ids(check(xml)) == {"BR-CO-16"}


def test_changed_vat_amount_breaks_the_vat_total() -> None:
    tax = '<cbc:TaxAmount currencyID="EUR">331.25</cbc:TaxAmount>'
    xml = tamper(example("base-example.xml"), tax, tax.replace("331.25", "331.26"), count=2)
    assert fatal_ids(check(xml)) == {"BR-CO-15"}


def test_unknown_currency_code() -> None:
    document = tamper(
        example("base-example.xml"), ">EUR</cbc:DocumentCurrencyCode>", ">EUX</cbc:DocumentCurrencyCode>"
    )
    assert "BR-CL-04" in fatal_ids(check(document))
    everywhere = example("base-example.xml").replace("EUR", "EUX")
    failures = check(everywhere)
    assert {"BR-CL-03", "BR-CL-04", "PEPPOL-EN16931-CL007"} <= fatal_ids(failures)
    # BR-CL-03 checks every amount's currencyID: 13 amounts in the example.
    assert sum(failure.rule_id == "BR-CL-03" for failure in failures) == 13


def test_unknown_unit_code() -> None:
    xml = tamper(example("base-example.xml"), 'unitCode="DAY">7', 'unitCode="DAYS">7')
    assert fatal_ids(check(xml)) == {"BR-CL-23"}


def test_empty_element_is_refused() -> None:
    xml = tamper(example("base-example.xml"), "<cbc:ID>2</cbc:ID>", "<cbc:ID>2</cbc:ID><cbc:Note/>")
    [failure] = check(xml)
    assert (failure.rule_id, failure.flag) == ("PEPPOL-EN16931-R008", "fatal")
    assert failure.location == "/Invoice/cac:InvoiceLine[2]/cbc:Note"


def test_credit_note_rules() -> None:
    credit = example("base-creditnote-correction.xml")
    payable = '<cbc:PayableAmount currencyID="EUR">1656.25</cbc:PayableAmount>'
    assert "BR-CO-16" in fatal_ids(check(tamper(credit, payable, payable.replace("1656.25", "1000"))))
    type_code = "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"
    wrong_type = tamper(credit, type_code, type_code.replace("381", "380"))
    assert {"BR-CL-01", "PEPPOL-EN16931-P0101"} <= fatal_ids(check(wrong_type))


# --- Swedish seller: the SE-R rules ---------------------------------------------------------------------

SE_VAT = "SE556677889901"
SE_ORGNR = "5566778899"
SE_BANKGIRO = "1234567"
INDENT = "\n            "  # of the seller's cac:Party children in base-example.xml


def tax_scheme(company_id: str, scheme: str) -> str:
    return (
        f"<cac:PartyTaxScheme>{INDENT}    <cbc:CompanyID>{company_id}</cbc:CompanyID>"
        f"{INDENT}    <cac:TaxScheme>{INDENT}        <cbc:ID>{scheme}</cbc:ID>{INDENT}    </cac:TaxScheme>"
        f"{INDENT}</cac:PartyTaxScheme>"
    )


VAT_SCHEME = tax_scheme(SE_VAT, "VAT")
F_SKATT_SCHEME = tax_scheme("Godkänd för F-skatt", "TAX")


def swedish_invoice() -> str:
    """base-example.xml with a Swedish seller: VAT number, organisation number, F-skatt, bankgiro, SEK."""
    xml = example("base-example.xml")
    country = "<cbc:IdentificationCode>{}</cbc:IdentificationCode>"
    xml = tamper(xml, country.format("GB"), country.format("SE"))
    xml = tamper(xml, tax_scheme("GB1232434", "VAT"), VAT_SCHEME + INDENT + F_SKATT_SCHEME)
    xml = tamper(xml, "SupplierOfficialName Ltd", "Leverantören AB")
    xml = tamper(xml, "<cbc:CompanyID>GB983294<", f'<cbc:CompanyID schemeID="0007">{SE_ORGNR}<')
    xml = tamper(xml, "<cbc:ID>IBAN32423940</cbc:ID>", f"<cbc:ID>{SE_BANKGIRO}</cbc:ID>")
    xml = tamper(xml, "<cbc:ID>BIC324098</cbc:ID>", "<cbc:ID>SE:BANKGIRO</cbc:ID>")
    xml = tamper(xml, 'currencyID= "EUR"', 'currencyID="EUR"')
    xml = tamper(xml, 'currencyID="EUR"', 'currencyID="SEK"', count=13)
    return tamper(xml, ">EUR</cbc:DocumentCurrencyCode>", ">SEK</cbc:DocumentCurrencyCode>")


def test_swedish_invoice_passes() -> None:
    assert orgnr.is_valid(SE_ORGNR)
    assert vat.is_valid(SE_VAT)
    assert check(swedish_invoice()) == []


@pytest.mark.parametrize(
    ("old", "new", "rule_id", "flag"),
    [
        (SE_VAT, SE_VAT[:-1], "SE-R-001", "fatal"),  # 14 characters
        (SE_VAT, "SE55667788AB01", "SE-R-002", "fatal"),  # 12 digits after SE
        (f">{SE_ORGNR}<", ">556677889X<", "SE-R-003", "fatal"),  # numeric
        (f">{SE_ORGNR}<", ">556677889<", "SE-R-004", "fatal"),  # 10 digits
        (f">{SE_ORGNR}<", ">5566778898<", "SE-R-013", "fatal"),  # Luhn check digit
        ("Godkänd för F-skatt", "F-skatt", "SE-R-005", "fatal"),
        ("<cbc:Percent>25.0</cbc:Percent>", "<cbc:Percent>20</cbc:Percent>", "SE-R-006", "fatal"),
        (f"<cbc:ID>{SE_BANKGIRO}</cbc:ID>", "<cbc:ID>12345AB</cbc:ID>", "SE-R-008", "warning"),
        (f"<cbc:ID>{SE_BANKGIRO}</cbc:ID>", "<cbc:ID>123456</cbc:ID>", "SE-R-009", "warning"),
        # Bankgiro and plusgiro should be code 30 with SE:BANKGIRO or SE:PLUSGIRO.
        (">30</cbc:PaymentMeansCode>", ">50</cbc:PaymentMeansCode>", "SE-R-011", "warning"),
    ],
)
def test_swedish_rules(old: str, new: str, rule_id: str, flag: str) -> None:
    invoice = swedish_invoice()
    failures = check(invoice.replace(old, new))
    assert old in invoice
    assert rule_id in (fatal_ids(failures) if flag == "fatal" else warning_ids(failures))
    assert all(
        failure.rules == "PEPPOL-EN16931-UBL.sch" for failure in failures if failure.rule_id == rule_id
    )


def test_swedish_seller_without_vat_number() -> None:
    """No rule demands the VAT number itself (SE-R-001/002 check one that is there).

    With "Godkänd för F-skatt" as the seller's tax registration (BT-32) an invoice without the VAT
    number passes both rule sets, so the exporter's own tests must check that it is written. Without
    either, EN 16931 fails it: standard-rated lines (BR-S-02) and charges (BR-S-04) need one of them.
    """
    without_vat = tamper(swedish_invoice(), VAT_SCHEME + INDENT, "")
    assert fatal_ids(check(without_vat)) == set()
    without_either = tamper(without_vat, F_SKATT_SCHEME + INDENT, "")
    assert fatal_ids(check(without_either)) == {"BR-S-02", "BR-S-04"}


def test_swedish_rules_apply_to_swedish_sellers_only() -> None:
    # The British seller of base-example.xml with a malformed Swedish-style organisation number.
    xml = tamper(
        example("base-example.xml"),
        "<cbc:CompanyID>GB983294</cbc:CompanyID>",
        "<cbc:CompanyID>55X</cbc:CompanyID>",
    )
    assert not any(failure.rule_id.startswith("SE-R") for failure in check(xml))


def test_rules_that_cannot_be_evaluated_are_an_error() -> None:
    """Two VAT numbers for the seller: Peppol's $supplierCountry then holds two country codes.

    Matching a rule context such as ``cac:Party[$supplierCountry = 'NO']`` then fails: XSLT makes that
    a warning and skips the rule, the official validators too. This harness raises instead.
    """
    vat_scheme = tax_scheme("GB1232434", "VAT")
    xml = tamper(example("base-example.xml"), vat_scheme, vat_scheme + INDENT + tax_scheme(SE_VAT, "VAT"))
    with pytest.raises(SchematronError, match=r"PEPPOL-EN16931-UBL\.sch(.|\n)*FORG0006"):
        check(xml)


# --- Input checks ---------------------------------------------------------------------------------------


def test_input_must_be_a_ubl_invoice_or_credit_note() -> None:
    with pytest.raises(ValueError, match="not well-formed"):
        validate_ubl(b"<Invoice>")
    with pytest.raises(ValueError, match="not a UBL"):
        validate_ubl(b"<Invoice/>")  # no namespace
    with pytest.raises(ValueError, match="document type declaration"):
        validate_ubl(b'<!DOCTYPE Invoice SYSTEM "http://example.com/x.dtd"><Invoice/>')
    with pytest.raises(TypeError):
        validate_ubl(example("base-example.xml"))  # type: ignore[arg-type]


def test_document_encoding_is_respected() -> None:
    xml = swedish_invoice().replace("Leverantören AB", "Åsa Økland-Ähtäri &amp; Łukasz")
    latin = tamper(example("base-example.xml"), 'encoding="UTF-8"', 'encoding="ISO-8859-1"')
    latin = tamper(latin, "Konteringsstreng", "Kostnadsställe")
    assert check(xml) == []
    assert validate_ubl(latin.encode("iso-8859-1")) == []
    # The value comes through intact: an assertion message quoting it shows it.
    rules = f"""<schema xmlns="{SCH}" queryBinding="xslt2">
      <ns prefix="cbc" uri="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"/>
      <ns prefix="cac" uri="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"/>
      <pattern><rule context="cac:InvoiceLine/cbc:AccountingCost">
        <assert id="X" test="false()">cost <value-of select="."/></assert></rule></pattern></schema>"""
    [failure] = run_schematron(rules.encode(), latin.encode("iso-8859-1"))
    assert failure.message == "cost Kostnadsställe"


# --- Schematron semantics the translator keeps ----------------------------------------------------------


def schema(body: str, head: str = "") -> bytes:
    return f"""<?xml version="1.0"?>
<schema xmlns="{SCH}" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="xslt2">
  <ns prefix="x" uri="urn:x"/>{head}{body}</schema>""".encode()


DOC = b'<x:doc xmlns:x="urn:x"><x:a n="1">one</x:a><x:a n="2">two</x:a><x:b code="Z"/></x:doc>'


def ids(failures: list[Failure]) -> list[str]:
    return [failure.rule_id for failure in failures]


def test_first_matching_rule_of_a_pattern_wins() -> None:
    rules = schema("""
      <pattern>
        <rule context="x:a[@n = '1']"><assert id="first" test="false()">f</assert></rule>
        <rule context="x:a"><assert id="second" test="false()">s</assert></rule>
      </pattern>
      <pattern>
        <rule context="x:a"><assert id="other-pattern" test="false()">o</assert></rule>
      </pattern>""")
    assert sorted(ids(run_schematron(rules, DOC))) == ["first", "other-pattern", "other-pattern", "second"]


def test_attributes_and_nested_nodes_are_visited() -> None:
    rules = schema("""
      <pattern>
        <rule context="/x:doc"><assert id="root" test="false()">r</assert></rule>
        <rule context="@code">
          <assert id="attribute" test=". = 'A'">code <value-of select="."/></assert>
        </rule>
        <rule context="text()"><report id="text" test=". = 'two'">text <name path=".."/></report></rule>
      </pattern>""")
    failures = run_schematron(rules, DOC)
    assert [(f.rule_id, f.location, f.message) for f in failures] == [
        ("root", "/x:doc", "r"),
        ("text", "/x:doc/x:a[2]/text()[1]", "text x:a"),
        ("attribute", "/x:doc/x:b/@code", "code Z"),
    ]


def test_variables_functions_and_flags() -> None:
    """Schema and pattern variables see the whole document, rule variables the rule's context node."""
    rules = schema(
        """
      <pattern>
        <let name="count" value="count(//x:a)"/>
        <rule context="x:a">
          <let name="n" value="xs:integer(@n)"/>
          <assert id="schema-let" test="$total = 3" flag="warning">t</assert>
          <assert id="pattern-let" test="$count = 3">c</assert>
          <assert id="rule-let" test="u:double($n) = 2">d</assert>
        </rule>
      </pattern>""",
        head="""
      <ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>
      <ns prefix="u" uri="urn:u"/>
      <let name="total" value="count(/x:doc/x:a)"/>
      <xsl:function name="u:double" as="xs:integer"><xsl:param name="i" as="xs:integer"/>
        <xsl:sequence select="$i * 2"/></xsl:function>""",
    )
    failures = run_schematron(rules, DOC)
    assert [(f.rule_id, f.flag, f.location) for f in failures] == [
        ("schema-let", "warning", "/x:doc/x:a[1]"),
        ("pattern-let", "fatal", "/x:doc/x:a[1]"),
        ("schema-let", "warning", "/x:doc/x:a[2]"),
        ("pattern-let", "fatal", "/x:doc/x:a[2]"),
        ("rule-let", "fatal", "/x:doc/x:a[2]"),  # u:double(2) = 4
    ]


def test_dynamic_error_in_an_assertion_raises() -> None:
    rules = schema(
        '<pattern><rule context="x:a"><assert id="n" test="xs:decimal(.) gt 0">n</assert></rule></pattern>'
    )
    rules = rules.replace(
        b'<ns prefix="x"', b'<ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/><ns prefix="x"'
    )
    with pytest.raises(SchematronError, match="failed on this document"):
        run_schematron(rules, DOC)


def test_dynamic_error_while_matching_a_rule_context_raises() -> None:
    """XSLT makes it a warning and skips the rule; the harness must not pass such a document."""
    rules = schema(
        '<let name="codes" value="//x:a/string()"/>'
        '<pattern><rule context="x:b[$codes]"><assert id="i" test="false()">t</assert></rule></pattern>'
    )
    with pytest.raises(SchematronError, match="FORG0006"):
        run_schematron(rules, DOC)
    assert ids(run_schematron(rules, DOC.replace(b'<x:a n="2">two</x:a>', b""))) == ["i"]


def in_rule(inner: str) -> str:
    return f'<pattern><rule context="x:a">{inner}</rule></pattern>'


@pytest.mark.parametrize(
    "construct",
    [
        in_rule('<assert id="i" test="1">t</assert>').replace(
            "<pattern>", '<pattern abstract="true" id="p">'
        ),
        '<include href="other.sch"/>',
        "<diagnostics/>",
        in_rule('<extends rule="r"/>'),
        in_rule('<assert id="i" test="true()" diagnostics="d">t</assert>'),
        in_rule('<assert test="true()">no id</assert>'),
        in_rule('<assert id="i" test="true()" flag="error">unknown flag</assert>'),
        in_rule('<let name="v"><v/></let>'),
        in_rule('<assert id="i" test="true()">t <emph>e</emph> <x:b/></assert>'),
    ],
)
def test_unsupported_constructs_are_refused(construct: str) -> None:
    valid = in_rule('<assert id="ok" test="true()">t</assert>')
    compile_schematron(schema(valid))
    with pytest.raises(SchematronError):
        compile_schematron(schema(valid + construct))


def test_default_phase_and_other_query_bindings_are_refused() -> None:
    valid = schema('<pattern><rule context="x:a"><assert id="ok" test="true()">t</assert></rule></pattern>')
    with pytest.raises(SchematronError, match="defaultPhase"):
        compile_schematron(valid.replace(b'queryBinding="xslt2"', b'queryBinding="xslt2" defaultPhase="p"'))
    with pytest.raises(SchematronError, match="queryBinding"):
        compile_schematron(valid.replace(b'queryBinding="xslt2"', b'queryBinding="xslt"'))
