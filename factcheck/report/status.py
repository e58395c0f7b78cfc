"""A figure's status on the report, and how a figure reads.

- ``finding``: a finding names it (its ``figures``);
- ``fine``: no finding names it, and a check had something to hold it against: it is one
  side of a conversion or unit restatement (``equivalent_of``, either way), a rate stated in
  a text that has conversions, an amount per unit of time beside another one (UN002), or a
  figure with a resolved period and a tense (held against the publication date, DT001);
- ``unchecked`` ("not checked"): everything else, such as a lone amount with no
  conversion or a percentage with nothing to compare it to. Checks that relate figures by
  their wording (ratios, parts of a whole, sums) are not counted, so "not checked" means
  that nothing on the page vouches for the figure, not that it is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from factcheck.i18n import N_, SOURCE_LOCALE, translations
from factcheck.model import Figure, Finding
from factcheck.report.explain import interval, number

Status = Literal["finding", "fine", "unchecked"]
STATUSES: tuple[Status, ...] = ("finding", "fine", "unchecked")
LABELS: dict[str, str] = {"finding": "has a finding", "fine": "fine",
                          "unchecked": "not checked"}


def statuses(figures: Sequence[Figure], findings: Sequence[Finding]) -> dict[str, Status]:
    """Each figure's status (see the module's documentation)."""
    named = {fid for f in findings for fid in f.figures}
    restated = {f.equivalent_of for f in figures if f.equivalent_of}
    converts = any(f.equivalent_of for f in figures if f.kind == "money")
    per_time = sum(1 for f in figures if f.per) > 1
    out: dict[str, Status] = {}
    for f in figures:
        checked = (f.equivalent_of is not None or f.id in restated
                   or (f.kind == "rate" and converts) or (per_time and f.per is not None)
                   or (f.tense is not None and f.period is not None and f.period.end is not None))
        out[f.id] = "finding" if f.id in named else "fine" if checked else "unchecked"
    return out


def figure_names(figures: Sequence[Figure]) -> dict[str, str]:
    """Figure ids as people read them: "US$ 4 miliar → Rp 64 triliun" for a conversion."""
    by_id = {f.id: f for f in figures}
    return {f.id: (f"{by_id[f.equivalent_of].text} → {f.text}"
                   if f.equivalent_of in by_id else f.text) for f in figures}


#: The kinds of figure, the units of time and the qualifiers, as a figure's reading names
#: them (``model.Qualifier``'s values shown as words: "up to" for ``up_to``).
WORDS = (N_("money"), N_("percent"), N_("quantity"), N_("rate"), N_("price"), N_("ratio"),
         N_("day"), N_("week"), N_("month"), N_("quarter"), N_("year"))
QUALIFIERS = {"about": N_("about"), "nearly": N_("nearly"), "more_than": N_("more than"),
              "at_least": N_("at least"), "up_to": N_("up to"), "less_than": N_("less than"),
              "range": N_("range")}


def title(f: Figure, status: Status, codes: Sequence[str], locale: str = SOURCE_LOCALE) -> str:
    """How a figure reads, in ``locale``: "money · 5 billion USD · admits 4.5 billion –
    5.5 billion USD · 2024 · checked, fine"."""
    gettext = translations(locale).gettext
    unit = " per ".join(x for x in (f.currency, f.unit) if x)
    parts = [gettext(f.kind), f"{number(f.value, locale)} {unit}".rstrip()]
    if f.low != f.high:
        parts.append(gettext(N_("admits {interval}")).format(
            interval=interval([f.low, f.high], unit, locale=locale)))
    if f.qualifier:
        parts.append(gettext(QUALIFIERS.get(f.qualifier, f.qualifier)))
    if f.period and f.period.label:
        parts.append(f.period.label)
    if f.per:
        parts.append(gettext(N_("per {unit}")).format(unit=gettext(f.per)))
    parts.append({"finding": gettext(N_("finding {codes}")).format(codes=", ".join(codes)),
                  "fine": gettext(N_("checked, fine")),
                  "unchecked": gettext(N_("not checked"))}[status])
    return " · ".join(parts)
