"""Language detection: figures' words, stop words and the optional model."""

from __future__ import annotations

import pytest

from factcheck.documents import detect_language, read_text
from factcheck.documents import language as detection
from factcheck.documents.language import SAMPLE_CHARS, language_scores, stopwords
from factcheck.extract import extract_document
from factcheck.model import LANGS


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Detection as it is without the optional model installed."""
    monkeypatch.setattr(detection, "model_language", lambda text: None)


needs_model = pytest.mark.skipif(detection.model_language("Harga emas naik") is None,
                                 reason="lingua (the lang extra) is not installed")

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
    assert detect_language("---  2024") == "en"


@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rp 81 triliun US$ 5 miliar", "id"),
        ("Rp 16.250", "id"),
        ("Kurs Jual Rp16.250", "id"),
        ("Laba Naik Jadi Rp 12,4 Triliun", "id"),
        ("Airbus vise 12 Mds€ de commandes", "fr"),
        ("Les Bourses perdent 2 milliards", "fr"),
        ("Exports fall to $12.4bn", "en"),
        ("Debt hits $1.2 trillion", "en"),
        # a decimal comma is the French and Indonesian style, a decimal point the English
        ("12.500 / 3,4 %", "fr"),
        ("Brent at 82.50", "en"),
    ],
)
def test_figures_words_decide_a_short_text_without_stop_words(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.usefixtures("no_model")
def test_stop_words_outweigh_a_sign_in_a_long_text() -> None:
    text = ("The central bank said on Tuesday that the rupiah had weakened to Rp 16,250 "
            "against the dollar, and that it would intervene in the market if needed.")
    assert detect_language(text) == "en"


@pytest.mark.usefixtures("no_model")
def test_a_short_draft_keeps_its_thousands() -> None:
    doc = read_text("Kurs Rp 16.250", "draft.txt")
    assert doc.lang == "id"
    assert [f.value for f in extract_document(doc)] == [16250.0]


@needs_model
@pytest.mark.parametrize(
    ("text", "lang"),
    [("Investor Jepang Minati Surat Utang Indonesia", "id"),
     ("Brexit Bantu Pemain Termahal Dunia", "id"),
     ("Que de trillions", "fr")],
)
def test_the_model_decides_a_headline_with_no_other_evidence(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_without_the_model_thin_evidence_goes_to_the_best_score(no_model: None) -> None:
    assert detect_language("Investor Jepang") == "en"  # no evidence: the first of the ties


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
