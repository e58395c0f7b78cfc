"""Language detection from stop words."""

from __future__ import annotations

import pytest

from factcheck.documents import detect_language
from factcheck.documents.language import SAMPLE_CHARS, language_scores, stopwords
from factcheck.model import LANGS

INDONESIAN = (
    "Pemerintah kota akan membangun jembatan baru yang menghubungkan dua pasar. "
    "Menurut dinas pekerjaan umum, biaya proyek ini mencapai Rp 2,4 triliun dan "
    "pekerjaan dimulai pada bulan depan."
)
FRENCH = (
    "La mairie a présenté mardi un plan de rénovation des écoles. Selon l'adjoint chargé "
    "des finances, le chantier coûtera 48 millions d'euros et sera terminé avant la "
    "rentrée."
)
ENGLISH = (
    "The council approved a new budget for the harbour on Tuesday. Officials said that "
    "the dredging work would cost about $310 million and is expected to finish by spring."
)


@pytest.mark.parametrize(("text", "lang"), [(INDONESIAN, "id"), (FRENCH, "fr"),
                                            (ENGLISH, "en")])
def test_short_paragraphs(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_single_sentences() -> None:
    assert detect_language("Harga beras naik karena panen gagal di tiga provinsi.") == "id"
    assert detect_language("Les prix du blé ont baissé depuis janvier.") == "fr"
    assert detect_language("Rice prices rose after the harvest failed.") == "en"


def test_case_and_elision_do_not_hide_french() -> None:
    assert detect_language("L'ÉCONOMIE D'UN PAYS QU'ON DIT RICHE") == "fr"


def test_no_evidence_defaults_to_english() -> None:
    assert detect_language("") == "en"
    assert detect_language("12.500 / 3,4 %  ---  2024") == "en"
    assert detect_language("Rp 81 triliun US$ 5 miliar") == "en"


def test_only_the_start_of_a_long_text_counts() -> None:
    french = (FRENCH + " ") * (SAMPLE_CHARS // len(FRENCH) + 1)
    english_tail = (ENGLISH + " ") * 2000
    assert detect_language(french + english_tail) == "fr"
    assert sum(language_scores(french + english_tail).values()) == sum(
        language_scores(french).values()
    )


def test_long_input_is_read_only_in_its_first_part() -> None:
    text = INDONESIAN * 200_000  # about 40 MB
    assert detect_language(text) == "id"


def test_stopword_lists_are_disjoint_and_sized() -> None:
    table = stopwords()
    for lang in LANGS:
        words = [w for w, owner in table.items() if owner == lang]
        assert 40 <= len(words) <= 70, lang
        assert all(w == w.lower() for w in words)
    assert table["yang"] == "id" and table["les"] == "fr" and table["the"] == "en"
