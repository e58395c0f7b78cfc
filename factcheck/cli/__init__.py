"""The command line: parses arguments, calls the library, maps errors to exit codes.

One module per group of commands (extract, audit, rates, rules); this one builds the app
from them. Heavy modules (pydantic, babel, pint, pandas) are imported inside the commands
so that ``factcheck --help`` stays fast.
"""

from __future__ import annotations

import sys

import typer

from factcheck.cli.audit import audit_command
from factcheck.cli.extract import extract_command
from factcheck.cli.rates import convert_command, date_rates_command, rate_command
from factcheck.cli.rules import rules_command, schema_command

app = typer.Typer(
    help="Catch figures that do not add up: extract and check money, units, rates and dates.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract_command)
app.command("schema")(schema_command)
app.command("audit")(audit_command)
app.command("rules")(rules_command)
app.command("rate")(rate_command)
app.command("convert")(convert_command)
app.command("date-rates")(date_rates_command)


def main() -> None:
    """Console entry point: every failure becomes a one-line message and exit code 2."""
    import os

    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        sys.exit(130)
    except Exception as error:  # a bug: say so in one line, never a traceback by default
        from factcheck.errors import FactcheckError

        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        if isinstance(error, FactcheckError):
            sys.stderr.write(f"error: {error}\n")
        else:
            sys.stderr.write(f"factcheck: internal error: {type(error).__name__}: {error} "
                             "(set FACTCHECK_DEBUG=1 for the traceback)\n")
        sys.exit(2)
