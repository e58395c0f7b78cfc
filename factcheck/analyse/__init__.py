"""The analysis stage, between extraction and checks: typed analyses of a document's
figures (conversions and their implied rates, their grouping and dating, relations
between figures, rate charts) and of the claims table, each made once and shared by
every check that reads it (``DocumentContext.analysis``)."""
