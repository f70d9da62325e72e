"""jusou-spec: 重層的支援体制整備事業実施計画 as declarative, checkable YAML."""

from __future__ import annotations

__version__ = "0.1.0"
