"""Relations between the figures of one document, for the arithmetic checks AR002-AR004.

A *change* is a change word with its stated figure ("naik 4,2 persen", "rose 12.5%",
"turun Rp 2 triliun") and its values before and after: marked ones in its clause ("dari",
"menjadi", "from", "to", "contre", "à"), the figure just before the change word ("Rp 8,3
triliun atau naik ..."), the one figure of the previous sentence when that figure is the
sentence's subject ("Nilai ini naik ...") and the one figure the next sentence gives
for an earlier period. A *breakdown* is a whole and the parts listed after a list word
("terdiri dari", "comprises", "se répartit entre": complete; "termasuk", "including",
"dont": partial), "X dari total Y" or "dari Y itu, X ..."; the whole is the previous
sentence's one figure of its kind when the list word's subject points back to it ("Dana
tersebut termasuk ...", "Ce prêt comporte ...") or a part comes first with nothing of its
kind before it ("Rp 14 triliun di antaranya ..."); a whole whose sentence counts its
items ("loans to three cities") has for complete list the figures of its kind the next
sentences give, when they give exactly that many (a count of years, "selama tiga tahun",
that many each dated to a year of its own). A *per-item* figure is an
amount for each one of a counted set ("masing-masing orang menyumbang Rp 15,4 juta") with
the count ("254,9 juta jiwa") and the totals near them. The words are in
``lang/<lang>/relations.yaml``. Relations are found once per document
(``ctx.analysis(relations)``), sentence by sentence, in time linear in the text; anything
unclear is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.relation_changes import changes
from factcheck.analyse.relation_items import PerItem, per_items
from factcheck.analyse.relation_lists import breakdowns
from factcheck.analyse.relation_scan import Breakdown, Change, Key, Scan, key

__all__ = ["Breakdown", "Change", "Key", "PerItem", "Relations", "key", "relations"]


@dataclass(frozen=True)
class Relations:
    changes: tuple[Change, ...]
    breakdowns: tuple[Breakdown, ...]
    per_items: tuple[PerItem, ...] = ()


def relations(ctx: DocumentContext) -> Relations:
    """The document's relations: ``ctx.analysis(relations)`` finds them once for every
    check that asks."""
    scan = Scan(ctx)
    return Relations(tuple(changes(scan)), tuple(breakdowns(scan)), tuple(per_items(scan)))
