"""File names as the machine-readable formats need them: relative to the source root, as URIs, as escaped text.

A file name on a POSIX system is bytes; Python holds the bytes that are not UTF-8 as lone surrogates, which no
UTF-8 output can carry. JSON and XML show such a byte as ``\\xff`` (:func:`printable_name`), URIs percent-encode
the byte itself (:func:`relative_uri`, :func:`file_uri`), so every format stays valid UTF-8 whatever the name.

The source root is what code-scanning services call ``%SRCROOT%``: the top of the git work tree holding the
first checked file, else the working folder; a file's location relative to it is the same wherever the command
runs from.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from jusou_spec.findings import Finding

__all__ = ["file_uri", "fingerprints", "printable_name", "relative_name", "relative_uri", "shown_name", "source_root"]


def _bytes(name: str) -> bytes:
    try:
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogatepass")


def printable_name(name: str) -> str:
    r"""The name with each byte that is not UTF-8 written as ``\xNN``, so it can go into JSON and XML.

    >>> printable_name(b"bad\xff\xfe.yaml".decode("utf-8", "surrogateescape"))
    'bad\\xff\\xfe.yaml'
    """
    return _bytes(name).decode("utf-8", "backslashreplace")


def source_root(paths: Sequence[str]) -> Path:
    """The top of the git work tree holding the first of ``paths``, else the working folder."""
    cwd = Path.cwd()
    if paths:
        start = Path(os.path.abspath(paths[0]))
        for folder in (start, *start.parents):
            if (folder / ".git").exists():
                return folder
    return cwd


def relative_name(file: str, root: Path) -> str | None:
    """The file's path below ``root`` with ``/`` separators, or None when it is not below ``root``."""
    absolute = Path(os.path.abspath(file))
    try:
        return PurePosixPath(absolute.relative_to(root)).as_posix()
    except ValueError:
        return None


def relative_uri(relative: str) -> str:
    """A relative path as a URI reference, every byte that is not unreserved percent-encoded.

    >>> relative_uri("plans/芦屋市 a.yaml")
    'plans/%E8%8A%A6%E5%B1%8B%E5%B8%82%20a.yaml'
    """
    return quote(_bytes(relative), safe="/")


def file_uri(file: str) -> str:
    """An absolute ``file:`` URI for a file outside the source root."""
    return "file://" + quote(_bytes(Path(os.path.abspath(file)).as_posix()), safe="/")


def shown_name(file: str, root: Path) -> str:
    """The name a report shows for a file: relative to the root when below it, else the absolute ``file:`` URI."""
    relative = relative_name(file, root)
    return relative if relative is not None else file_uri(file)


def fingerprints(findings: Sequence[Finding], root: Path) -> list[str]:
    """One identity per finding, made from what it is (file, code, JSON pointer, English message), not from its
    line, so it survives lines moving above it; a finding that occurs twice is numbered ``:1``, ``:2``."""
    seen: Counter[str] = Counter()
    identities = []
    for finding in findings:
        name = shown_name(finding.file or "", root)
        identity = "\0".join((name, finding.code, finding.pointer, finding.message.en))
        digest = hashlib.sha256(_bytes(identity)).hexdigest()[:32]
        seen[digest] += 1
        identities.append(f"{digest}:{seen[digest]}")
    return identities
