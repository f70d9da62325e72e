"""A version named ``REV:PATH`` (``HEAD^:plans/ashiya.yaml``), read with ``git show`` as git reads it: PATH from the
top of the repository, or from the current folder when it starts with ``./``. An argument that is an existing file
is always that file."""

from __future__ import annotations

import os
import re
import subprocess

from jusou_spec.errors import JusouError
from jusou_spec.findings import Message

__all__ = ["GIT_TIMEOUT", "RevisionUnreadable", "git_show", "revision_path"]

GIT_TIMEOUT = 30.0
"""Seconds ``git show`` may take before the comparison gives up (a hung credential prompt, a huge repository)."""

_REVISION = re.compile(r"^(?P<rev>[^:\s][^:]*):(?P<path>.+)$")


class RevisionUnreadable(JusouError):
    """``git show REV:PATH`` could not give the file: git is missing, the revision or path is unknown, or it hung."""

    def __init__(self, argument: str, message: Message) -> None:
        super().__init__(argument, message)
        self.argument = argument
        self.message = message

    def __str__(self) -> str:
        return self.message.en


def revision_path(argument: str) -> tuple[str, str] | None:
    """(REV, PATH) when ``argument`` names a file at a git revision rather than an existing file; else None.

    >>> revision_path("HEAD^:plans/ashiya.yaml")
    ('HEAD^', 'plans/ashiya.yaml')
    >>> revision_path("plans/ashiya.yaml") is None
    True
    """
    if os.path.lexists(argument):
        return None
    found = _REVISION.match(argument)
    if found is None or (len(found["rev"]) == 1 and found["rev"].isalpha() and os.name == "nt"):
        return None
    return found["rev"], found["path"]


def git_show(argument: str, *, timeout: float = GIT_TIMEOUT) -> bytes:
    """The bytes of ``REV:PATH`` at its revision; raises :class:`RevisionUnreadable` with a message saying why."""
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", "show", "--no-textconv", argument],
            capture_output=True,
            timeout=timeout,
            check=False,
            env=environment,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise RevisionUnreadable(
            argument,
            Message(
                ja=f"{argument}: ファイルがなく、REV:PATH として読むための git も見つかりません（git を入れてください）",
                en=f"{argument}: no such file, and git, needed to read it as REV:PATH, is not installed",
            ),
        ) from None
    except subprocess.TimeoutExpired:
        raise RevisionUnreadable(
            argument,
            Message(
                ja=f"{argument}: git show が {timeout:g} 秒で終わりませんでした",
                en=f"{argument}: git show did not finish within {timeout:g} seconds",
            ),
        ) from None
    except OSError as error:
        raise RevisionUnreadable(
            argument,
            Message(
                ja=f"{argument}: git を実行できません（{error.strerror}）",
                en=f"{argument}: cannot run git ({error.strerror})",
            ),
        ) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[0].removeprefix("fatal: ") if said else f"exit {done.returncode}"
        raise RevisionUnreadable(
            argument,
            Message(
                ja=f"{argument}: ファイルがなく、git のリビジョンとしても読めません（git: {reason}）",
                en=f"{argument}: no such file, and git cannot read it as a revision ({reason})",
            ),
        )
    return done.stdout
