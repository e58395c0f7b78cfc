"""What a family sign means in this document: the evidence that decides a currency.

A sign or name that several currencies share ("$", "francs", "Sh", "¥", "Rs", "dinars") is
read as a family of candidates; a sign of one or two letters ("Rs", "N", "DA") is money
only with evidence. Candidates no territory used on the publication date (today when there
is none) are dropped first; then the evidence, strongest first, each level deciding when
exactly one candidate has it and narrowing the candidates to those that do when several do:

1. a conversion pair with an amount written in a certain currency, or in a family not yet
   decided, over the same time: the amount is in another currency than the one it
   restates, and the pair's implied rate is within 25% (a factor 2 when the document has
   no date) of the reference rate of exactly one candidate against the other amount's
   currency, or against one of its candidates ("¥7 billion ($78m)" is yen at 90 yen to
   the dollar whichever dollar, though the text names China);
2. the same amount written elsewhere in the document in a certain currency ("$16.3m" in a
   headline, "S$16.3 million" in the text);
   For an amount in a minor unit ("12 cents"), read after the others: the currency decided
   for the nearest amount before it written with a family sign in a major unit ("$12
   million"), else the nearest after it;
3. a candidate written for certain elsewhere: an amount in it, its code or a name only it
   has ("yuan", "Kenyan shillings");
4. a territory that uses a candidate, or the word its names qualify it with ("Sénégal",
   "Kenyan", "kényans");
5. the page's country (its domain), for a "$" only when written after the number;
6. the family's default, when it has one: the pack's `bare_dollar` for the dollars, else
   `family_defaults` (GBP, JPY, KRW): recorded as ``currency_source: default``;
7. the example cities of the candidates' time zones ("Kampala").

The dollars ("$", "dollars", "M$") are the exception to 3, 4 and 7: only an amount written
for certain in another dollar counts, not a named country or city, since wire copy about
Australia or Canada reports in US dollars.

What is decided by 1-5 or 7 is recorded as ``currency_source: evidence``. What is not
decided stays a money figure with no currency and its candidates listed (never a silent
guess); a letter sign without evidence is no figure.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlparse

from factcheck.extract.cores import Amount
from factcheck.extract.currency_places import (
    cities,
    countries,
    first_words,
    in_use,
    mentions,
    territory_currencies,
)
from factcheck.lang.currency_words import Reading
from factcheck.lang.loader import common
from factcheck.model import Lang

DATED_TOLERANCE = math.log(1.25)
UNDATED_TOLERANCE = math.log(2.0)


@dataclass
class DocumentEvidence:
    """What a document says about its currencies, beside its amounts; the words found in its
    text are looked for once per level and family."""

    text: str
    lang: Lang
    published: date | None
    source: str | None
    dollar: str  # the dollar a "$" means when nothing says otherwise
    skip: tuple[tuple[int, int], ...] = ()  # the undecided signs, no evidence for themselves
    found: dict[tuple[str, Reading], frozenset[str]] = field(default_factory=dict)
    _lower: str | None = None

    @property
    def on(self) -> date:
        return self.published or date.today()

    def words(self, level: str, candidates: Reading) -> frozenset[str]:
        """The candidates whose words of ``level`` the text holds (the first words of the
        names and places of a family are looked for in one search)."""
        key = (level, candidates)
        if key not in self.found:
            finders = {"mentions": mentions(self.lang, candidates),
                       "countries": countries(self.lang, candidates, self.on)}
            if level == "cities":
                finders = {"cities": cities(self.lang, candidates, self.on)}
            firsts = first_words(self.lower, finders.values())
            for name, finder in finders.items():
                self.found[(name, candidates)] = finder.codes_in(self.text, firsts, self.skip)
        return self.found[key]

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower


def family_default(candidates: Reading, dollar: str) -> str | None:
    """The reading of a family when the document gives no evidence."""
    currencies = common().currencies
    if currencies.bare_dollar in candidates or dollar in candidates:
        return dollar
    return next((code for code in currencies.family_defaults if code in candidates), None)


def domain_codes(source: str | None, on: date) -> frozenset[str]:
    """The currencies of the country of the page's domain ("…co.ke": KES)."""
    if not source:
        return frozenset()
    host = urlparse(source if "//" in source else f"//{source}").hostname or ""
    label = host.rsplit(".", 1)[-1].lower()
    territory = common().currencies.country_domains.get(label, label).upper()
    return territory_currencies(territory, on) if len(territory) == 2 else frozenset()


def resolve_currencies(
    amounts: list[Amount], pairs: dict[int, int], doc: DocumentEvidence
) -> list[Amount]:
    """Decide the currency of every amount read with a family; drop letter signs that have
    no evidence. The amounts are changed in place; the kept ones are returned in order."""
    partner = {i: j for i, j in pairs.items()} | {j: i for i, j in pairs.items()}
    doc.skip = tuple((a.start, a.end) for a in amounts if a.candidates is not None)
    dropped = set()
    majors_first = sorted(range(len(amounts)), key=lambda i: amounts[i].minor)
    for index in majors_first:
        amount = amounts[index]
        if amount.candidates is None:
            continue
        other = amounts[partner[index]] if index in partner else None
        if not _resolve(amount, other, amounts, doc):
            dropped.add(index)
    return [a for i, a in enumerate(amounts) if i not in dropped]


