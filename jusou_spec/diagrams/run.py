"""Running Graphviz: the last step, and the only one that needs the ``dot`` program.

SVG comes from Graphviz' own writer (text measured with Pango, so Japanese widths are right); PNG and PDF from
its Cairo writer, which draws the Japanese font's glyphs. Neither SVG nor PNG carries a time stamp, so the same DOT
gives the same bytes; PDF does carry one (Cairo writes a creation date).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from typing import cast

from jusou_spec.errors import JusouError
from jusou_spec.findings import Message

__all__ = ["FORMATS", "GraphvizFailed", "GraphvizMissing", "japanese_font_missing", "run_graphviz"]

FORMATS = ("dot", "svg", "png", "pdf")
_RENDERERS = {"svg": None, "png": "cairo", "pdf": "cairo"}
INSTALL = "sudo apt-get install graphviz fonts-ipaexfont-gothic"


class GraphvizMissing(JusouError, RuntimeError):
    """Graphviz' ``dot`` program is not installed; ``message`` says how to install it."""

    message = Message(
        ja=f"Graphviz の dot コマンドが見つかりません。Debian・Ubuntu では「{INSTALL}」でインストールしてください"
        "（.dot ファイルは Graphviz なしで書き出せます）",
        en=f"Graphviz's dot program was not found: install it (Debian, Ubuntu: {INSTALL}); "
        ".dot output needs no Graphviz",
    )

    def __init__(self) -> None:
        super().__init__(self.message.en)


class GraphvizFailed(JusouError, RuntimeError):
    """Graphviz ran and failed (or ran out of time or memory); ``message`` says what happened in one line."""

    def __init__(self, detail: str, *, message: Message | None = None) -> None:
        self.message = message or Message(
            ja=f"Graphviz が図を描けませんでした（{detail}）。この計画を添えて jusou-spec に報告してください",
            en=f"Graphviz could not draw the diagram ({detail}); please report this with the plan",
        )
        super().__init__(self.message.en)


TIMEOUT_SECONDS = 600
"""How long ``dot`` may run before it is stopped (``JUSOU_GRAPHVIZ_TIMEOUT`` in seconds changes it)."""

_OUT_OF_MEMORY = ("memory exhausted", "out of memory", "cannot allocate", "malloc")


def timeout_seconds() -> float:
    """``JUSOU_GRAPHVIZ_TIMEOUT`` when it is a positive number, else :data:`TIMEOUT_SECONDS`."""
    try:
        configured = float(os.environ.get("JUSOU_GRAPHVIZ_TIMEOUT", ""))
    except ValueError:
        return TIMEOUT_SECONDS
    return configured if 0 < configured < float("inf") else TIMEOUT_SECONDS


def run_graphviz(dot_text: str, format: str, *, size: tuple[int, int] | None = None) -> bytes:
    """Lay out and draw ``dot_text`` with ``dot`` as ``svg``, ``png`` or ``pdf`` bytes.

    ``size`` (nodes, edges) is named in the message when Graphviz runs out of time or memory, or crashes, as it
    does on the largest plans.
    """
    import graphviz

    command = graphviz.backend.dot_command.command("dot", format, renderer=_RENDERERS[format])
    limit = timeout_seconds()
    try:
        drawn = graphviz.backend.execute.run_check(
            command, input=dot_text.encode("utf-8"), capture_output=True, quiet=True, timeout=limit
        )
        return cast(bytes, drawn.stdout)  # the graphviz binding is untyped; stdout holds the output bytes
    except graphviz.ExecutableNotFound as error:
        raise GraphvizMissing() from error
    except subprocess.TimeoutExpired as error:
        raise GraphvizFailed(
            "timeout", message=_too_big(f"{limit:g} 秒で終わらず", f"did not finish in {limit:g} s", size)
        ) from error
    except graphviz.CalledProcessError as error:
        complaint = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        first = complaint[0] if complaint else f"exit {error.returncode}"
        if error.returncode < 0:
            name = _signal_name(-error.returncode)
            raise GraphvizFailed(first, message=_too_big(f"異常終了し（{name}）", f"crashed ({name})", size)) from error
        if any(word in line.lower() for line in complaint for word in _OUT_OF_MEMORY):
            raise GraphvizFailed(first, message=_too_big("メモリが足りず", "ran out of memory", size)) from error
        raise GraphvizFailed(first) from error
    except OSError as error:
        raise GraphvizFailed(error.strerror or str(error)) from error


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _too_big(ja: str, en: str, size: tuple[int, int] | None) -> Message:
    """One line for a plan too large for Graphviz: what happened, the graph's size, and what still works."""
    sized_ja = f"（ノード {size[0]:,}、辺 {size[1]:,}）" if size else ""
    sized_en = f" ({size[0]:,} nodes, {size[1]:,} edges)" if size else ""
    return Message(
        ja=f"Graphviz が図を描く途中で{ja}、図を描けませんでした{sized_ja}。大きな計画は、Graphviz を使わない "
        "-o 図.dot（DOT）や --format json（グラフ）で書き出すか、ノードの少ない別の図（--view departments など）に"
        "してください",
        en=f"Graphviz {en} while drawing the diagram{sized_en}; for a plan this large, write DOT (-o FILE.dot) or "
        "the graph (--format json), which need no Graphviz, or draw a smaller view (e.g. --view departments)",
    )


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
