"""Market quotes: a currency named as the subject of a quoting verb, then its price.

"the rupee traded at 1.216 euro", "le dollar s'échangeait à 0,92 euro", "the yen weakened
to 150 per dollar", "dolar AS diperdagangkan di Rp 15.800" state the rate of the currency
named before the verb (the base) in the currency of the amount after it (the quote): the
amount is a rate, not a price or a sum of money. The verbs and their prepositions are
language data (``quote_verbs``, ``quote_prepositions`` in ``amounts.yaml``); a few words
may stand between a verb and its preposition ("la roupie a gagné cette semaine 0,6 % à").
The subject must stand right before the verb (or before an aside between commas), not
modify another noun ("euro bonds traded at 98 cents"), and be no name that may mean
something else ("a pound of beef rose to €12": the names that are a currency only after
a scale word). A subject several currencies share with no default among them ("the
rupee") is decided by the document's evidence once the amounts' own currencies are: the
one candidate an amount of the document is written in, else the one the text names or
whose country it names; undecided, the amount keeps its first reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from factcheck.extract.cores import Amount
from factcheck.extract.currency_evidence import DocumentEvidence, family_default
from factcheck.extract.currency_match import name_at
from factcheck.extract.currency_places import in_use
from factcheck.extract.word_patterns import NOT_LETTER_BEFORE, SP, alternation
from factcheck.lang.currency_words import Reading, currency_words
from factcheck.lang.loader import language
from factcheck.model import Lang

#: How far before the amount the quoting verb may start, and the subject before the verb.
VERB_REACH = 80
SUBJECT_REACH = 40
GAP_WORDS = 4  # words between the verb and its preposition
_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
#: The run of letters (possibly cut by the window) that ends before the spaces at the end.
_WORD_BEFORE = re.compile(rf"[^\W\d_]*(?={SP}*$)")
WORD_REACH = 40
#: Between the subject and its verb: nothing but spaces, or an aside between commas with no
#: number ("the rupee, weak all week, traded at"); a word there makes the currency another
#: noun's modifier ("euro bonds traded at 98 cents", "the dollar index rose to").
_SUBJECT_GAP = re.compile(rf"{SP}*(?:,[^\d.;:!?()\[\],\n]*,{SP}*)?")


@cache
def _quote_verb(lang: Lang) -> re.Pattern[str] | None:
    """A quoting verb, then the amount right away or after a preposition a few words on
    (a change, a time: "gained 0.6% this week to")."""
    data = language(lang).amounts
    if not data.quote_verbs:
        return None
    gap = rf"(?:(?:[^\s.;:!?()\[\]]|[.,](?=\d))+{SP}+){{0,{GAP_WORDS}}}?"
    preps = alternation(data.quote_prepositions) if data.quote_prepositions else "(?!)"
    return re.compile(rf"{NOT_LETTER_BEFORE}(?i:{alternation(data.quote_verbs)})"
                      rf"(?:{SP}+{gap}(?i:{preps}))?{SP}*$")


@cache
def _last_words(lang: Lang) -> frozenset[str] | None:
    """The words a quote's verb or preposition may end with, casefolded: the word right
    before a quoted amount is one of them (None: some entry ends in no letter, so no word
    may be ruled out)."""
    data = language(lang).amounts
    words = set()
    for entry in (*data.quote_verbs, *data.quote_prepositions):
        last = _LAST_WORD.search(entry)
        if last is None:
            return None
        words.add(last.group().casefold())
    return frozenset(words)


def _word_before(text: str, start: int) -> str:
    """The run of letters that ends right before ``start`` and the spaces after it (its
    end only, if it is longer than ``WORD_REACH``)."""
    word = _WORD_BEFORE.search(text, max(0, start - WORD_REACH), start)
    return word.group() if word else ""


def quoted_subject(text: str, start: int, lang: Lang) -> Reading | None:
    """The currencies the subject of a quoting verb right before ``start`` may stand for
    ("the rupee traded at" before "1.216 euro"), if there is one."""
    verb_re = _quote_verb(lang)
    last_words = _last_words(lang)
    if verb_re is None or (last_words is not None
                           and _word_before(text, start).casefold() not in last_words):
        return None  # no verb or preposition of a quote ends right before the amount
    verb = verb_re.search(text, max(0, start - VERB_REACH), start)
    if verb is None:
        return None
    found = None
    other_senses = currency_words(lang).scale_only  # "a pound of beef rose to €12"
    for word in _WORD_START.finditer(text, max(0, verb.start() - SUBJECT_REACH), verb.start()):
        name = name_at(text, word.start(), lang)
        if name is not None and name[2] <= verb.start() \
                and name[1].lower() not in other_senses \
                and _SUBJECT_GAP.fullmatch(text, name[2], verb.start()):
            found = name[0]  # the nearest before the verb wins
    return found


def quote_base(subject: Reading, dollar: str) -> str | None:
    """The one currency a subject stands for without evidence."""
    return next(iter(subject)) if len(subject) == 1 else family_default(subject, dollar)


def quotable(amount: Amount) -> bool:
    """Whether ``amount`` may be a quoted rate: one sum (money, or a price of nothing named
    yet), no scale word, range or time."""
    return (amount.kind in ("money", "price", "bare") and not amount.has_scale
            and amount.range_first is None and amount.per is None)


def make_quote(amount: Amount, base: str) -> bool:
    """Make ``amount`` (money in a decided currency) a rate per ``base``; False when it is
    no quote of ``base`` (the same currency)."""
    if amount.kind == "bare" or not quotable(amount) or amount.currency in (None, base):
        return False
    amount.kind, amount.unit = "rate", base
    return True


def decide_quotes(amounts: Sequence[Amount], doc: DocumentEvidence) -> None:
    """Decide the subjects left to the evidence (``Amount.quote_subject``)."""
    for amount in amounts:
        subject, amount.quote_subject = amount.quote_subject, None
        if subject is None:
            continue
        left = in_use(subject, doc.on)
        written = frozenset(a.currency for a in amounts if a.currency in left
                            and a.currency_source is None and a.candidates is None)
        for hits in (written, doc.words("mentions", left), doc.words("countries", left)):
            if hits & left:
                left = hits & left
            if len(left) == 1:
                make_quote(amount, next(iter(left)))
                break
