"""The date set's templates (``tests/checks/article_templates/dates_<lang>.yaml``) and amounts
printed with their scale words."""

from __future__ import annotations

from typing import Any

from benchmarks.generation.amounts import Amount, render_amount, templates
from benchmarks.generation.numbers import NumberStyle

FAMILY = "dates"


def wording(lang: str) -> dict[str, Any]:
    """The templates of one language."""
    return templates(FAMILY, lang)


def printed(amount: Amount, lang: str, style: NumberStyle) -> str:
    """An amount as this language's date templates print it."""
    return render_amount(amount, wording(lang), style)
