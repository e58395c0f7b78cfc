"""Currencies in the peer suites: which ISO codes we support, the peers' unit names, the
ambiguous names and sub-units, and which currency codes an expected result accepts."""

from __future__ import annotations

from dataclasses import dataclass

from currency_converter import CurrencyConverter

from factcheck.model import Lang

_ECB_FALLBACK = (
    "AUD BGN BRL CAD CHF CNY CYP CZK DKK EEK EUR GBP HKD HRK HUF IDR ILS INR ISK JPY KRW LTL "
    "LVL MTL MXN MYR NOK NZD PHP PLN ROL RON RUB SEK SGD SIT SKK THB TRL TRY USD ZAR"
)


def supported_currencies() -> frozenset[str]:
    """ISO codes with an ECB reference rate (the product's FX source)."""
    try:
        return frozenset(str(c) for c in CurrencyConverter().currencies)
    except Exception:  # its data is missing: use the list it shipped with
        return _codes(_ECB_FALLBACK)


def _codes(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Recognizers-Text unit names (English and French files) -> ISO 4217 (README section 1).
RECOGNIZERS_ISO: dict[str, str] = {
    "United States dollar": "USD",
    "Euro": "EUR",
    "Chinese yuan": "CNY",
    "Canadian dollar": "CAD",
    "Japanese yen": "JPY",
    "Australian dollar": "AUD",
    "British pound": "GBP",
    "Turkish lira": "TRY",
    "Mexican peso": "MXN",
    "Hong Kong dollar": "HKD",
    "Swiss franc": "CHF",
    "Costa Rican colón": "CRC",
    "Georgian lari": "GEL",
    "Lao kip": "LAK",
    "Sri Lankan rupee": "LKR",
    "New Zealand dollar": "NZD",
    "Finnish markka": "FIM",
    "Peseta": "ESP",
    "Netherlands guilder": "NLG",
    "Bitcoin": "BTC",
    "Dollar États-Unis": "USD",
    "Yen Japonais": "JPY",
    "Dollar Canadien": "CAD",
    "Dollar de Hong Kong": "HKD",
    "Dollar Australien": "AUD",
    "Dollar néo-zélandais": "NZD",
    "Yuan Chinois": "CNY",
    "Franc Suisse": "CHF",
    "Roupie indienne": "INR",
    "Mark Finlandais": "FIM",
    "Florins Néerlandais": "NLG",
}


DOLLARS = _codes("USD CAD AUD NZD HKD SGD TWD JMD BSD BBD BZD BMD BND FJD GYD KYD LRD NAD SBD SRD")
DOLLARS |= _codes("TTD XCD")
POUNDS = _codes("GBP EGP LBP SYP SDG SSP FKP GIP SHP")
FRANCS = _codes("CHF FRF BEF LUF XOF XAF XPF CDF RWF BIF DJF GNF KMF")
RUPEES = _codes("INR LKR PKR NPR MUR SCR")


# Ambiguous names: (strict reading, family of acceptable codes).
AMBIGUOUS: dict[str, tuple[str, frozenset[str]]] = {
    "Dollar": ("USD", DOLLARS),
    "Pound": ("GBP", POUNDS),
    "Livre": ("GBP", POUNDS),
    "Franc": ("CHF", FRANCS),
    "Rupee": ("INR", RUPEES),
    "Roupie": ("INR", RUPEES),
}


# Sub-units: (probe language, strict main currency, family) -- value is 1/100 of the unit.
SUBUNITS: dict[str, tuple[str, frozenset[str]]] = {
    "Cent": ("USD", DOLLARS | {"EUR"}),
    "Centimes": ("EUR", FRANCS | {"EUR"}),
    "Pence": ("GBP", frozenset({"GBP"})),
    "Penny": ("GBP", frozenset({"GBP"})),
}


# Probes: does the extractor read "50 <word>" as 0.50 of a currency? (per sub-unit and language)
SUBUNIT_WORDS: dict[str, str] = {
    "Cent": "cents",
    "Centimes": "centimes",
    "Pence": "pence",
    "Penny": "pennies",
    "Dime": "dimes",
}


SUBUNIT_PROBES: dict[Lang, str] = {
    "en": "The shares closed 50 {word} higher.",
    "fr": "Le ticket coûte 50 {word} de plus.",
}


@dataclass(frozen=True)
class CurrencySpec:
    """Which currency codes an expected result accepts."""

    strict: str
    family: frozenset[str]
    accept_unknown: bool = False

    def ok(self, got: str | None, *, strict: bool) -> bool:
        if strict:
            return got == self.strict
        if got is None:
            return self.accept_unknown
        return got == self.strict or got in self.family
