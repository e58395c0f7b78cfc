from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.sentences import sentence_spans
from factcheck.extract.tense import clause_tense
from factcheck.model import Lang, Tense


def _tense(text: str, figure: str, lang: Lang) -> Tense | None:
    start = text.index(figure)
    sentence = next(s for s in sentence_spans(text) if s[0] <= start < s[1])
    return clause_tense(text, sentence, start, lang)


@pytest.mark.parametrize(
    ("lang", "text", "figure", "expected"),
    [
        ("id", "Kerugian diprediksi akan mencapai Rp 50 triliun.", "Rp 50", "future"),
        ("id", "Nilai investasi ditargetkan Rp 12 triliun tahun depan.", "Rp 12", "future"),
        ("id", "Penjualan telah mencapai Rp 9 triliun.", "Rp 9", "past"),
        ("id", "Perseroan membukukan laba Rp 3 triliun.", "Rp 3", "past"),
        ("id", "Penjualan mencapai Rp 9 triliun.", "Rp 9", None),
        ("id", "Penjualan tahun lalu mencapai Rp 9 triliun.", "Rp 9", None),
        ("id", "Rp 7 triliun tercatat sebagai laba bersih.", "Rp 7", "past"),
        ("en", "Revenue is expected to reach $4 billion.", "$4", "future"),
        ("en", "Revenue will reach $4 billion.", "$4", "future"),
        ("en", "Revenue reached $4 billion.", "$4", "past"),
        ("en", "Revenue was expected to reach $4 billion.", "$4", "future"),
        ("en", "Revenue hit $4 billion.", "$4", None),
        ("en", "Revenue WILL top $4 billion.", "$4", "future"),
        ("fr", "Le chiffre d'affaires a atteint 4 milliards d'euros.", "4 milliards", "past"),
        (
            "fr",
            "Le chiffre d'affaires devrait atteindre 4 milliards d'euros.",
            "4 milliards",
            "future",
        ),
        ("fr", "Le déficit est estimé à 2 milliards d'euros.", "2 milliards", "future"),
        ("fr", "La perte s'est élevée à 2 milliards d'euros.", "2 milliards", "past"),
        ("fr", "Le chiffre d'affaires atteint 4 milliards d'euros.", "4 milliards", None),
    ],
)
def test_clause_tense(lang: Lang, text: str, figure: str, expected: Tense | None) -> None:
    assert _tense(text, figure, lang) == expected


def test_nearest_marker_before_the_figure_wins() -> None:
    text = "Laba telah tumbuh dan diperkirakan akan mencapai Rp 8 triliun."
    assert _tense(text, "Rp 8", "id") == "future"
    text = "Target yang diproyeksikan ternyata telah terlampaui, tercatat Rp 8 triliun."
    assert _tense(text, "Rp 8", "id") == "past"


def test_marker_after_the_figure_is_used_when_none_before() -> None:
    assert _tense("Sebesar Rp 4 triliun akan dibagikan.", "Rp 4", "id") == "future"


def test_markers_do_not_leak_from_another_sentence() -> None:
    text = "Revenue hit $4 billion. It will double soon."
    assert _tense(text, "$4", "en") is None
    text = "Costs will fall. Revenue hit $4 billion."
    assert _tense(text, "$4", "en") is None


def test_markers_do_not_leak_from_another_clause() -> None:
    text = "Laba tahun lalu mencapai Rp 5 triliun, dan tahun ini diprediksi mencapai Rp 7 triliun."
    assert _tense(text, "Rp 5", "id") is None
    assert _tense(text, "Rp 7", "id") == "future"
    text = "Sales reached $3 billion; costs will rise to $2 billion."
    assert _tense(text, "$3", "en") == "past"
    assert _tense(text, "$2", "en") == "future"


def test_markers_are_whole_words() -> None:
    assert _tense("Kata akankah muncul, lalu Rp 5 triliun dibahas.", "Rp 5", "id") is None
    assert _tense("The willow tree cost $5.", "$5", "en") is None
    assert _tense("The wasteland cost $5.", "$5", "en") is None


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["akan", "telah", "will", "is", "expected", "to", "s'élèvera",
                              "s’est", "élevé", "a", "atteint", "x", "Rp", "5", ",", "dan",
                              "sera", "-", "tahun", "lalu", "reached"]), max_size=20),
    st.sampled_from(["id", "fr", "en"]),
)
def test_word_scan_finds_what_the_marker_pattern_finds(words: list[str], lang: str) -> None:
    import factcheck.extract.tense as tense

    text = " ".join(words)
    lexicon = tense._lexicon(lang)  # type: ignore[arg-type]
    scan = tense._scan(text, 0, len(text), lang)  # type: ignore[arg-type]
    expected: list[tuple[int, int, str]] = []
    for m in lexicon.markers.finditer(text):
        kind = lexicon.tense.get(tense._norm(m.group()))
        if kind is None:
            continue
        if (kind == "past" and expected and expected[-1][2] == "future"
                and m.start() - expected[-1][1] <= 2):
            continue  # "akan meraup": the outcome verb after "akan" is what will happen
        expected.append((m.start(), m.end(), kind))
    assert list(zip(scan.starts, scan.ends, strict=True)) == [(s, e) for s, e, _ in expected]
