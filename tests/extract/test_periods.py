from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from factcheck.extract.periods import find_periods
from factcheck.model import Lang, Period

JULY_2024 = date(2024, 7, 30)


def _only(text: str, lang: Lang, published: date | None = JULY_2024) -> Period:
    found = find_periods(text, lang, published)
    assert len(found) == 1, found
    return found[0].period


def _find(text: str, phrase: str, lang: Lang, published: date | None = JULY_2024) -> Period:
    """The period of the mention that covers ``phrase`` in ``text``."""
    at = text.index(phrase)
    for m in find_periods(text, lang, published):
        if m.start <= at < m.end:
            return m.period
    raise AssertionError(f"no mention at {phrase!r}")


FRAMES = {
    "id": "Angka itu berubah {} menurut laporan.",
    "fr": "Le chiffre a changé {} selon le rapport.",
    "en": "The figure changed {} according to the report.",
}


@pytest.mark.parametrize(
    ("lang", "written", "label", "start", "end"),
    [
        ("id", "pada Februari 2024", "2024-02", "2024-02-01", "2024-02-29"),
        ("id", "bulan Februari 2023", "2023-02", "2023-02-01", "2023-02-28"),
        ("id", "Agt 2022", "2022-08", "2022-08-01", "2022-08-31"),
        ("id", "Nopember 2021", "2021-11", "2021-11-01", "2021-11-30"),
        ("fr", "février 2024", "2024-02", "2024-02-01", "2024-02-29"),
        ("fr", "en aout 2022", "2022-08", "2022-08-01", "2022-08-31"),
        ("en", "in Feb 2024", "2024-02", "2024-02-01", "2024-02-29"),
        ("en", "in Sept 2023", "2023-09", "2023-09-01", "2023-09-30"),
        ("id", "Januari-Agustus 2023", "2023-01/2023-08", "2023-01-01", "2023-08-31"),
        ("id", "Januari sampai Juli 2025", "2025-01/2025-07", "2025-01-01", "2025-07-31"),
        ("fr", "de janvier à août 2023", "2023-01/2023-08", "2023-01-01", "2023-08-31"),
        ("en", "January-August 2023", "2023-01/2023-08", "2023-01-01", "2023-08-31"),
        ("id", "kuartal III 2024", "2024-Q3", "2024-07-01", "2024-09-30"),
        ("id", "kuartal I-2024", "2024-Q1", "2024-01-01", "2024-03-31"),
        ("id", "triwulan II 2024", "2024-Q2", "2024-04-01", "2024-06-30"),
        ("en", "in Q3 2024", "2024-Q3", "2024-07-01", "2024-09-30"),
        ("en", "for 4Q23", "2023-Q4", "2023-10-01", "2023-12-31"),
        ("fr", "T3 2024", "2024-Q3", "2024-07-01", "2024-09-30"),
        ("fr", "au 3e trimestre 2024", "2024-Q3", "2024-07-01", "2024-09-30"),
        ("en", "in the third quarter of 2024", "2024-Q3", "2024-07-01", "2024-09-30"),
        ("id", "semester I 2015", "2015-H1", "2015-01-01", "2015-06-30"),
        ("id", "paruh pertama 2024", "2024-H1", "2024-01-01", "2024-06-30"),
        ("fr", "1er semestre 2015", "2015-H1", "2015-01-01", "2015-06-30"),
        ("en", "in H2 2024", "2024-H2", "2024-07-01", "2024-12-31"),
        ("en", "first half of 2024", "2024-H1", "2024-01-01", "2024-06-30"),
        ("id", "pada tahun 2028", "2028", "2028-01-01", "2028-12-31"),
        ("id", "sepanjang 2014", "2014", "2014-01-01", "2014-12-31"),
        ("fr", "en 2015", "2015", "2015-01-01", "2015-12-31"),
        ("en", "for fiscal 2024", "2024", "2024-01-01", "2024-12-31"),
        ("en", "FY2024", "2024", "2024-01-01", "2024-12-31"),
        ("id", "2015-2019", "2015/2019", "2015-01-01", "2019-12-31"),
        ("en", "2015–2019", "2015/2019", "2015-01-01", "2019-12-31"),
        ("fr", "entre 2015 et 2019", "2015/2019", "2015-01-01", "2019-12-31"),
        ("id", "4 November 2025", "2025-11-04", "2025-11-04", "2025-11-04"),
        ("fr", "le 4 novembre 2025", "2025-11-04", "2025-11-04", "2025-11-04"),
        ("en", "on November 4, 2025", "2025-11-04", "2025-11-04", "2025-11-04"),
        ("id", "(14/6/2023)", "2023-06-14", "2023-06-14", "2023-06-14"),
    ],
)
def test_recognises_written_periods(
    lang: Lang, written: str, label: str, start: str, end: str
) -> None:
    period = _only(FRAMES[lang].format(written), lang)
    assert period.text == written.strip("()").removeprefix("le ").removeprefix("on ")
    assert period.label == label
    assert period.start == date.fromisoformat(start)
    assert period.end == date.fromisoformat(end)
    assert period.relative is False


