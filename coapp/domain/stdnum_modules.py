"""The python-stdnum modules coapp's checks use, each imported the first time one of its names is
read (coapp.domain.lazy_module says why): one place that names them, for coapp.domain.identifiers,
identifier_checks and payment_refs. Type checkers see the modules themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coapp.domain.lazy_module import LazyModule

if TYPE_CHECKING:
    from stdnum import bic, iban, iso11649, luhn, util, vatin
    from stdnum import exceptions as errors
    from stdnum.dk import cvr as dk_cvr
    from stdnum.fi import alv as fi_alv
    from stdnum.fi import ytunnus as fi_ytunnus
    from stdnum.iso7064 import mod_97_10
    from stdnum.no import kontonr as no_kontonr
    from stdnum.no import mva as no_mva
    from stdnum.no import orgnr as no_orgnr
    from stdnum.se import orgnr as se_orgnr
    from stdnum.se import personnummer as se_personnummer
    from stdnum.se import vat as se_vat
else:
    bic = LazyModule("stdnum.bic")
    errors = LazyModule("stdnum.exceptions")
    iban = LazyModule("stdnum.iban")
    luhn = LazyModule("stdnum.luhn")
    util = LazyModule("stdnum.util")
    vatin = LazyModule("stdnum.vatin")
    iso11649 = LazyModule("stdnum.iso11649")
    mod_97_10 = LazyModule("stdnum.iso7064.mod_97_10")
    dk_cvr = LazyModule("stdnum.dk.cvr")
    fi_alv = LazyModule("stdnum.fi.alv")
    fi_ytunnus = LazyModule("stdnum.fi.ytunnus")
    no_kontonr = LazyModule("stdnum.no.kontonr")
    no_mva = LazyModule("stdnum.no.mva")
    no_orgnr = LazyModule("stdnum.no.orgnr")
    se_orgnr = LazyModule("stdnum.se.orgnr")
    se_personnummer = LazyModule("stdnum.se.personnummer")
    se_vat = LazyModule("stdnum.se.vat")
