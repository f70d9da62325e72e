"""The golden DOT files of every view of every bundled plan (and of the graph fixtures), and the PNGs in
``docs/img/``: shared by the tests and by ``scripts/regenerate`` (which rewrites them; the tests never do)."""

from __future__ import annotations

from pathlib import Path

import jusou_spec
from jusou_spec.diagrams import VIEWS, render, to_dot
from jusou_spec.graph import build_graph

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "graph"
IMAGES = ROOT / "docs" / "img"

FIXTURES = ("minimal-plan", "graph-ashiya-like", "graph-uozu-like", "mihon")


def plans() -> dict[str, Path]:
    """Every bundled plan and graph fixture, by the name its golden files carry."""
    found = {path.stem: path for path in sorted((ROOT / "plans").glob("*.yaml"))}
    found.update({name: ROOT / "tests" / "fixtures" / f"{name}.yaml" for name in FIXTURES})
    return found


def golden_path(name: str, view: str) -> Path:
    return GOLDEN / f"{name}-{view}.dot"


def dot_text(path: Path, view: str) -> str:
    return to_dot(build_graph(jusou_spec.load(path)), view)


def regenerate() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for stale in GOLDEN.glob("*.dot"):
        stale.unlink()
    for name, path in plans().items():
        for view in VIEWS:
            golden_path(name, view).write_text(dot_text(path, view), encoding="utf-8")
    ashiya = ROOT / "plans" / "ashiya.yaml"
    if ashiya.exists():
        IMAGES.mkdir(parents=True, exist_ok=True)
        plan = jusou_spec.load(ashiya)
        for view in VIEWS:
            (IMAGES / f"ashiya-{view}.png").write_bytes(render(plan, view, format="png"))


if __name__ == "__main__":
    regenerate()
