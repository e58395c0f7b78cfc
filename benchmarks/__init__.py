"""factcheck's benchmarks: each ``benchmarks/<name>.py`` is a script over one harness.

Run one as ``python -m benchmarks.<name>`` (or ``python benchmarks/<name>.py``) from the
repository root; ``benchmarks/README.md`` lists them. The harness (``benchmarks.harness``)
loads the shared corpus, runs the mutation sets, scores and prints tables; the two
mutation sets (``benchmarks.conversion_errors``, ``benchmarks.date_errors``) generate
articles from the templates in ``tests/checks/article_templates``.
"""
