"""Validate UBL e-invoices with the official Peppol BIS Billing 3.0 Schematron rules.

``validate_ubl(xml)`` runs both rule files of ``shared/peppol`` (found beside the project root, or
in ``$COAPP_PEPPOL_DIR``; without them the test is skipped, or fails with ``COAPP_REQUIRE_PEPPOL=1``):
``CEN-EN16931-UBL.sch`` (EN 16931: BR-*, BR-CO-*, BR-CL-*, UBL-CR-*) and ``PEPPOL-EN16931-UBL.sch``
(Peppol and national rules: PEPPOL-EN16931-*, SE-R-*, NO-R-*, DK-R-*, ...) and returns every failed
assertion as a ``Failure``. In a test::

    from tests.peppol.validate import assert_valid_ubl, validate_ubl

    warnings = assert_valid_ubl(xml)  # AssertionError listing every fatal failure
    assert "BR-CO-10" in {f.rule_id for f in validate_ubl(tampered) if f.fatal}

Import it as ``tests.peppol.validate`` everywhere, so that one module (one Saxon processor, one
compilation of the rules) serves the whole test session. The first call in a process costs about
0.4 s (Saxon compiles both rule files), every later one about 6 ms.

How: each ``.sch`` file is translated here into an XSLT 3.0 stylesheet that Saxon-HE (``saxonche``)
compiles and runs. The translation follows ISO Schematron (ISO/IEC 19757-3) the way the reference
implementations (the ISO skeleton, SchXslt) do:

- every pattern is one pass over all nodes of the document (elements and attributes, in document
  order), in its own XSLT mode;
- in one pattern a node is handled by the first rule, in schema order, whose context matches it
  (template priorities fall with the rule's position); the other rules of that pattern skip it;
- schema and pattern variables (``let``) are global XSLT variables, evaluated with the document as
  context; rule variables are evaluated with the rule's context node;
- XSLT functions declared in the schema (``u:gln``, ``u:mod11``, ``u:checkSEOrgnr``, ...) are copied
  into the stylesheet unchanged;
- all patterns run (phase #ALL: neither file names a default phase, and the official validation
  artefacts run every pattern too).

The translator is strict: a Schematron construct it does not implement (abstract patterns, includes,
diagnostics, a default phase, ...) raises ``SchematronError`` instead of being skipped, so a new
release of the rules can never silently switch rules off.

The generated stylesheet is cached in the system temp folder, keyed by the hashes of the rule file
and of this module; the compiled stylesheet is kept per process. A dynamic error while evaluating the
rules (the rules cannot be evaluated on this document) raises ``SchematronError``, as it aborts the
official validators too.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import sys
import tempfile
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape, quoteattr

__all__ = [
    "RULE_FILES",
    "SCH",
    "Failure",
    "SchematronError",
    "assert_valid_ubl",
    "compile_schematron",
    "official_files_folder",
    "peppol_dir",
    "run_schematron",
    "validate_ubl",
]

RULE_FILES = ("CEN-EN16931-UBL.sch", "PEPPOL-EN16931-UBL.sch")

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
XS = "http://www.w3.org/2001/XMLSchema"
UBL_ROOTS = (
    "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice",
    "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote",
)
# The namespace of this module's own helper function in the generated stylesheet (used as EQName).
_OWN = "urn:coapp:tests:schematron"
_CACHE_DIR_NAME = "coapp-peppol-schematron"


class SchematronError(RuntimeError):
    """The rules could not be translated, compiled or evaluated."""


@dataclass(frozen=True)
class Failure:
    """One failed assertion: ``rule_id`` such as "BR-CO-10", ``flag`` "fatal" or "warning".

    An assertion without a flag counts as fatal (all assertions of the two rule files have one).
    """

    rule_id: str
    flag: Literal["fatal", "warning"]
    message: str
    location: str  # XPath of the node the rule was checked on, e.g. /Invoice/cac:InvoiceLine[2]
    rules: str  # which rule file: "CEN-EN16931-UBL.sch" or "PEPPOL-EN16931-UBL.sch"

    @property
    def fatal(self) -> bool:
        return self.flag == "fatal"

    def __str__(self) -> str:
        return f"{self.rule_id} ({self.flag}) at {self.location}: {self.message}"


def project_root() -> Path:
    return Path(__file__).resolve().parents[2]


ENV_PEPPOL_DIR = "COAPP_PEPPOL_DIR"
ENV_REQUIRE_PEPPOL = "COAPP_REQUIRE_PEPPOL"
# The official files the tests read: both rule files and the examples they are checked against.
OFFICIAL_FILES = (*RULE_FILES, "base-example.xml", "base-creditnote-correction.xml", "Vat-category-S.xml")


def official_files_folder() -> Path:
    """``$COAPP_PEPPOL_DIR`` when set, else ``shared/peppol`` beside the project root."""
    chosen = os.environ.get(ENV_PEPPOL_DIR)
    return Path(chosen).expanduser() if chosen else project_root().parent / "shared" / "peppol"


def missing_official_files(folder: Path) -> list[str]:
    return [name for name in OFFICIAL_FILES if not (folder / name).is_file()]


def peppol_dir() -> Path:
    """The folder of the official Peppol files (``../shared/peppol`` seen from the repository, or
    ``$COAPP_PEPPOL_DIR``).

    Where they are missing (a clone of the repository alone) the calling test is skipped with a
    reason naming the files and where they were looked for; with ``COAPP_REQUIRE_PEPPOL=1`` (CI,
    which has them) it fails instead, so the official rules can never be skipped silently there.
    """
    import pytest  # only tests call this; the module itself stays importable without pytest

    folder = official_files_folder()
    missing = missing_official_files(folder)
    if missing:
        reason = (
            f"the official Peppol files {', '.join(missing)} are not in {folder} "
            f"(set {ENV_PEPPOL_DIR} to a folder that holds them)"
        )
        if os.environ.get(ENV_REQUIRE_PEPPOL, "") not in ("", "0"):
            pytest.fail(f"{reason}; {ENV_REQUIRE_PEPPOL} is set, so they are required", pytrace=False)
        pytest.skip(reason)
    return folder


# --- Schematron to XSLT --------------------------------------------------------------------------------


def _q(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}"


def _attr(value: str) -> str:
    """A quoted attribute value that an XML parser reads back exactly (no whitespace normalised)."""
    return quoteattr(value, {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _text(value: str) -> str:
    return escape(value, {"\r": "&#13;"})


# xml:lang and xml:space may stand on any Schematron element.
_XML_ATTRIBUTES = {
    _q("http://www.w3.org/XML/1998/namespace", "lang"),
    _q("http://www.w3.org/XML/1998/namespace", "space"),
}


def _reject_unknown_attributes(element: ET.Element, allowed: set[str], what: str) -> None:
    unknown = set(element.attrib) - allowed - _XML_ATTRIBUTES
    if unknown:
        raise SchematronError(f"{what}: unsupported attribute(s) {sorted(unknown)}")


def _namespace_declarations(sch: bytes) -> dict[str, str]:
    """Every prefix declared in the schema: ``ns`` elements and in-scope XML declarations alike.

    XPath in rules may only use ``ns`` prefixes, but copied XSLT functions use the XML namespace
    declarations in scope; one prefix bound to two URIs is refused.
    """
    declared: dict[str, str] = {}

    def add(prefix: str, uri: str) -> None:
        if prefix in ("", "xml"):
            return
        if declared.setdefault(prefix, uri) != uri:
            raise SchematronError(f"prefix {prefix!r} is bound to both {declared[prefix]} and {uri}")

    for event, item in ET.iterparse(io.BytesIO(sch), events=("start-ns", "start")):
        if event == "start-ns":
            add(*item)
        elif item.tag == _q(SCH, "ns"):
            add(item.attrib["prefix"], item.attrib["uri"])
    for reserved, uri in (("xsl", XSL), ("xs", XS)):
        if declared.get(reserved, uri) != uri:
            raise SchematronError(f"prefix {reserved!r} must be bound to {uri}")
    return declared


def _copy_xslt(element: ET.Element) -> str:
    """Serialise an XSLT element (a function declared in the schema) with the ``xsl`` prefix."""
    if not element.tag.startswith(f"{{{XSL}}}"):
        raise SchematronError(f"unsupported element {element.tag} inside an XSLT function")
    name = "xsl:" + element.tag.split("}", 1)[1]
    for attribute in element.attrib:
        if attribute.startswith("{"):
            raise SchematronError(f"unsupported namespaced attribute {attribute} in {name}")
    attributes = "".join(f" {key}={_attr(value)}" for key, value in element.attrib.items())
    inner = _text(element.text or "") + "".join(
        _copy_xslt(child) + _text(child.tail or "") for child in element
    )
    return f"<{name}{attributes}>{inner}</{name}>"


def _message(assertion: ET.Element) -> str:
    """The assertion's text as XSLT instructions (``value-of`` and ``name`` evaluated)."""
    parts = []
    if assertion.text:
        parts.append(f"<xsl:text>{_text(assertion.text)}</xsl:text>")
    for child in assertion:
        if child.tag == _q(SCH, "value-of"):
            _reject_unknown_attributes(child, {"select"}, "value-of")
            parts.append(f"<xsl:value-of select={_attr(child.attrib['select'])}/>")
        elif child.tag == _q(SCH, "name"):
            _reject_unknown_attributes(child, {"path"}, "name")
            path = child.get("path", ".")
            parts.append(f"<xsl:value-of select={_attr(f'name({path})')}/>")
        elif child.tag in (_q(SCH, "emph"), _q(SCH, "dir"), _q(SCH, "span")):
            parts.append(f"<xsl:text>{_text(''.join(child.itertext()))}</xsl:text>")
        else:
            raise SchematronError(f"unsupported element {child.tag} in an assertion message")
        if child.tail:
            parts.append(f"<xsl:text>{_text(child.tail)}</xsl:text>")
    return "".join(parts)


