"""The real-corpus mutation set: the slips editors make, seeded into real clean articles.

Every ``clean`` article of the shared corpus's folders (``wider`` says so itself; for
``articles`` the README's lists, ``corpus_scores.verdicts``) that has a conversion pair is
mutated, one converted figure at a time, five ways (``mutations.KINDS``):

- ``up``/``down``: the converted figure 8% higher or lower, printed at its precision (one
  decimal finer when that precision cannot show the change);
- ``scale``: its scale word swapped for the next one (miliar/triliun, millions/milliards,
  million/billion);
- ``swap``: the first two adjacent different digits of its numeral transposed;
- ``ten``: its numeral ten times larger ("64" -> "640", "46,98" -> "469,8").

The mutated text is the corpus article as ``harness.corpus`` lays it out, with the figure's
printed text replaced on its line; it is audited with its publication date, or the date the
corpus used for reference rates when the page gives none (as ``factcheck audit --published``
would). A mutant is caught when a finding of severity warning or error sits on the line of
the mutated figure and the original article had no such finding there. Recall is reported
over every mutant, and over the mutants whose pair the extractor links in the original (what
the checks can be asked to catch); each miss has a cause.
"""
