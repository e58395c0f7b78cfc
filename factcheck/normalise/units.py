"""Physical units through one pint registry, loaded on first use.

A unit as written ("mil", "GW", "barel") is mapped by the language data to a pint unit
expression; this module turns that into a factor to the canonical SI unit of its
dimension (meter, kilogram, cubic_meter, square_meter, watt, joule, ...), cached per
expression so the registry is consulted once per distinct unit.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from factcheck.lang.loader import common

TIME_DENOMINATORS = {"day": "day", "week": "week", "month": "month", "year": "year",
                     "hour": "hour", "quarter": "quarter"}


class Canonical(NamedTuple):
    """A unit expression resolved: multiply by ``factor`` to get ``unit``; ``per`` is a
    time denominator that was part of the unit ("bph" is barrels per day)."""

    factor: float
    unit: str
    per: str | None


@cache
def registry() -> Any:
    """The one pint registry of the process, with the canonical names it lacks."""
    import pint

    ureg: Any = pint.UnitRegistry()
    ureg.define("cubic_meter = meter ** 3")
    ureg.define("square_meter = meter ** 2")
    return ureg


def _canonical_by_dimension() -> dict[str, str]:
    """Pint dimensionality -> the SI unit it is reported in (``lang/common/units.yaml``)."""
    return common().units.canonical


def unit_symbols() -> dict[str, str]:
    """Language-independent unit symbols ("km", "GW") -> pint expression."""
    return common().units.symbols


@cache
def canonical(expression: str) -> Canonical:
    """Resolve a pint unit expression to its canonical SI unit.

    >>> canonical("mile")
    Canonical(factor=1609.344, unit='meter', per=None)
    """
    per = None
    head, sep, tail = expression.partition("/")
    if sep and tail.strip() in TIME_DENOMINATORS:
        expression, per = head.strip(), TIME_DENOMINATORS[tail.strip()]
    ureg = registry()
    quantity = ureg.Quantity(1.0, expression)
    dimension = str(quantity.dimensionality)
    target = _canonical_by_dimension().get(dimension)
    if target is None:
        base = quantity.to_base_units()
        return Canonical(_round(base.magnitude), str(base.units).replace(" ", ""), per)
    return Canonical(_round(quantity.to(target).magnitude), target.replace(" ", ""), per)


def _round(value: float) -> float:
    """Drop the binary noise of unit factors (a litre is 0.001 m³, not 0.0010000000000000002)."""
    return float(f"{float(value):.12g}")


def same_dimension(unit_a: str, unit_b: str) -> bool:
    """Whether two canonical units measure the same thing (so one can restate the other)."""
    return unit_a == unit_b
