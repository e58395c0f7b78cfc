"""Properties of the period finder: any text gives clean, ordered spans, and scanning only
near trigger words finds what every pattern over the whole text finds."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.periods import find_periods
from factcheck.model import Lang

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