def _resolve(amount: Amount, other: Amount | None, amounts: Sequence[Amount],
             doc: DocumentEvidence) -> bool:
    """Decide ``amount``'s currency; False when it is no figure (a letter sign without
    evidence)."""
    assert amount.candidates is not None
    left = in_use(amount.candidates, doc.on)
    if other is not None and (other.currency_source is not None or other.per != amount.per):
        other = None  # only a currency written for certain (or a family not yet decided),
        # restated over the same time
    if other is not None and other.currency and left - {other.currency}:
        left -= {other.currency}  # a conversion is into another currency
    needs = amount.needs_evidence
    if not left:
        return False
    if len(left) == 1 and not needs:
        _decide(amount, next(iter(left)), None)
        return True
    dollar = family_default(left, doc.dollar) == doc.dollar
    text = _nothing if dollar else doc.words  # named places do not move the dollar
    levels: list[Callable[[frozenset[str]], frozenset[str]]] = [
        lambda c: _pair_fit(amount, other, c, doc),
        lambda c: _same_amount(amount, amounts, c),
        lambda c: _major_nearby(amount, amounts, c),
        lambda c: text("mentions", c) | _written(amounts, c),
        lambda c: text("countries", c),
        lambda c: _domain(amount, c, doc),
    ]
    evidence = False
    for level in levels:
        hits = level(left) & left
        if hits:
            evidence, left = True, hits
        if len(left) == 1 and evidence:
            _decide(amount, next(iter(left)), "evidence")
            return True
    if needs and not evidence:
        return False
    default = family_default(left, doc.dollar)
    if default is not None and default in left:
        _decide(amount, default, "default")
        return True
    hits = text("cities", left) & left
    if len(hits) == 1:
        _decide(amount, next(iter(hits)), "evidence")
        return True
    amount.candidates = left
    return True


def _nothing(level: str, candidates: Reading) -> frozenset[str]:
    return frozenset()


def _decide(amount: Amount, code: str, source: str | None) -> None:
    amount.currency, amount.candidates, amount.currency_source = code, None, source


def _written(amounts: Sequence[Amount], candidates: frozenset[str]) -> frozenset[str]:
    """Candidates some amount of the document is written in for certain."""
    return frozenset(a.currency for a in amounts if a.currency in candidates
                     and a.currency_source is None and a.candidates is None)


def _same_amount(amount: Amount, amounts: Sequence[Amount],
                 candidates: frozenset[str]) -> frozenset[str]:
    return frozenset(a.currency for a in amounts
                     if a is not amount and a.currency in candidates and a.candidates is None
                     and a.currency_source is None
                     and math.isclose(a.value, amount.value, rel_tol=1e-9))


def _major_nearby(amount: Amount, amounts: Sequence[Amount],
                  candidates: frozenset[str]) -> frozenset[str]:
    """For an amount in a minor unit ("12 cents"): the currency decided for the nearest
    amount before it written with a family sign in a major unit ("$12 million"), else the
    nearest after it, when it is a candidate: the writer's dollar is the cents' dollar."""
    if not amount.minor:
        return frozenset()
    majors = [a for a in amounts if a.sign is not None and not a.minor
              and a.currency in candidates and a.currency_source is not None]
    before = [a for a in majors if a.start < amount.start]
    nearest = before[-1] if before else next((a for a in majors if a.start > amount.start),
                                              None)
    return frozenset({nearest.currency}) if nearest and nearest.currency else frozenset()


def _domain(amount: Amount, candidates: frozenset[str], doc: DocumentEvidence) -> frozenset[str]:
    if amount.sign in common().currencies.domain_after_number_only and not amount.sign_after:
        return frozenset()
    return domain_codes(doc.source, doc.on) & candidates


def _pair_fit(amount: Amount, other: Amount | None, candidates: frozenset[str],
              doc: DocumentEvidence) -> frozenset[str]:
    """The one candidate whose reference rate the pair's implied rate fits, if one does (the
    same ratio whichever of the two restates the other). A currency whose rate a peg gives
    is no candidate here: its rate is a fixed multiple of its anchor's, no evidence of its
    own (the Cayman dollar would "fit" any US-dollar conversion made 20% off)."""
    if other is None or other.value <= 0 or amount.value <= 0:
        return frozenset()
    others = ({other.currency} if other.currency else
              in_use(other.candidates, doc.on) - candidates if other.candidates else set())
    if not others:
        return frozenset()
    from factcheck.normalise.fx import RateUnavailable, default_provider

    provider = default_provider()
    on = doc.published or provider.span()[1]
    tolerance = DATED_TOLERANCE if doc.published else UNDATED_TOLERANCE
    fits = set()
    implied = amount.value / other.value
    for code in candidates - getattr(provider, "pegged", frozenset()):
        for other_code in sorted(others):
            try:
                reference = provider.rate(other_code, code, on).rate  # code per other
            except RateUnavailable:
                continue
            if abs(math.log(implied / reference)) < tolerance:
                fits.add(code)
                break
    return frozenset(fits) if len(fits) == 1 else frozenset()
