"""Suppressing a finding in the document itself, with a reason, and keeping the suppression visible.

A plan may carry findings its source explains (a contractor the published plan does not name, a meeting whose
consent it does not describe). Rather than switch a rule off for every document, a planner writes, in the
document, which finding to set aside and why::

    抑制:
      - 規則: DL001
        位置: /事業/11/実施方式/0
        理由: 計画書は委託先を記載していない（出典 5 (5) ア）

A suppression applies to the findings of that code at that JSON pointer or below it (``""`` is the whole
document). It can also name what the finding is about (``対象``: a clause such as 第6号, an id, a key such as
委託先), and then applies only to the findings about it: those whose message names it (not as part of a longer
name: 第1号 is not 第1号イ) or whose place is that key or lies inside the item with that id. One suppression that
silences more than one finding is a warning (SP005) unless it says it means all of them (``すべて: true``): a
planner who suppresses the missing 第6号 at ``/事業`` should not silently lose eight other findings. A suppressed finding is still reported, marked as suppressed with its reason, and no longer counts
for the exit code. A suppression without a reason is not applied (SP001); one that matches no finding is itself a
finding (SP002), so that a stale suppression does not hide the next real problem at that place; one that names
no code (SP003) or a basic check that cannot be suppressed (SP004) is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.jsonpointer import join, resolve, tokens
from jusou_spec.model import Suppression, pointer_to

__all__ = ["CHECKS", "apply_suppressions", "pointer_exists"]

NO_REASON = Check(
    "SP001",
    "suppression.no-reason",
    Severity.ERROR,
    Message(ja="理由のない抑制", en="A suppression without a reason"),
)
UNUSED = Check(
    "SP002",
    "suppression.unused",
    Severity.WARNING,
    Message(ja="指摘のない抑制", en="A suppression that matches no finding"),
)
UNKNOWN_CODE = Check(
    "SP003",
    "suppression.unknown-code",
    Severity.ERROR,
    Message(ja="存在しない規則の抑制", en="A suppression of a code that does not exist"),
)
NOT_ALLOWED = Check(
    "SP004",
    "suppression.not-allowed",
    Severity.ERROR,
    Message(ja="抑制できない基本の検査の抑制", en="A suppression of a basic check that cannot be suppressed"),
)
BROAD = Check(
    "SP005",
    "suppression.broad",
    Severity.WARNING,
    Message(ja="複数の指摘を抑制する抑制", en="A suppression that silences more than one finding"),
)
CHECKS = (NO_REASON, UNUSED, UNKNOWN_CODE, NOT_ALLOWED, BROAD)


_ABSENT = object()


def pointer_exists(data: Any, pointer: str) -> bool:
    """Whether the RFC 6901 ``pointer`` names a value inside ``data``."""
    try:
        return resolve(data, pointer, _ABSENT) is not _ABSENT
    except ValueError:  # not a pointer at all (the schema asks for a leading "/")
        return False


def _covers(suppression: Suppression, finding: Finding, data: Any) -> bool:
    if finding.code != suppression.code:
        return False
    at = suppression.at or ""
    if at and finding.pointer != at and not finding.pointer.startswith(at + "/"):
        return False
    return not suppression.subjects or any(_about(subject, finding, data) for subject in suppression.subjects)


def _about(subject: str, finding: Finding, data: Any) -> bool:
    """Whether ``finding`` is about ``subject``: its message names it as a whole word, its place is that key, or
    its place lies inside the item whose id it is."""
    word = re.compile(rf"(?<![A-Za-z0-9]){re.escape(subject)}(?![\w\-])")
    if word.search(finding.message.ja) or word.search(finding.message.en):
        return True
    parts = tokens(finding.pointer)
    if subject in parts:
        return True
    for end in range(len(parts), 0, -1):
        item = resolve(data, join("", *parts[:end]), None) if data is not None else None
        if isinstance(item, dict) and item.get("id") == subject:
            return True
    return False


def apply_suppressions(
    findings: Iterable[Finding],
    suppressions: Sequence[Suppression],
    *,
    adjustable: frozenset[str],
    ran: frozenset[str],
    known: frozenset[str],
    data: Any = None,
) -> list[Finding]:
    """The findings with those the document suppresses marked, plus a finding for each faulty suppression.

    ``adjustable`` are the codes that may be suppressed (the rule catalogue), ``ran`` the codes of the rules
    that ran on this document (a suppression of a rule that did not run is not called unused), ``known`` every
    code, and ``data`` the document's data (to say when a 位置 names nothing).
    """
    findings = list(findings)
    problems: list[Finding] = []
    usable: list[Suppression] = []
    for suppression in suppressions:
        problem = _problem(suppression, adjustable=adjustable, known=known)
        if problem is not None:
            problems.append(problem)
        else:
            usable.append(suppression)
    used: dict[int, int] = {}
    marked: list[Finding] = []
    for finding in findings:
        reason = None
        for index, suppression in enumerate(usable):
            if _covers(suppression, finding, data):
                used[index] = used.get(index, 0) + 1
                reason = reason or suppression.reason
        marked.append(finding.evolve(suppressed=reason) if reason else finding)
    for index, suppression in enumerate(usable):
        if index not in used and suppression.code in ran:
            problems.append(_unused(suppression, data))
        elif used.get(index, 0) > 1 and not suppression.means_all:
            problems.append(_broad(suppression, used[index]))
    return marked + problems


def _problem(suppression: Suppression, *, adjustable: frozenset[str], known: frozenset[str]) -> Finding | None:
    code = suppression.code
    if code not in known:
        return UNKNOWN_CODE.finding(
            Message(
                ja=f"「{code}」という規則はありません。抑制する指摘のコードを書きます（一覧は jusou rules）",
                en=f"there is no rule '{code}'; write the code of the finding to suppress (see jusou rules)",
            ),
            pointer_to(suppression, "code"),
        )
    if code not in adjustable:
        return NOT_ALLOWED.finding(
            Message(
                ja=f"{code} は読み込み・スキーマなどの基本の検査で、抑制できません。指摘のとおりに文書を直してください",
                en=f"{code} is a basic check (loading, schema …) and cannot be suppressed; correct the document",
            ),
            pointer_to(suppression, "code"),
        )
    if not suppression.reason or not suppression.reason.strip():
        return NO_REASON.finding(
            Message(
                ja=f"{code} の抑制に理由がありません。「理由」に、なぜこの指摘を抑制するのか（出典がそう書いている、など）"
                "を書いてください。理由のない抑制は適用しません",
                en=f"the suppression of {code} gives no reason; say why under 理由 (for example, that the source "
                "says so). A suppression without a reason is not applied",
            ),
            suppression.pointer,
        )
    return None


def _broad(suppression: Suppression, count: int) -> Finding:
    at = suppression.at or ""
    return BROAD.finding(
        Message(
            ja=f"{suppression.code} の抑制が「{at or '文書全体'}」で {count} 件の指摘を抑制しています。"
            "一つの指摘だけを抑制するなら「対象」に号・id・キーを書いて絞り、すべてを抑制するつもりなら"
            "「すべて: true」と書いてください",
            en=f"the suppression of {suppression.code} at '{at or 'the whole document'}' silences {count} findings; "
            "name what it is about under 対象 (a clause, an id, a key) to silence one, or write 'すべて: true' if it "
            "means all of them",
        ),
        suppression.pointer,
    )


def _unused(suppression: Suppression, data: Any) -> Finding:
    at = suppression.at or ""
    if data is not None and not pointer_exists(data, at):
        return UNUSED.finding(
            Message(
                ja=f"抑制の位置「{at}」は文書にありません。指摘に表示された位置（JSON ポインタ）を書くか、"
                "不要なら抑制を削除してください",
                en=f"the suppression's position '{at}' is not in the document; copy the position (JSON pointer) "
                "shown with the finding, or remove the suppression",
            ),
            pointer_to(suppression, "at"),
        )
    return UNUSED.finding(
        Message(
            ja=f"{suppression.code} の抑制に当たる指摘が「{at or '文書全体'}」にありません。"
            "直った指摘の抑制なら削除してください",
            en=f"no {suppression.code} finding at '{at or 'the whole document'}' to suppress; "
            "if the finding was fixed, remove the suppression",
        ),
        suppression.pointer,
    )
