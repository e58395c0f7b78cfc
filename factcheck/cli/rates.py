"""The `rate`, `convert` and `date-rates` commands: reference rates and what they date.
The work is in ``factcheck.reference_rates``; these print what it returns."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.options import LangChoice, parse_date


def rate_command(
    base: Annotated[str, typer.Argument(help="Currency converted from, e.g. USD.")],
    quote: Annotated[str, typer.Argument(help="Currency converted to, e.g. IDR.")],
    on: Annotated[str | None, typer.Option("--date", help="Date (YYYY-MM-DD); default the "
                                                          "table's last day.")] = None,
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV instead of ECB.",
                                               readable=False)] = None,
) -> None:
    """Print the reference rate of QUOTE per one BASE on a date, and the date used."""
    from factcheck.normalise.money_format import format_rate
    from factcheck.reference_rates import rate

    found = rate(base, quote, parse_date(on), rates=rates)
    typer.echo(f"{format_rate(found.rate, found.base, found.quote, 'en')} on "
               f"{found.used.isoformat()} (requested {found.requested.isoformat()}; "
               f"{found.source})")


AMOUNT_LANG = LangChoice("id")  # the language of `convert`'s amount unless --lang says


def convert_command(
    amount: Annotated[str, typer.Argument(help='An amount as written, e.g. "US$ 5 miliar".')],
    to: Annotated[str, typer.Option("--to", help="Target currency, e.g. IDR.")],
    on: Annotated[str | None, typer.Option("--date", help="Date (YYYY-MM-DD).")] = None,
    lang: Annotated[LangChoice, typer.Option(help="Language of the amount.")] = AMOUNT_LANG,
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV instead of ECB.",
                                               readable=False)] = None,
) -> None:
    """Convert an amount as written ("US$ 5 miliar") at the reference rate of a date."""
    from factcheck.reference_rates import convert

    language = "id" if lang is LangChoice.auto else lang.value
    done = convert(amount, to, parse_date(on), language, rates=rates)
    found = done.rate
    typer.echo(f"{done.text}  (at {found.rate:,.6g} {found.quote}/{found.base} on "
               f"{found.used.isoformat()}; {found.source})")


def date_rates_command(
    paths: Annotated[list[Path], typer.Argument(help="Articles to date.", readable=False)],
    lang: Annotated[LangChoice, typer.Option(help="Language of the texts.")] = LangChoice.auto,
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV instead of ECB.",
                                               readable=False)] = None,
) -> None:
    """Print the periods whose reference rates fit all of an article's conversions."""
    from factcheck.cli.exits import inputs_exit_code
    from factcheck.reference_rates import date_rates

    language = None if lang is LangChoice.auto else lang.value
    results, errors = date_rates(paths, lang=language, rates=rates)
    for error in errors:
        typer.echo(f"error: {error}", err=True)
    for article in results:
        if not article.pairs:
            typer.echo(f"{article.path}: no currency conversions to date it by")
        for fit in article.pairs:
            when = ", ".join(fit.periods) or "no date in the rate table"
            plural = "s" if fit.conversions > 1 else ""
            typer.echo(f"{article.path}: {fit.pair}, {fit.conversions} conversion{plural}: "
                       f"{when}")
    if errors:
        raise typer.Exit(inputs_exit_code(errors))
