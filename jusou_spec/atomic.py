"""Writing files atomically: a temporary file in the same folder, then a rename.

A reader (an editor, a web server, a CI artefact upload) never sees half a diagram or half a schema, and an
interrupted run leaves the previous file in place.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

__all__ = ["write_bytes_atomically", "write_text_atomically"]


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (creating the parent folder when needed).

    A symbolic link is written through: its target is replaced and the link stays. An existing file keeps its
    permissions (a 0600 file stays private); a new one gets 0644. An error names ``path``, the file the user asked
    for, never the temporary file.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o644
    except OSError as error:
        raise _named(error, path) from error
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise _named(error, path) from error
    except BaseException:
        _remove(temporary)
        raise


def _named(error: OSError, path: str | os.PathLike[str]) -> OSError:
    """The same error (same class, same errno) naming the path the user gave."""
    return OSError(error.errno, error.strerror or str(error), os.fsdecode(os.fspath(path)))


def _remove(temporary: str | None) -> None:
    if temporary is not None:
        Path(temporary).unlink(missing_ok=True)


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` encoded as UTF-8 with LF line ends."""
    write_bytes_atomically(path, text.encode("utf-8"))
