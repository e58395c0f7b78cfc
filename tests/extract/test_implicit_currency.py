"""Implicit currency: a bare amount with a scale word takes the currency the text around it
establishes, recorded as context; otherwise it stays a number (sentences written for these
tests)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_text
from factcheck.extract.cores import Amount
from factcheck.extract.implicit_currency import Certain, Conversions
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
    text = ("Un assureur paie 27 millions\n"
            "L'assureur paiera 28 millions de francs suisses (27 millions d'euros).")
    head = money(text, "fr")[0]
    assert (head.value, head.currency, head.currency_source) == (27e6, "EUR", "context")


def test_a_restatement_takes_the_currency_the_document_converts_into() -> None:
    text = ("Le prêt de 150 millions de dollars, soit environ 82,5 milliards de FCFA, "
            "finance le Sénégal, puis 200 millions de dollars, soit près de 110 milliards, "
            "pour les routes.")
    last = money(text, "fr")[-1]
    assert (last.value, last.currency, last.currency_source) == (110e9, "XOF", "context")
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


CODES = st.sampled_from(["USD", "EUR", "IDR", "JPY", None])
AMOUNTS = st.lists(st.tuples(st.sampled_from(["money", "bare"]), CODES,
                             st.sampled_from([5.0, 9e9, 9e9 * (1 + 5e-10), 0.0, -3.0, 38e6]),
                             st.sampled_from([None, "evidence", "context"]),
                             st.booleans()), max_size=14)


@settings(max_examples=300, deadline=None)
@given(AMOUNTS, st.lists(st.sampled_from([0, 1, 2, 3]), max_size=30),
       st.sampled_from([None, frozenset({"USD"}), frozenset({"IDR", "JPY"})]))
def test_the_indexed_look_ups_answer_as_the_plain_definitions(
        rows: list[tuple[str, str | None, float, str | None, bool]], gaps: list[int],
        allowed: frozenset[str] | None) -> None:
    """Nearest conversion, same amount and established currency, each from an index built
    once per document, give what a walk over every amount gives."""
    text, amounts = "", []
    for index, (kind, code, value, source, _) in enumerate(rows):
        text += ("\n\n" if gaps[index:index + 1] == [3] else " x ")
        amounts.append(Amount(len(text), len(text) + 3, value, 1.0, kind, code,
                              currency_source=source))
        text += "9 m"
    pairs = {i: i - 1 for i, row in enumerate(rows) if i and row[4]}
    converted = {id(amounts[i]) for i in pairs}
    certain = Certain(text, amounts, converted)
    conversions = Conversions([(amounts[j], amounts[i]) for i, j in pairs.items()])
    plain = [(amounts[j], amounts[i]) for i, j in sorted(pairs.items())
             if amounts[i].currency and amounts[j].currency]
    for amount in amounts:
        written = {a.currency for a in amounts if a is not amount and a.kind == "money"
                   and a.currency and a.currency_source is None
                   and math.isclose(a.value, amount.value, rel_tol=1e-9)}
        if amount.kind == "bare":
            assert certain.same(amount.value) == (written.pop() if len(written) == 1 else None)
        start = text.rfind("\n\n", 0, amount.start) + 1
        stop = text.find("\n\n", amount.end)
        stop = len(text) if stop < 0 else stop
        ruled = [a for a in amounts if a.kind == "money" and a.currency and id(a) not in converted
                 and a.currency_source != "context" and (allowed is None or a.currency in allowed)]
        expected = None
        for scope in ([a for a in ruled if start <= a.start < stop], ruled):
            if {a.currency for a in scope}:
                found = {a.currency for a in scope}
                expected = found.pop() if len(found) == 1 else None
                break
        assert certain.established(amount, allowed) == expected
        for code in ("USD", "EUR", "IDR", "JPY"):
            for side, (mine, other) in (("into", (0, 1)), ("from_", (1, 0))):
                found_ = [(p[1].start, p[other].currency) for p in plain
                          if p[mine].currency == code and p[other].currency != code]
                before = [c for s, c in found_ if s < amount.start]
                after = [c for s, c in found_ if s >= amount.start]
                want = before[-1] if before else (after[0] if after else None)
                assert getattr(conversions, side)(code, amount.start) == want


def test_centimes_after_a_scale_word_are_a_hundredth_of_the_dinar() -> None:
    text = ("À Alger, le Trésor a levé 300 milliards de dinars. Les douanes ont saisi près de "
            "250 milliards de centimes en une semaine.")
    last = money(text, "fr")[-1]
    assert (last.text, last.value, last.currency, last.currency_source) == (
        "250 milliards de centimes", 2.5e9, "DZD", "context")
    english = money("Algeria's treasury raised 300 billion dinars, then 50 billion centimes "
                    "more.", "en")[-1]
    assert (english.text, english.value, english.currency) == (
        "50 billion centimes", 5e8, "DZD")


def test_centimes_of_a_currency_not_counted_so_are_left_as_written() -> None:
    text = ("Le budget atteint 6 milliards d'euros. L'État a récupéré 100 milliards de centimes "
            "en un mois.")
    last = money(text, "fr")[-1]
    assert (last.text, last.value, last.currency) == ("100 milliards", 1e11, "EUR")


def test_centimes_after_a_scale_word_in_english_copy_about_euros_stay_no_figure() -> None:
    assert [f.text for f in money("The budget is 6 billion euros, and 100 billion centimes "
                                  "came back.", "en")] == ["6 billion euros"]


def test_a_plain_number_with_words_of_price_after_it_takes_its_sentences_currency() -> None:
    text = ("Rombongan itu membayar Rp 60 juta per orang.\n"
            "Kami kira 8.000 paling mahal, ternyata di Qatar 12.000 riyal.")
    eight = next(f for f in money(text, "id") if f.text == "8.000")
    assert (eight.value, eight.currency, eight.currency_source) == (8000, "SAR", "context")
    fr = money("La version neuve est 900 moins chère que l'ancienne, vendue 25 000 euros.",
               "fr")
    assert [(f.text, f.currency) for f in fr] == [("900", "EUR"), ("25 000 euros", "EUR")]


def test_a_plain_number_before_words_of_price_stays_a_number_without_one_currency() -> None:
    year = extract_text("Harga tiket 2024 paling mahal, capai US$ 900 per kursi.", "id")
    assert [f.text for f in year] == ["US$ 900"]
    assert [f.text for f in money("Kami kira 8.000 paling mahal.", "id")] == []
    two = "Kami kira 8.000 paling mahal, ternyata 12.000 riyal dan Rp 45 juta di Mesir."
    assert [f.text for f in money(two, "id") if f.currency_source == "context"] == []


@given(st.text(alphabet="aeilmnoprsgh İ8.,", max_size=60))
def test_the_words_of_price_are_found_where_a_whole_scan_finds_them(noise: str) -> None:
    from factcheck.extract.lexicon import lexicon
    from factcheck.extract.priced_numbers import _first_words, _matches, _words_re

    lex = lexicon("id")
    words = _words_re(lex)
    assert words is not None
    text = f"{noise} 8.000 Paling Mahal {noise} lebih  murah"
    found = [m.span() for m in _matches(text, words, _first_words(lex))]
    assert found == [m.span() for m in words.finditer(text)]
    assert len(found) >= 2
