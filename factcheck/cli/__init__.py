"""The command line: parses arguments, calls the library, maps errors to exit codes.

One module per group of commands (extract, audit, fix, rates, rules); this one builds the app
from them, each command wrapped so that its errors become exit codes (``cli.exits``).
Heavy modules (pydantic, babel, pint, pandas) are imported inside the commands so that
``factcheck --help`` stays fast.
"""

from __future__ import annotations

import sys

import typer

from factcheck.cli.audit import audit_command
from factcheck.cli.exits import (
    error_exit_code,
    mapped,
    report_internal_error,
)
from factcheck.cli.extract import extract_command
from factcheck.cli.fix import fix_command
from factcheck.cli.lsp import lsp_command
from factcheck.cli.project import config_command
from factcheck.cli.rates import convert_command, date_rates_command, rate_command
from factcheck.cli.rules import rules_command, schema_command
from factcheck.cli.serve import serve_command
from factcheck.errors import FactcheckError

app = typer.Typer(
    help="Catch figures that do not add up: extract and check money, units, rates and dates.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(mapped(extract_command))
app.command("schema")(mapped(schema_command))
app.command("audit")(mapped(audit_command))
app.command("fix")(mapped(fix_command))
app.command("lsp")(mapped(lsp_command))
app.command("serve")(mapped(serve_command))
app.command("rules")(mapped(rules_command))
app.command("rate")(mapped(rate_command))
app.command("convert")(mapped(convert_command))
app.command("date-rates")(mapped(date_rates_command))
app.command("config")(mapped(config_command))


def main() -> None:
    """Console entry point. The commands map their own errors to exit codes; what escapes
    them (an interrupt, a bug outside a command) is settled here, in one
    line (the traceback only when FACTCHECK_DEBUG is set)."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        sys.exit(130)
    except FactcheckError as error:
        sys.stderr.write(f"error: {error}\n")
        sys.exit(error_exit_code(error))
    except Exception as error:
        report_internal_error(error)
        sys.exit(error_exit_code(error))
