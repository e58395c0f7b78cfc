from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.sentences import _CANDIDATE, _CLOSERS, sentence_spans


def _pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_splits_at_full_stop_and_exclamation() -> None:
    assert _pieces("Harga beras naik. Ekspor kopi turun! Impor stabil?") == [
        "Harga beras naik. ",
        "Ekspor kopi turun! ",
        "Impor stabil?",
    ]


def test_never_splits_inside_numbers() -> None:
    text = "Nilainya Rp 1.303 triliun atau 5.83 persen dari total. Sisanya tetap."
    assert _pieces(text) == [
        "Nilainya Rp 1.303 triliun atau 5.83 persen dari total. ",
        "Sisanya tetap.",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    one = "Kantor Dr. Ani ada di Jl. Merdeka No. 12 bersama J. Halim dan Rp. 5 juta. Lalu pulang."
    assert _pieces(one) == [
        "Kantor Dr. Ani ada di Jl. Merdeka No. 12 bersama J. Halim dan Rp. 5 juta. ",
        "Lalu pulang.",
    ]
    english = "Mr. Lee of Acme Inc. met officials at the U.S. Treasury on Monday."
    assert sentence_spans(english) == [(0, len(english))]
    french = "M. Dupont a signé. Mme Durand aussi."
    assert _pieces(french) == ["M. Dupont a signé. ", "Mme Durand aussi."]


def test_lower_case_after_full_stop_does_not_split() -> None:
    text = "Harganya naik 5 persen. lalu turun lagi."
    assert sentence_spans(text) == [(0, len(text))]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = '"Kami yakin target tercapai." Ia lalu pergi.'
    assert _pieces(text) == ['"Kami yakin target tercapai." ', "Ia lalu pergi."]


def test_digit_or_opening_quote_starts_a_sentence() -> None:
    assert _pieces("Ekspor naik. 2024 jadi tahun baik.") == [
        "Ekspor naik. ",
        "2024 jadi tahun baik.",
    ]
    assert len(sentence_spans("Semua setuju. «Bon», dit-il.")) == 2


def test_newline_and_ellipsis_split() -> None:
    assert _pieces("Judul berita\n\nIsi pertama… Isi kedua") == [
        "Judul berita\n\n",
        "Isi pertama… ",
        "Isi kedua",
    ]


def test_empty_text_has_no_spans() -> None:
    assert sentence_spans("") == []


def test_linear_on_pathological_input() -> None:
    assert sentence_spans("." * 100_000) == [(0, 100_000)]
    assert len(sentence_spans("\n" * 100_000 + "x")) == 2
    assert len(sentence_spans("Ab. " * 30_000)) == 30_000
    assert sentence_spans("A. " * 30_000)[-1][1] == 90_000


@given(st.text(alphabet=st.sampled_from(list("aZ9 .!?…\n\"'”«(»)Rp.Jl")), max_size=200))
def test_spans_cover_text_in_order(text: str) -> None:
    spans = sentence_spans(text)
    position = 0
    for start, end in spans:
        assert start == position
        assert end > start
        position = end
    assert position == len(text)


@given(st.text(max_size=300))
def test_spans_cover_any_unicode_text(text: str) -> None:
    spans = sentence_spans(text)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b > a for a, b in spans)


# The candidates as two alternatives (a line break; punctuation, closers and spaces): what
# the pattern that opens with one character class must find alike.
TWO_ALTERNATIVES = re.compile(
    rf"(?P<nl>\n\s*+)|(?P<p>[.!?…]++)[{re.escape(_CLOSERS)}]*+(?P<ws>\s++)")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\n .!?…\"')»a A1\t\u00a0")), max_size=40))
def test_the_candidates_are_those_of_the_two_alternatives(text: str) -> None:
    ours = [(m.span(), m.group("c") == "\n", m.group("ws"),
             m.group("c") == "." and not m.group("more")) for m in _CANDIDATE.finditer(text)]
    reference = [(m.span(), m.group("nl") is not None, m.group("ws"), m.group("p") == ".")
                 for m in TWO_ALTERNATIVES.finditer(text)]
    assert ours == reference