def _variable(let: ET.Element) -> str:
    _reject_unknown_attributes(let, {"name", "value", "as"}, "let")
    if "value" not in let.attrib or len(let):
        raise SchematronError(f"let {let.get('name')!r}: only the value attribute is supported")
    typed = f" as={_attr(let.attrib['as'])}" if "as" in let.attrib else ""
    return f"<xsl:variable name={_attr(let.attrib['name'])}{typed} select={_attr(let.attrib['value'])}/>"


def _check(assertion: ET.Element, kind: str, number: int) -> str:
    _reject_unknown_attributes(assertion, {"id", "flag", "test", "role", "see", "icon", "fpi"}, kind)
    rule_id = assertion.get("id")
    flag = assertion.get("flag", "fatal")
    if not rule_id:
        raise SchematronError(f"{kind} without an id: {assertion.get('test')}")
    if flag not in ("fatal", "warning"):
        raise SchematronError(f"{rule_id}: unsupported flag {flag!r}")
    test = assertion.attrib["test"]
    condition = f"not(({test}))" if kind == "assert" else f"({test})"
    return (
        f"<xsl:if test={_attr(condition)}>"
        f"<failure n={_attr(str(number))}>"
        f'<xsl:attribute name="location" select="Q{{{_OWN}}}location(.)"/>'
        f"{_message(assertion)}</failure></xsl:if>"
    )


