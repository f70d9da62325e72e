"""Running Graphviz: the last step, and the only one that needs the ``dot`` program.

SVG comes from Graphviz' own writer (text measured with Pango, so Japanese widths are right); PNG and PDF from
its Cairo writer, which draws the Japanese font's glyphs. Neither SVG nor PNG carries a time stamp, so the same DOT
gives the same bytes; PDF does carry one (Cairo writes a creation date).
"""

from __future__ import annotations

import shutil
import subprocess
from typing import cast

from jusou_spec.findings import Message

__all__ = ["FORMATS", "GraphvizFailed", "GraphvizMissing", "japanese_font_missing", "run_graphviz"]

FORMATS = ("dot", "svg", "png", "pdf")
_RENDERERS = {"svg": None, "png": "cairo", "pdf": "cairo"}
INSTALL = "sudo apt-get install graphviz fonts-ipaexfont-gothic"


class GraphvizMissing(RuntimeError):
    """Graphviz' ``dot`` program is not installed; ``message`` says how to install it."""

    message = Message(
        ja=f"Graphviz の dot コマンドが見つかりません。Debian・Ubuntu では「{INSTALL}」でインストールしてください"
        "（.dot ファイルは Graphviz なしで書き出せます）",
        en=f"Graphviz's dot program was not found: install it (Debian, Ubuntu: {INSTALL}); "
        ".dot output needs no Graphviz",
    )

    def __init__(self) -> None:
        super().__init__(self.message.en)


class GraphvizFailed(RuntimeError):
    """Graphviz ran and failed; ``message`` carries its first line of complaint."""

    def __init__(self, detail: str) -> None:
        self.message = Message(
            ja=f"Graphviz が図を描けませんでした（{detail}）。この計画を添えて jusou-spec に報告してください",
            en=f"Graphviz could not draw the diagram ({detail}); please report this with the plan",
        )
        super().__init__(self.message.en)


def run_graphviz(dot_text: str, format: str) -> bytes:
    """Lay out and draw ``dot_text`` with ``dot`` as ``svg``, ``png`` or ``pdf`` bytes."""
    import graphviz

    try:
        drawn = graphviz.pipe("dot", format, dot_text.encode("utf-8"), renderer=_RENDERERS[format], quiet=True)
        return cast(bytes, drawn)  # the graphviz binding is untyped; pipe returns the output bytes
    except graphviz.ExecutableNotFound as error:
        raise GraphvizMissing() from error
    except graphviz.CalledProcessError as error:
        complaint = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise GraphvizFailed(complaint[0] if complaint else f"exit {error.returncode}") from error


def japanese_font_missing() -> bool:
    """True when fontconfig is present and knows no Japanese font (the diagram would show empty boxes)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    try:
        found = subprocess.run([fc_list, ":lang=ja", "family"], capture_output=True, check=False, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return found.returncode == 0 and not found.stdout.strip()
