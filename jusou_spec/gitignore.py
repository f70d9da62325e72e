"""What git ignores, asked of git itself: a folder walk skips the files a repository's ``.gitignore`` lists.

``git check-ignore --stdin`` applies every ignore file git would (``.gitignore`` at every level,
``.git/info/exclude``, the user's global excludes) exactly as git does, so no second implementation of its pattern
language is needed, and no dependency. Outside a work tree, or where git is not installed or does not answer in
time, nothing is ignored.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

__all__ = ["GIT_TIMEOUT", "ignored_by_git"]

GIT_TIMEOUT = 30.0
"""Seconds git may take to answer before the walk goes on without its answer."""


def ignored_by_git(folder: Path, candidates: Sequence[Path]) -> frozenset[Path]:
    """The ``candidates`` (files or folders below ``folder``) that git ignores, when ``folder`` is in a work tree."""
    if not candidates:
        return frozenset()
    names = b"".join(os.fsencode(os.path.relpath(path, folder)) + b"\0" for path in candidates)
    try:
        answer = subprocess.run(
            ["git", "check-ignore", "--stdin", "-z"],
            input=names,
            cwd=folder,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    # 0: some are ignored, 1: none are, 128: not a work tree (or another fatal error).
    if answer.returncode != 0:
        return frozenset()
    return frozenset(folder / os.fsdecode(name) for name in answer.stdout.split(b"\0") if name)