# Where a rule was checked, as a readable XPath with the document's own prefixes, e.g.
# /Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount/@currencyID (an index only where a name repeats).
_LOCATION_FUNCTION = f"""
<xsl:function name="Q{{{_OWN}}}location" as="Q{{{XS}}}string">
  <xsl:param name="node" as="node()"/>
  <xsl:sequence select="if ($node instance of document-node()) then '/' else string-join(
    for $n in $node/ancestor-or-self::node()[not(. instance of document-node())] return
      if ($n instance of attribute()) then '/@' || name($n)
      else if ($n instance of element()) then '/' || name($n) || (
        let $before := count($n/preceding-sibling::*[node-name(.) eq node-name($n)]),
            $after := count($n/following-sibling::*[node-name(.) eq node-name($n)])
        return if ($before + $after gt 0) then '[' || $before + 1 || ']' else '')
      else '/' || tokenize(path($n), '/')[last()], '')"/>
</xsl:function>
"""


@dataclass(frozen=True)
class _Assertion:
    rule_id: str
    flag: Literal["fatal", "warning"]


@dataclass(frozen=True)
class CompiledRules:
    name: str
    xslt: str
    assertions: tuple[_Assertion, ...]


def compile_schematron(sch: bytes, name: str = "schema") -> CompiledRules:
    """Translate an ISO Schematron schema (query binding xslt2/xslt3) into an XSLT 3.0 stylesheet.

    The stylesheet outputs ``<failures>`` with one ``<failure n="..." location="...">message</failure>``
    per failed assertion or successful report; ``n`` indexes ``assertions``.
    """
    try:
        root = ET.fromstring(sch)
    except ET.ParseError as error:
        raise SchematronError(f"{name}: not well-formed XML: {error}") from error
    if root.tag != _q(SCH, "schema"):
        raise SchematronError(f"{name}: not an ISO Schematron schema (root {root.tag})")
    _reject_unknown_attributes(root, {"queryBinding", "schemaVersion", "id"}, name)
    if root.get("queryBinding") not in ("xslt2", "xslt3"):
        raise SchematronError(f"{name}: unsupported queryBinding {root.get('queryBinding')!r}")
    namespaces = _namespace_declarations(sch)

    top: list[str] = []  # functions and global variables
    modes: list[str] = []
    templates: list[str] = []
    assertions: list[_Assertion] = []
    patterns = 0
    for child in root:
        tag = child.tag
        if tag in (_q(SCH, "title"), _q(SCH, "p"), _q(SCH, "phase")):
            continue  # documentation, and phases (all patterns run)
        if tag == _q(SCH, "ns"):
            continue  # declared on the stylesheet
        if tag == _q(SCH, "let"):
            top.append(_variable(child))
        elif tag == _q(XSL, "function"):
            top.append(_copy_xslt(child))
        elif tag == _q(SCH, "pattern"):
            _reject_unknown_attributes(child, {"id", "role"}, "pattern")
            mode = f"Q{{{_OWN}}}pattern{patterns}"
            patterns += 1
            modes.append(f'<xsl:mode name="{mode}" on-no-match="shallow-skip"/>')
            # Nodes no rule of the pattern matches: visit their attributes and children.
            templates.append(
                f'<xsl:template match="document-node() | element()" mode="{mode}" priority="-1">'
                '<xsl:apply-templates select="@* | node()" mode="#current"/></xsl:template>'
            )
            rules = [node for node in child if node.tag == _q(SCH, "rule")]
            for node in child:
                if node.tag == _q(SCH, "let"):
                    top.append(_variable(node))
                elif node.tag not in (_q(SCH, "rule"), _q(SCH, "title"), _q(SCH, "p")):
                    raise SchematronError(f"{name}: unsupported element {node.tag} in a pattern")
            for position, rule in enumerate(rules):
                _reject_unknown_attributes(rule, {"context", "id", "flag", "role"}, "rule")
                body = []
                for item in rule:
                    if item.tag == _q(SCH, "let"):
                        body.append(_variable(item))
                    elif item.tag in (_q(SCH, "assert"), _q(SCH, "report")):
                        kind = item.tag.split("}", 1)[1]
                        body.append(_check(item, kind, len(assertions)))
                        assertions.append(_Assertion(item.attrib["id"], item.get("flag", "fatal")))  # type: ignore[arg-type]
                    else:
                        raise SchematronError(f"{name}: unsupported element {item.tag} in a rule")
                # The first matching rule wins: rules earlier in the pattern get higher priorities.
                templates.append(
                    f'<xsl:template match={_attr(rule.attrib["context"])} mode="{mode}" '
                    f'priority="{len(rules) - position}">'
                    + "".join(body)
                    + '<xsl:apply-templates select="@* | node()" mode="#current"/></xsl:template>'
                )
        else:
            raise SchematronError(f"{name}: unsupported element {tag} in the schema")
    if not assertions:
        raise SchematronError(f"{name}: no assertions")

    declarations = "".join(
        f" xmlns:{prefix}={_attr(uri)}" for prefix, uri in sorted(namespaces.items()) if prefix != "xsl"
    )
    runs = "".join(
        f'<xsl:apply-templates select="." mode="Q{{{_OWN}}}pattern{index}"/>' for index in range(patterns)
    )
    xslt = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<xsl:stylesheet version="3.0" exclude-result-prefixes="#all" xmlns:xsl="{XSL}"{declarations}>\n'
        f"<!-- Generated by tests/peppol/validate.py from {escape(name)} -->\n"
        '<xsl:output method="xml" encoding="UTF-8" indent="no"/>\n'
        + _LOCATION_FUNCTION
        + "\n".join(top)
        + "\n"
        + "\n".join(modes)
        + f'\n<xsl:template match="/"><failures>{runs}</failures></xsl:template>\n'
        + "\n".join(templates)
        + "\n</xsl:stylesheet>\n"
    )
    return CompiledRules(name=name, xslt=xslt, assertions=tuple(assertions))


