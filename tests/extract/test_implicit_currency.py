"""Implicit currency: a bare amount with a scale word takes the currency the text around it
establishes, recorded as context; otherwise it stays a number (sentences written for these
tests)."""

from __future__ import annotations

from factcheck.extract import extract_text
from factcheck.model import Figure


def money(text: str, lang: str) -> list[Figure]:
    return [f for f in extract_text(text, lang) if f.kind == "money"]  # type: ignore[arg-type]


def test_a_money_word_takes_the_one_currency_the_document_established() -> None:
    text = ("La start-up avait levé 20 millions d'euros en 2022.\n\n"
            "Cette année, la jeune pousse a levé 148 millions.")
    first, second = money(text, "fr")
    assert (second.value, second.currency, second.currency_source) == (148e6, "EUR", "context")
    assert first.currency_source is None


def test_no_money_word_or_two_currencies_leave_a_number() -> None:
    two = ("Le groupe a levé 20 millions d'euros et 15 millions de dollars.\n\n"
           "Au total, il a levé 148 millions.")
    assert [f.value for f in money(two, "fr")] == [20e6, 15e6]
    none = "The firm earned $20 million.\n\nThe city has 12 million inhabitants now."
    assert [f.value for f in money(none, "en")] == [20e6]


def test_the_same_amount_written_elsewhere_gives_its_currency() -> None:
    text = ("Une banque verse 38 millions\n"
            "La banque versera 40 millions de francs suisses (38 millions d'euros).")
    head = money(text, "fr")[0]
    assert (head.value, head.currency, head.currency_source) == (38e6, "EUR", "context")


def test_a_restatement_takes_the_currency_the_document_converts_into() -> None:
    text = ("Le prêt de 150 millions de dollars, soit environ 82,5 milliards de FCFA, "
            "finance le Sénégal, puis 100 millions de dollars, soit environ 55 milliards, "
            "pour les routes.")
    last = money(text, "fr")[-1]
    assert (last.value, last.currency, last.currency_source) == (55e9, "XOF", "context")
    teaser = ("The bank must pay 5 million (CHF134.5 million).\n"
              "The bank must pay $135 million (CHF134.5 million) to settle.")
    first = money(teaser, "en")[0]
    assert (first.value, first.currency) == (5e6, "USD")


def test_a_scale_word_of_some_currencies_admits_only_those() -> None:
    text = ("India spent Rs 3 crore on it, about $32b usd in all. "
            "India intends to raise 40,000crores by selling stakes.")
    last = money(text, "en")[-1]
    assert (last.value, last.currency, last.currency_source) == (4e11, "INR", "context")


def test_a_carried_currency_is_recorded_as_context() -> None:
    a, b = money("Ekspornya US$ 2 miliar dan 1,4 miliar ke negara lain.", "id")
    assert (b.currency, b.currency_source, a.currency_source) == ("USD", "context", None)


def test_an_expected_figure_before_an_adverb_or_participle_carries_the_currency() -> None:
    text = "Le groupe vise 410 milliards de yens, contre 500 milliards précédemment escomptés."
    assert [(f.value, f.currency) for f in money(text, "fr")] == [
        (410e9, "JPY"), (500e9, "JPY")]
    text = "The firm now sees $4 billion, against 5 billion expected in May."
    assert [(f.value, f.currency) for f in money(text, "en")] == [(4e9, "USD"), (5e9, "USD")]
