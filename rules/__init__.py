"""Shipped rule packs (YAML), installed as ``factcheck.rules``."""