# --- Running the rules ---------------------------------------------------------------------------------

_lock = threading.RLock()


@cache
def _saxon() -> Any:
    from saxonche import PySaxonProcessor

    # One processor per process, never released: SaxonC is not meant to have several or re-created ones.
    return PySaxonProcessor(license=False)


def _cache_dir() -> Path:
    user = getattr(os, "getuid", lambda: "user")()
    return Path(tempfile.gettempdir()) / f"{_CACHE_DIR_NAME}-{user}"


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class _Loaded:
    rules: CompiledRules
    executable: Any


@contextmanager
def _saxon_diagnostics(what: str) -> Iterator[None]:
    """Turn what Saxon prints on the standard error stream (file descriptor 2) into ``SchematronError``.

    Saxon reports some problems only there: above all a dynamic error while matching a rule context
    (say ``[$supplierCountry = 'NO']`` when that variable holds two country codes) is a *warning* by
    the XSLT specification, and the rule is then silently skipped, by the official validators too.
    A test harness must not pass a document on which rules could not be evaluated.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            text = captured.read().decode("utf-8", "replace")
        if text:
            sys.stderr.write(text)  # nothing printed in the meantime is lost
        if _SAXON_DIAGNOSTIC.search(text):
            raise SchematronError(f"{what}: Saxon reported:\n{text.strip()}")


# "Warning at char 3 in xsl:template/@match ...", "Error at ...", error codes such as FORG0006.
_SAXON_DIAGNOSTIC = re.compile(r"(?m)^(Warning|Error|Fatal error)\b|\b[A-Z]{4}[0-9]{4}\b")


def _compile(rules: CompiledRules, path: Path | None = None) -> _Loaded:
    """Saxon compiles the stylesheet (from ``path`` if given, so its errors name a file to look at)."""
    processor = _saxon().new_xslt30_processor()
    source = {"stylesheet_file": str(path)} if path else {"stylesheet_text": rules.xslt}
    where = f"{rules.name} ({path or 'generated stylesheet'})"
    with _saxon_diagnostics(f"compiling {where}"):
        try:
            executable = processor.compile_stylesheet(**source)
        except Exception as error:
            raise SchematronError(f"{where}: Saxon cannot compile the rules: {error}") from error
    if executable is None:
        raise SchematronError(f"{where}: Saxon cannot compile the rules")
    return _Loaded(rules, executable)


@cache
def _load(sch_path: Path) -> _Loaded:
    """The rules of a Schematron file, translated (cached on disk) and compiled (cached per process)."""
    sch = sch_path.read_bytes()
    rules = compile_schematron(sch, sch_path.name)
    # Keyed by the rule file and this translator, so a change to either gives a new stylesheet.
    key = hashlib.sha256(sch + b"\0" + Path(__file__).read_bytes()).hexdigest()[:32]
    path = _cache_dir() / f"{sch_path.stem}-{key}.xsl"
    if not path.is_file() or path.read_text(encoding="utf-8") != rules.xslt:
        _write_atomically(path, rules.xslt)
        for stale in path.parent.glob(f"{sch_path.stem}-*.xsl"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return _compile(rules, path)


def _parse(xml: bytes) -> tuple[str, Any]:
    """The root element's name and the document as Saxon's node, from the exact bytes."""
    if not isinstance(xml, bytes):
        raise TypeError(f"expected the document as bytes, got {type(xml).__name__}")
    if b"<!DOCTYPE" in xml:
        raise ValueError("a document type declaration is not allowed (UBL has none; no DTD is fetched)")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as error:
        raise ValueError(f"not well-formed XML: {error}") from error
    # Saxon reads the bytes from a file, so the document's own encoding declaration holds.
    with tempfile.NamedTemporaryFile(suffix=".xml", delete=False) as stream:
        stream.write(xml)
    try:
        return root.tag, _saxon().parse_xml(xml_file_name=stream.name)
    finally:
        os.unlink(stream.name)


def _run(loaded: _Loaded, document: Any) -> list[Failure]:
    with _saxon_diagnostics(f"{loaded.rules.name} on this document"):
        try:
            output = loaded.executable.transform_to_string(xdm_node=document)
        except Exception as error:
            message = f"{loaded.rules.name}: the rules failed on this document: {error}"
            raise SchematronError(message) from error
    report = ET.fromstring((output or "").encode("utf-8")) if output else None
    if report is None or report.tag != "failures":
        raise SchematronError(f"{loaded.rules.name}: unexpected result from the rules: {output!r:.200}")
    failures = []
    for element in report:
        assertion = loaded.rules.assertions[int(element.attrib["n"])]
        failures.append(
            Failure(
                rule_id=assertion.rule_id,
                flag=assertion.flag,
                message=re.sub(r"\s+", " ", element.text or "").strip(),
                location=element.attrib["location"],
                rules=loaded.rules.name,
            )
        )
    return failures


def run_schematron(schema: bytes, xml: bytes, name: str = "schema") -> list[Failure]:
    """Validate any document with any (supported) Schematron schema; nothing is cached."""
    with _lock:
        loaded = _compile(compile_schematron(schema, name))
        return _run(loaded, _parse(xml)[1])


def validate_ubl(xml: bytes, rule_files: Iterable[str] = RULE_FILES) -> list[Failure]:
    """Every failed assertion of the CEN and the Peppol rules on this UBL document, warnings included.

    Raises ``ValueError`` if ``xml`` is not a well-formed UBL Invoice or CreditNote and
    ``SchematronError`` if the rules cannot be run on it.
    """
    folder = peppol_dir()
    with _lock:
        root, document = _parse(xml)
        if root not in UBL_ROOTS:
            raise ValueError(f"not a UBL 2.1 Invoice or CreditNote: root element {root}")
        failures: list[Failure] = []
        for name in rule_files:
            failures.extend(_run(_load(folder / name), document))
    return failures


def assert_valid_ubl(xml: bytes) -> list[Failure]:
    """Raise ``AssertionError`` listing the fatal failures, if any; return the warnings."""
    failures = validate_ubl(xml)
    fatal = [failure for failure in failures if failure.fatal]
    if fatal:
        listing = "\n".join(f"  {failure}" for failure in fatal)
        raise AssertionError(f"{len(fatal)} fatal Peppol BIS 3.0 / EN 16931 rule failure(s):\n{listing}")
    return failures
