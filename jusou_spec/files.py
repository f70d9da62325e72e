"""Opening the files a user names: the one door every document, configuration and plan link goes through.

A path on the command line can be anything the file system holds: a named pipe (reading it waits for a writer that
never comes), a socket, a terminal, a device that never ends, a folder, a file the user may not read. Only a regular
file is read. The pipe is opened without blocking, looked at with ``fstat`` and refused before a byte is read, so
no path can hang a check; everything else that goes wrong is an :class:`OSError` naming the path, which the callers
turn into a message.
"""

from __future__ import annotations

import errno
import os
import stat

__all__ = [
    "NotRegularFile",
    "PipeWithoutReader",
    "append_regular",
    "file_kind",
    "read_regular",
    "streams_into",
    "write_stream",
]

_KINDS = (
    (stat.S_ISFIFO, "named pipe (FIFO)", "名前付きパイプ（FIFO）"),
    (stat.S_ISSOCK, "socket", "ソケット"),
    (stat.S_ISCHR, "character device", "キャラクタデバイス"),
    (stat.S_ISBLK, "block device", "ブロックデバイス"),
    (stat.S_ISDIR, "folder", "フォルダ"),
)


class NotRegularFile(OSError):
    """The path is not a regular file (a named pipe, a socket, a device); ``kind`` and ``kind_ja`` say what it is."""

    def __init__(self, path: str, kind: str, kind_ja: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({kind})", path)
        self.kind = kind
        self.kind_ja = kind_ja


class PipeWithoutReader(OSError):
    """Output was asked into a named pipe that no process reads: writing would wait forever."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.ENXIO, "no process reads the named pipe (FIFO)", path)


def file_kind(mode: int) -> tuple[str, str]:
    """What a file of ``mode`` is, in English and Japanese (a regular file when nothing else)."""
    for test, english, japanese in _KINDS:
        if test(mode):
            return english, japanese
    return "file", "ファイル"


def read_regular(path: str | os.PathLike[str], *, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path`` (at most ``limit`` of them).

    Raises :class:`IsADirectoryError` for a folder, :class:`NotRegularFile` for a pipe, socket or device, and the
    other :class:`OSError` (or :class:`ValueError` for a NUL in the path) that opening or reading raises.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fsdecode(os.fspath(path)))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(os.fsdecode(os.fspath(path)), *file_kind(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return _read(descriptor, limit)
    finally:
        os.close(descriptor)


def append_regular(path: str | os.PathLike[str], data: bytes) -> None:
    """Append ``data`` to the regular file at ``path``, creating it (0644 before the umask) when it is missing.

    For files the environment names (``GITHUB_STEP_SUMMARY``): a named pipe there would block the command forever
    waiting for a reader, so the file is opened without blocking and refused, as :func:`read_regular` refuses one,
    unless it is a regular file.
    """
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o644)
    except OSError as error:
        if error.errno == errno.ENXIO:  # a named pipe no one reads (opened without blocking), or a socket
            raise NotRegularFile(os.fsdecode(os.fspath(path)), *file_kind(os.stat(path).st_mode)) from error
        raise
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(os.fsdecode(os.fspath(path)), *file_kind(mode))
        _write_all(descriptor, data)
    finally:
        os.close(descriptor)


def _write_all(descriptor: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``descriptor`` (opened without blocking: block from now on)."""
    if hasattr(os, "set_blocking"):
        os.set_blocking(descriptor, True)
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def streams_into(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an existing named pipe or character device, which output is written into as a stream
    (``-o /dev/null``, ``-o /dev/stdout``, ``-o >(gzip)``) rather than replaced by a regular file."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def write_stream(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` into the named pipe or character device at ``path``.

    The pipe is opened without blocking: with no one reading it, the command would wait forever, so that is
    :class:`PipeWithoutReader`. Anything but a pipe or a character device is :class:`NotRegularFile`, so a block
    device is never written over.
    """
    name = os.fsdecode(os.fspath(path))
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ENXIO and stat.S_ISFIFO(os.stat(path).st_mode):
            raise PipeWithoutReader(name) from error
        raise
    try:
        mode = os.fstat(descriptor).st_mode
        if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
            raise NotRegularFile(name, *file_kind(mode))
        _write_all(descriptor, data)
    finally:
        os.close(descriptor)


def _read(descriptor: int, limit: int | None) -> bytes:
    chunks: list[bytes] = []
    wanted = limit
    while wanted is None or wanted > 0:
        chunk = os.read(descriptor, 1 << 20 if wanted is None else min(wanted, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        if wanted is not None:
            wanted -= len(chunk)
    return b"".join(chunks)
