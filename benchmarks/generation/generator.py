"""Deterministic article generators: article ``i`` depends only on the seed and ``i``."""

from __future__ import annotations

import random
from typing import Generic, TypeVar

from benchmarks.harness.rates import Rates
from factcheck.model import Lang

A = TypeVar("A")
MAX_DRAWS = 200


class ArticleGenerator(Generic[A]):
    """Draws until an article prints sensibly; a set says how (``draw``) and in which
    language (``language``), and salts the random stream with its own name."""

    salt = "article"

    def __init__(self, rates: Rates, seed: int) -> None:
        self.rates = rates
        self.seed = seed

    def article(self, index: int) -> A:
        rng = random.Random(f"{self.seed}:{self.salt}:{index}")
        lang = self.language(rng, index)
        for _ in range(MAX_DRAWS):
            built = self.draw(rng, lang, f"{lang}{index:03d}")
            if built is not None:
                return built
        raise RuntimeError(f"no article {index} printed sensibly in {MAX_DRAWS} draws")

    def language(self, rng: random.Random, index: int) -> Lang:
        raise NotImplementedError

    def draw(self, rng: random.Random, lang: Lang, ident: str) -> A | None:
        """One attempt at article ``ident``; None when its amounts do not print sensibly."""
        raise NotImplementedError
