"""Per-item figures and the counts beside them (``analyse.relation_items``): a count
printed in digits and a scale word reads back as its value, its interval spans half a
last digit either way (open above after "at least"), and a per-item figure is linked to
the totals of its sentences, in each language."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import extract_text
from factcheck.analyse.context import DocumentContext
from factcheck.analyse.relations import PerItem, relations
from factcheck.model import Document, Lang

SCALES = {"id": {"": 1.0, "ribu ": 1e3, "juta ": 1e6}, "en": {"": 1.0, "million ": 1e6},
          "fr": {"": 1.0, "millions d'": 1e6}}
TEXTS: dict[Lang, str] = {
    "id": "Kota itu dihuni {count} {scale}penduduk. Jika utang Rp 9,9 triliun dibagi rata, "
          "setiap penduduk menanggung Rp 4,2 juta.",
    "en": "The county has {count} {scale}residents. Its debt of $9.9 billion means each "
          "resident owes $4,200.",
    "fr": "La région compte {count} {scale}habitants. Sa dette de 9,9 milliards d'euros "
          "représente pour chaque habitant 4 200 euros.",
}
DECIMAL = {"id": ",", "en": ".", "fr": ","}


def per_items(text: str, lang: Lang) -> tuple[PerItem, ...]:
    doc = Document(path="<text>", text=text, lang=lang)
    ctx = DocumentContext(doc, tuple(extract_text(text, lang)))
    return ctx.analysis(relations).per_items


@settings(max_examples=60, deadline=None)
@given(lang=st.sampled_from(["id", "en", "fr"]), whole=st.integers(2, 999),
       tenths=st.integers(0, 9) | st.none(), scale=st.sampled_from([0, 1, 2]))
def test_a_count_reads_back_as_printed(lang: Lang, whole: int, tenths: int | None,
                                       scale: int) -> None:
    word = list(SCALES[lang])[min(scale, len(SCALES[lang]) - 1)]
    count = f"{whole}{DECIMAL[lang]}{tenths}" if tenths is not None and word else str(whole)
    found = per_items(TEXTS[lang].format(count=count, scale=word), lang)
    assert len(found) == 1, found
    n = found[0].count
    value = (whole + (tenths or 0) / 10 if tenths is not None and word else whole) \
        * SCALES[lang][word]
    assert abs(n.value - value) <= 1e-9 * value
    assert n.low < n.value < n.high
    assert abs((n.high - n.value) - (n.value - n.low)) <= 1e-6 * n.value
    assert [t.text for t in found[0].totals] == [
        {"id": "Rp 9,9 triliun", "en": "$9.9 billion", "fr": "9,9 milliards d'euros"}[lang]]


def test_at_least_leaves_the_count_open_above() -> None:
    found = per_items("Setidaknya 90 perusahaan terdampak. Bila setiap perusahaan rugi "
                      "Rp 200 juta, total kerugian Rp 18 miliar.", "id")
    assert len(found) == 1 and found[0].count.high == float("inf")
    assert found[0].count.low == 85


def test_no_count_no_relation() -> None:
    assert per_items("Setiap penduduk menanggung Rp 4,2 juta dari utang Rp 9,9 triliun.",
                     "id") == ()


def test_totals_are_of_the_per_item_figure_s_time_basis() -> None:
    assert per_items("The county has 2,300 residents. Each resident pays $1,200 a year, "
                     "and the library cost $2.76 million.", "en") == ()
    found = per_items("The county has 2,300 residents. Each resident paid $1,200, and the "
                      "library cost $2.76 million.", "en")
    assert [t.text for p in found for t in p.totals] == ["$2.76 million"]
