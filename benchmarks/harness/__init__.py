"""The one harness every benchmark stands on.

- ``paths``: where the repository, its test data and the shared (third-party) data are;
- ``corpus``: the annotated news corpus, read at run time, laid out as the text the tool reads;
- ``scoring``: tolerant comparison, precision/recall and the greedy one-to-one matching;
- ``auditing``: calling ``factcheck`` (extract, audit) without letting one text stop a run;
- ``rates``: ECB reference rates for the generated articles;
- ``mutation_sets``: the run shared by the mutation sets (originals, mutants, verdicts);
- ``report``: the one table format and the cells in it.
"""
