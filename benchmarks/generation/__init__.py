"""What the generated articles of both mutation sets are made of: number styles, printed
amounts and conversions, and the sentence templates (``tests/checks/article_templates``)."""
