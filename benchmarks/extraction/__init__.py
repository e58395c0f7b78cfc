"""Figure-extraction accuracy on the labelled fixtures (``tests/extract/fixtures``)."""
