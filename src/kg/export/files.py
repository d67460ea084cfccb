"""Writing an output file whole or not at all: into FILE.part beside it, then renamed over FILE,
so an interrupted export never leaves a half-written file where a good one was."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """The temporary path to write; it replaces `path` when the block ends without an error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        yield tmp
        try:
            tmp.replace(path)
        except OSError as e:  # name the file the user asked for, not our temporary one
            raise type(e)(e.errno, e.strerror, str(path)) from None
    finally:
        tmp.unlink(missing_ok=True)
