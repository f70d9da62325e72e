"""What the meeting rules share: the statute's article for 支援会議, and how a meeting is named in messages."""

from __future__ import annotations

import re
import unicodedata

from jusou_spec.model import Meeting, MeetingKind

ARTICLE_106_6 = "社会福祉法第106条の6"


def cites_106_6(text: str) -> bool:
    """Whether a 根拠法令 text cites 第106条の6 (full-width digits and spaces allowed).

    >>> cites_106_6("社会福祉法第１０６条の６")
    True
    >>> cites_106_6("社会福祉法第106条の5")
    False
    """
    folded = "".join(unicodedata.normalize("NFKC", text).split())
    return re.search(r"106条の6(?![0-9])", folded) is not None


def only(meeting: Meeting, kind: MeetingKind, other: MeetingKind) -> bool:
    """Whether the meeting is of ``kind`` and not also of ``other`` (a meeting that sits as both a 支援会議 and a
    重層的支援会議 handles consent case by case, so neither consent rule judges it)."""
    return meeting.is_kind(kind) and not meeting.is_kind(other)
