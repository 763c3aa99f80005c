"""The `testimony-app` command line: a thin face over the vault API.

main.py parses the arguments and runs one command; vault_commands.py and record_commands.py
are the commands; secrets_input.py is where passphrases and recovery codes come from;
errors.py turns every error into an exit code and one line; output.py shows records.
"""

from testimony_app.cli.main import main

__all__ = ["main"]
