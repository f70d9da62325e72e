"""Writing files atomically: a temporary file in the same folder, then a rename.

A reader (an editor, a web server, a CI artefact upload) never sees half a diagram or half a schema, and an
interrupted run leaves the previous file in place. A named pipe or a character device (``-o /dev/null``,
``-o /dev/stdout``, ``-o >(gzip)``) is written into, never replaced: renaming over ``/dev/null`` as root would
leave a regular file where every program expects the device.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from jusou_spec.files import NotRegularFile, file_kind, streams_into, write_stream

__all__ = ["write_bytes_atomically", "write_text_atomically"]


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (creating the parent folder when needed).

    A symbolic link is written through: its target is replaced and the link stays. An existing file keeps its
    permissions (a 0600 file stays private); a new one gets 0644. An error names ``path``, the file the user asked
    for, never the temporary file.
    """
    if streams_into(path):
        write_stream(path, data)
        return
    target = Path(os.path.realpath(path))
    try:
        status = os.stat(target)
    except FileNotFoundError:
        mode = 0o644
    except OSError as error:
        raise _named(error, path) from error
    else:
        if not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):  # a socket, a block device
            raise NotRegularFile(os.fsdecode(os.fspath(path)), *file_kind(status.st_mode))
        mode = stat.S_IMODE(status.st_mode)
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
