"""Writing files atomically: a temporary file in the same folder, then a rename.

A reader (an editor, a web server, a CI artefact upload) never sees half a diagram or half a schema, and an
interrupted run leaves the previous file in place.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_bytes_atomically", "write_text_atomically"]


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (creating the parent folder when needed)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` encoded as UTF-8 with LF line ends."""
    write_bytes_atomically(path, text.encode("utf-8"))
