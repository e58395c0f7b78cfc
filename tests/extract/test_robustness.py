"""Extraction never raises, every span maps back to its text, hostile input stays linear."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_text

PIECES = ["US$", "Rp", "€", "$", " ", "\u00a0", "\u202f", ".", ",", "-", "–", "(", ")", "%",
          "1", "5", "0", "83", "1.303", "5,83", "miliar", "triliun", "juta", "milliards", "de",
          "dollars", "billion", "sekitar", "hampir", "atau", "setara", "kurs", "per", "hari",
          "km", "mil", "tiga perempat", "dari", "\n", "=", "/", "M", "T", "bn", "2024", "pada"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from(["id", "fr", "en"]))
def test_spans_map_back_and_figures_are_sane(pieces: list[str], lang: str) -> None:
    text = "".join(pieces)
    figures = extract_text(text, lang)  # type: ignore[arg-type]
    ids = {f.id for f in figures}
    previous_end = 0
    for f in figures:
        assert text[f.start:f.end] == f.text
        assert f.start >= previous_end
        previous_end = f.end
        assert f.equivalent_of is None or f.equivalent_of in ids
        if f.low is not None and f.high is not None:
            assert f.low <= f.high


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["id", "fr", "en"]))
def test_never_raises_on_arbitrary_text(text: str, lang: str) -> None:
    for f in extract_text(text, lang):  # type: ignore[arg-type]
        assert text[f.start:f.end] == f.text


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        "1." * 50_000,
        "." * 100_000,
        "1 " * 50_000,
        "1,000," * 20_000,
        "Rp " * 30_000,
        "1-" * 50_000,
        "dua ratus " * 20_000,
        "US$ 5 miliar (sekitar Rp 81 triliun) " * 3_000,
    ],
    ids=["digits", "digit-dots", "dots", "digit-spaces", "commas", "symbols", "dashes", "words",
         "pairs"],
)
def test_pathological_strings_finish(text: str) -> None:
    for lang in ("id", "fr", "en"):
        figures = extract_text(text, lang)  # type: ignore[arg-type]
        assert all(text[f.start:f.end] == f.text for f in figures)


WORDS = ["dua", "ratus", "se", "seratus", "sebelas", "tiga", "perempat", "setengah", "puluh",
         "quatre-vingt", "dix-sept", "un", "une", "et", "demi", "moitié", "trois", "quarts",
         "two", "hundred", "and", "fifty", "a", "half", "third", "one", "le", "milliard",
         "billion", "sejuta", "half a billion", "koma", "lima", "point", "five", "x", "-", " ",
         ",", "mille", "thousand", "ribu"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=20), st.sampled_from(["id", "fr", "en"]))
def test_word_prefilter_finds_what_the_full_pattern_finds(words: list[str], lang: str) -> None:
    from factcheck.extract.cores import word_numbers, words_re
    from factcheck.extract.lexicon import lexicon

    text = " ".join(words)
    lex = lexicon(lang)  # type: ignore[arg-type]
    full = [m.span() for m in words_re(lang, lex).finditer(text)]  # type: ignore[arg-type]
    assert [m.span() for m in word_numbers(text, lex)] == full


def test_a_50_mb_article_is_read_and_extracted_in_one_pass(tmp_path: Path) -> None:
    from factcheck.documents import read_path
    from factcheck.extract import extract_document

    paragraph = ("Pemerintah menyatakan rencana itu akan dibahas bersama para kepala daerah "
                 "dalam beberapa pekan ke depan, kata pejabat kementerian.\n") * 40
    figure = "Nilai proyek mencapai US$ 5 miliar (sekitar Rp 81 triliun) pada Februari 2024.\n"
    block = paragraph + figure
    path = tmp_path / "big.txt"
    path.write_text(block * (50_000_000 // len(block) + 1), encoding="utf-8")
    docs, errors = read_path(path, lang="id")
    assert errors == [] and len(docs) == 1
    figures = extract_document(docs[0])
    assert len(figures) == 2 * (50_000_000 // len(block) + 1)
    last = figures[-1]
    assert last.text == "Rp 81 triliun" and last.equivalent_of == figures[-2].id
