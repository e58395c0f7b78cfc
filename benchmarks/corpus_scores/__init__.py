"""Scores over the annotated news corpus: money extraction against the annotations
(``money``) and the audit against the articles' verdicts (``judgement``)."""