def test_bare_year_stands_alone_but_not_inside_numbers_or_before_units() -> None:
    assert _only("Pabrik dibuka 2019 dan ramai.", "id").label == "2019"
    assert find_periods("Dana Rp 2024 miliar dan 2.024 unit serta 12024 buah.", "id", None) == []
    assert find_periods("They hired 2024 people for $2050.", "en", None) == []
    assert find_periods("Une hausse de 2030 % et 1999,5 tonnes.", "fr", None) == []


def test_impossible_date_is_not_a_date() -> None:
    assert find_periods("Tanggal 31/2/2023 keliru.", "id", None) == []


@pytest.mark.parametrize(
    ("lang", "text", "label", "start"),
    [
        ("id", "Laba tahun ini naik.", "2024", "2024-01-01"),
        ("id", "Laba tahun lalu naik.", "2023", "2023-01-01"),
        ("id", "Laba tahun depan naik.", "2025", "2025-01-01"),
        ("id", "Laba bulan lalu naik.", "2024-06", "2024-06-01"),
        ("id", "Laba kuartal ini naik.", "2024-Q3", "2024-07-01"),
        ("id", "Laba Maret tahun lalu naik.", "2023-03", "2023-03-01"),
        ("en", "Profit last month rose.", "2024-06", "2024-06-01"),
        ("en", "Profit this quarter rose.", "2024-Q3", "2024-07-01"),
        ("en", "Profit next year will rise.", "2025", "2025-01-01"),
        ("fr", "Le bénéfice de l'an dernier a crû.", "2023", "2023-01-01"),
        ("fr", "Le bénéfice de ce mois-ci a crû.", "2024-07", "2024-07-01"),
        ("fr", "Le bénéfice de l'an prochain croîtra.", "2025", "2025-01-01"),
    ],
)
def test_relative_periods_resolve_against_publication(
    lang: Lang, text: str, label: str, start: str
) -> None:
    period = _only(text, lang)
    assert (period.label, period.start, period.relative) == (label, date.fromisoformat(start), True)


def test_counted_periods_are_not_last_or_next_year() -> None:
    text = "Dana cair dalam 4 tahun mendatang, seperti tiga bulan lalu dan beberapa tahun lalu."
    assert find_periods(text, "id", JULY_2024) == []
    assert _only("Dana cair pada tahun mendatang.", "id").label == "2025"


def test_last_year_in_french_published_in_january() -> None:
    period = _only("Les ventes de l'année dernière ont reculé.", "fr", date(2025, 1, 10))
    assert (period.text, period.label, period.end) == (
        "l'année dernière",
        "2024",
        date(2024, 12, 31),
    )


def test_relative_period_without_publication_date_is_not_guessed() -> None:
    cases: list[tuple[Lang, str]] = [
        ("id", "Laba tahun ini naik."),
        ("en", "Sales this month fell."),
    ]
    for lang, text in cases:
        period = _only(text, lang, None)
        assert period.relative is True
        assert (period.label, period.start, period.end) == (None, None, None)


def test_anaphoric_year_takes_the_nearest_resolved_year_before_it() -> None:
    text = "Pabrik dibuka 2020. Target pada tahun 2028 naik, dan pada tahun yang sama ekspor naik."
    assert _find(text, "tahun yang sama", "id", None).label == "2028"
    en = "Sales peaked in 2019. That year was good, and the same year costs fell."
    assert _find(en, "the same year", "en", None).label == "2019"
    fr = "Les ventes ont chuté l'an dernier et la même année les coûts ont baissé."
    assert _find(fr, "la même année", "fr", date(2025, 3, 1)).label == "2024"
    assert _find("Cette année-là, tout a changé.", "année-là", "fr", None).label is None


def test_mentions_are_sorted_and_longest_wins() -> None:
    text = "Pada kuartal III 2024 dan 2015-2019 serta 4 November 2025."
    found = find_periods(text, "id", None)
    assert [m.period.label for m in found] == ["2024-Q3", "2015/2019", "2025-11-04"]
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_linear_on_long_text() -> None:
    assert len(find_periods("Pada Maret 2024 naik. " * 5_000, "id", None)) == 5_000
    find_periods("kuartal III" + " " * 50_000 + "pada " * 10_000 + "Januari-" * 5_000, "id", None)
    find_periods("." * 100_000 + "2024-" * 10_000, "en", JULY_2024)
