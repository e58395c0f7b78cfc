from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_text
from factcheck.extract.periods import PeriodMention, attach_period, find_periods
from factcheck.extract.sentences import sentence_spans
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


def _figure(text: str, figure: str) -> tuple[tuple[int, int], int, int]:
    start = text.index(figure)
    sentence = next(s for s in sentence_spans(text) if s[0] <= start < s[1])
    return sentence, start, start + len(figure)


def test_attach_prefers_the_following_mention_in_the_sentence() -> None:
    text = "Pada 2022 ekspor US$ 4 miliar lalu naik menjadi US$ 5 miliar pada Maret 2023."
    mentions = find_periods(text, "id", JULY_2024)
    first = attach_period(mentions, *_figure(text, "US$ 4 miliar"))
    assert first is not None and first.label == "2023-03"
    tail = "Pada 2022 ekspor mencapai US$ 4 miliar."
    before = attach_period(find_periods(tail, "id", None), *_figure(tail, "US$ 4 miliar"))
    assert before is not None and before.label == "2022"


def test_attach_stays_inside_the_sentence() -> None:
    text = "Ekspor mencapai US$ 4 miliar. Pada Maret 2023 angkanya naik. Impor US$ 2 miliar."
    mentions = find_periods(text, "id", None)
    assert len(mentions) == 1
    assert attach_period(mentions, *_figure(text, "US$ 4 miliar")) is None
    assert attach_period(mentions, *_figure(text, "US$ 2 miliar")) is None


def test_attach_ignores_a_mention_overlapping_the_figure() -> None:
    text = "Angka 2024 saja."
    mentions = find_periods(text, "id", None)
    assert [m.period.label for m in mentions] == ["2024"]
    assert attach_period(mentions, (0, len(text)), 6, 10) is None
    assert attach_period([], (0, len(text)), 6, 10) is None


def test_attach_is_fast_with_many_mentions() -> None:
    mentions = [PeriodMention(i * 10, i * 10 + 4, Period(text="2024")) for i in range(100_000)]
    for i in range(100_000):
        found = attach_period(mentions, (i * 10, i * 10 + 10), i * 10 + 5, i * 10 + 8)
        assert found is not None


def test_linear_on_long_text() -> None:
    assert len(find_periods("Pada Maret 2024 naik. " * 5_000, "id", None)) == 5_000
    find_periods("kuartal III" + " " * 50_000 + "pada " * 10_000 + "Januari-" * 5_000, "id", None)
    find_periods("." * 100_000 + "2024-" * 10_000, "en", JULY_2024)


_FRAGMENTS = st.sampled_from(
    [
        " ",
        "-",
        "/",
        ".",
        ",",
        "'",
        "2024",
        "1999",
        "12",
        "3",
        "Q",
        "H",
        "T",
        "I",
        "III",
        "kuartal",
        "semester",
        "pada",
        "tahun",
        "ini",
        "lalu",
        "yang sama",
        "Februari",
        "Mei",
        "février",
        "l'année",
        "dernière",
        "janvier",
        "à",
        "entre",
        "et",
        "March",
        "quarter",
        "third",
        "of",
        "this",
        "year",
        "that",
        "FY",
        "Rp",
        "%",
        "\n",
        "ſ",
        "İ",
    ]
)


@given(
    st.lists(_FRAGMENTS | st.text(max_size=3), max_size=40).map("".join),
    st.sampled_from(["id", "fr", "en"]),
    st.none() | st.dates(),
)
def test_find_periods_never_raises_and_returns_clean_spans(
    text: str, lang: Lang, published: date | None
) -> None:
    found = find_periods(text, lang, published)
    previous_end = 0
    for mention in found:
        assert previous_end <= mention.start < mention.end <= len(text)
        assert mention.period.text == text[mention.start : mention.end]
        previous_end = mention.end


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["pada", "Februari", "2024", "tahun", "ini", "lalu", "kuartal", "III",
                              "Q3", "'24", "3Q24", "FY24", "in", "the", "same", "year", "2015-2019",
                              "Januari-Agustus", "14/6/2023", "x", ",", "."]), max_size=25),
    st.sampled_from(["id", "fr", "en"]),
)
def test_trigger_windows_do_not_lose_mentions(words: list[str], lang: str) -> None:
    """Scanning only near triggers, with only the patterns whose words a window holds, finds
    what running every pattern over the whole text finds."""
    import dataclasses

    import factcheck.extract.periods as periods

    text = " ".join(words)
    published = date(2024, 7, 30)
    windowed = periods.find_periods(text, lang, published)  # type: ignore[arg-type]
    compiled = periods.grammar(lang)  # type: ignore[arg-type]
    patterns = tuple((kind, pattern, None) for kind, pattern, _ in compiled.patterns)
    every = dataclasses.replace(compiled, patterns=patterns)
    original_windows, original_grammar = periods._windows, periods.grammar
    try:
        periods._windows = lambda g, t, spans: list(spans)  # type: ignore[assignment]
        periods.grammar = lambda lang: every  # type: ignore[assignment]
        whole = periods.find_periods(text, lang, published)  # type: ignore[arg-type]
    finally:
        periods._windows = original_windows  # type: ignore[assignment]
        periods.grammar = original_grammar  # type: ignore[assignment]
    assert windowed == whole


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Exports reached $3 billion (about Rp 49 trillion), the highest total since records "
         "began in 1970.", "en"),
        ("Ekspor mencapai US$ 3 miliar (sekitar Rp 49 triliun), tertinggi sejak pencatatan "
         "dimulai pada 1970.", "id"),
        ("Les exportations ont atteint 3 milliards de dollars (environ 49 000 milliards de "
         "roupies), un record depuis le début des relevés en 1970.", "fr"),
        ("Sejak 2015, ekspor mencapai US$ 3 miliar.", "id"),
    ],
)
def test_a_period_after_since_in_its_clause_dates_no_figure(text: str, lang: str) -> None:
    figures = extract_text(text, lang, published=date(2024, 7, 30))  # type: ignore[arg-type]
    assert figures and all(f.period is None for f in figures)


def test_a_period_after_another_amount_is_that_amounts() -> None:
    text = "In 2024 exports reached $3 billion (about Rp 49 trillion), up from $1 billion in 2015."
    by_text = {f.text: f.period for f in extract_text(text, "en", published=date(2024, 7, 30))}
    assert by_text["$1 billion"] is not None and by_text["$1 billion"].label == "2015"
    assert by_text["$3 billion"] is not None and by_text["$3 billion"].label == "2024"
    assert by_text["Rp 49 trillion"] is not None and by_text["Rp 49 trillion"].label == "2024"


def test_a_clause_of_its_own_keeps_the_period_before_since() -> None:
    text = "In 2023, exports rose to $3 billion, the most since 2015."
    (figure,) = extract_text(text, "en", published=date(2024, 7, 30))
    assert figure.period is not None and figure.period.label == "2023"
