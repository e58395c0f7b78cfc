"""The `rate`, `convert` and `date-rates` commands: reference rates and what they date."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.options import LangChoice, config_error, parse_date


def rate_command(
    base: Annotated[str, typer.Argument(help="Currency converted from, e.g. USD.")],
    quote: Annotated[str, typer.Argument(help="Currency converted to, e.g. IDR.")],
    on: Annotated[str | None, typer.Option("--date", help="Date (YYYY-MM-DD); default the "
                                                          "table's last day.")] = None,
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV instead of ECB.")] = None,
) -> None:
    """Print the reference rate of QUOTE per one BASE on a date, and the date used."""
    from factcheck.errors import ConfigError
    from factcheck.normalise.fx import RateUnavailable, provider_from

    try:
        provider = provider_from(rates)
        day = parse_date(on) or provider.span()[1]
        found = provider.rate(base.upper(), quote.upper(), day)
    except (ConfigError, RateUnavailable) as error:
        raise config_error(error) from None
    from factcheck.normalise.money_format import format_rate

    typer.echo(f"{format_rate(found.rate, found.base, found.quote, 'en')} on "
               f"{found.used.isoformat()} (requested {found.requested.isoformat()}; "
               f"{found.source})")


def significant_decimals(value: float, digits: int) -> int:
    """Decimals that give ``digits`` significant digits once a scale word is chosen."""
    import math

    if value <= 0:
        return 0
    mantissa = value / 1000.0 ** (max(0, int(math.log10(value)) // 3))
    return max(0, digits - 1 - math.floor(math.log10(mantissa)))


def convert_command(
    amount: Annotated[str, typer.Argument(help='An amount as written, e.g. "US$ 5 miliar".')],
    to: Annotated[str, typer.Option("--to", help="Target currency, e.g. IDR.")],
    on: Annotated[str | None, typer.Option("--date", help="Date (YYYY-MM-DD).")] = None,
    lang: Annotated[LangChoice, typer.Option(help="Language of the amount.")] = LangChoice.id,
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV instead of ECB.")] = None,
) -> None:
    """Convert an amount as written ("US$ 5 miliar") at the reference rate of a date."""
    from factcheck.errors import ConfigError
    from factcheck.extract import extract_text
    from factcheck.normalise.fx import RateUnavailable, provider_from
    from factcheck.normalise.money_format import format_amount

    language = "id" if lang is LangChoice.auto else lang.value
    money = [f for f in extract_text(amount, language) if f.kind == "money"]  # type: ignore[arg-type]
    if len(money) != 1 or not money[0].currency:
        typer.echo(f"error: {amount!r} is not one amount of money", err=True)
        raise typer.Exit(2)
    try:
        provider = provider_from(rates)
        day = parse_date(on) or provider.span()[1]
        found = provider.rate(money[0].currency, to.upper(), day)
    except (ConfigError, RateUnavailable) as error:
        raise config_error(error) from None
    value = money[0].value * found.rate
    text = format_amount(value, found.quote, language,  # type: ignore[arg-type]
                         decimals=significant_decimals(value, 3))
    typer.echo(f"{text}  (at {found.rate:,.6g} {found.quote}/{found.base} on "
               f"{found.used.isoformat()}; {found.source})")


def date_rates_command(
    paths: Annotated[list[Path], typer.Argument(help="Articles to date.")],
    lang: Annotated[LangChoice, typer.Option(help="Language of the texts.")] = LangChoice.auto,
    rates: Annotated[Path | None, typer.Option(help="Rate table CSV instead of ECB.")] = None,
) -> None:
    """Print the periods whose reference rates fit all of an article's conversions."""
    from factcheck.analyse.context import DocumentContext
    from factcheck.analyse.dating import describe
    from factcheck.analyse.fx_groups import ConversionGroups
    from factcheck.documents import iter_documents
    from factcheck.errors import ConfigError, InputError
    from factcheck.extract import extract_document
    from factcheck.normalise.fx import provider_from

    try:
        provider = provider_from(rates)
    except ConfigError as error:
        raise config_error(error) from None
    failed = False
    language = None if lang is LangChoice.auto else lang.value
    for item in iter_documents(paths, lang=language):  # type: ignore[arg-type]
        if isinstance(item, InputError):
            typer.echo(f"error: {item}", err=True)
            failed = True
            continue
        ctx = DocumentContext(item, extract_document(item), provider)
        found = ctx.analysis(ConversionGroups).article_dates()
        if not found:
            typer.echo(f"{item.path}: no currency conversions to date it by")
        for pair, used, spans in found:
            when = ", ".join(describe(s) for s in spans) or "no date in the rate table"
            typer.echo(f"{item.path}: {pair}, {used} conversion{'s' if used > 1 else ''}: {when}")
    if failed:
        raise typer.Exit(2)
