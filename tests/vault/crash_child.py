"""A child process for the crash tests: works on a vault until the parent (or itself) kills it.

    python -m tests.vault.crash_child save VAULT START
    python -m tests.vault.crash_child change|rekey VAULT [--once] [--die-at K] [--count]

Passphrases come from CRASH_CURRENT and CRASH_NEW. "ack ..." is printed only after the work it
names is durable. With --die-at K the process SIGKILLs itself just before its K-th file-system
mutation (write, fsync, replace, rename, unlink) in the operation; --count prints how many
there were instead.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from testimony_app.vault import Vault
from tests.helpers import write_note

MUTATIONS = ("write", "fsync", "replace", "rename", "unlink")


def arm(die_at: int | None) -> list[int]:
    counter = [0]
    for name in MUTATIONS:
        original = getattr(os, name)

        def wrapper(*args: object, _original: object = original, **kwargs: object) -> object:
            counter[0] += 1
            if die_at is not None and counter[0] == die_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return _original(*args, **kwargs)  # type: ignore[operator]

        setattr(os, name, wrapper)
    return counter


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> None:
    mode, vault_dir = argv[0], Path(argv[1])
    current, new = os.environ["CRASH_CURRENT"], os.environ["CRASH_NEW"]
    vault = Vault.unlock(vault_dir, current)
    say("ready")
    if mode == "save":
        index = int(argv[2])
        while True:
            write_note(vault, f"note-{index}")
            say(f"ack {index}")
            index += 1
    once = "--once" in argv
    die_at = int(argv[argv.index("--die-at") + 1]) if "--die-at" in argv else None
    counter = arm(die_at) if (once or die_at) else [0]
    while True:
        if mode == "change":
            vault.change_passphrase(new)
        else:
            vault.rekey(new)
        say(f"ack {new}")
        if once:
            if "--count" in argv:
                say(f"count {counter[0]}")
            return
        current, new = new, current


if __name__ == "__main__":
    main(sys.argv[1:])
