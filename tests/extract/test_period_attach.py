"""Which figure a period is attached to: the sentence's mentions, the clause that ties them,
a period after "since" or after another amount."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract import extract_text
from factcheck.extract.periods import PeriodMention, attach_period, find_periods
from factcheck.extract.sentences import sentence_spans
from factcheck.model import Period

JULY_2024 = date(2024, 7, 30)


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
