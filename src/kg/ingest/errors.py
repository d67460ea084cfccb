"""The one error a user's input can cause: it names the file and the reason, never a traceback."""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot become a document. `str()` is the one line the CLI prints."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
