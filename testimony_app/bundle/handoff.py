"""Handing pieces of a stream to a thread of its own, so two stages of a bundle overlap.

pyrage holds the GIL while it encrypts or decrypts, and calls back into Python for every
64 KiB. What happens in that callback — writing to the disk, hashing, SQLite — would stop
the encryption for as long; most of it runs outside the GIL, so on a thread of its own it
runs beside pyrage instead. The queue between the two holds at most `depth` batches, so
memory stays bounded. An error on the thread comes back from the next `put`, and stays in
`error` for whoever closes it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

_DONE = None


class Handoff:
    """`consume(piece)` for the pieces `put`, in order, on a thread named `name`.

    pyrage's pieces are small (8 KiB when it decrypts): they are gathered into batches of
    `batch` bytes before they cross, since every crossing costs a lock and a thread switch.
    """

    def __init__(
        self, consume: Callable[[bytes], None], *, depth: int, name: str, batch: int = 1 << 20
    ) -> None:
        self._consume = consume
        self._batch = batch
        self._pending = bytearray()
        self.error: BaseException | None = None
        self._abandoned = threading.Event()
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (piece := self._queue.get()) is not _DONE:
            if self.error is not None or self._abandoned.is_set():
                continue  # keep taking, so that a `put` blocked on a full queue returns
            try:
                self._consume(piece)
            except BaseException as error:  # noqa: BLE001 - handed back through put/error
                self.error = error

    def put(self, piece: bytes) -> None:
        if self.error is not None:
            raise self.error
        self._pending += piece
        if len(self._pending) >= self._batch:
            self._queue.put(bytes(self._pending))
            self._pending.clear()

    def close(self, *, abandon: bool = False) -> None:
        """Wait until every piece put is consumed (or, with `abandon`, skip what is left)."""
        if abandon:
            self._abandoned.set()
        elif self._pending and self._thread.is_alive():
            self._queue.put(bytes(self._pending))
        self._pending.clear()
        if self._thread.is_alive():
            self._queue.put(_DONE)
            self._thread.join()


__all__ = ["Handoff"]
