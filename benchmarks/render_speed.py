"""How long `jusou render` takes to make the HTML of the bundled plans, against what a planner ran before it:
`jusou check` on the plan plus `jusou graph` for each of its four diagrams. Printed as ratios (render / before),
measured in the same run, so the figure does not depend on the machine.

    .venv/bin/python benchmarks/render_speed.py [--repeat N]

Two measures:
  in process   what the commands do, called as functions (check_document; per view the check `jusou graph` runs,
               the graph and the SVG), against build() + the HTML;
  commands     the same as separate `python -m jusou_spec` processes, cold start included (five before, one after).
A ratio below 1 means the whole document costs less than the pieces it replaces.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from check_speed import best_of  # the same timing as the check benchmark (run as a script, beside it)

from jusou_spec.checker import check_document
from jusou_spec.diagrams import VIEWS, render
from jusou_spec.document import build, render_files
from jusou_spec.graph import build_graph
from jusou_spec.model import Plan

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "plans").glob("*.yaml"))


def before(path: Path) -> None:
    """`jusou check PLAN`, then `jusou graph PLAN --view V -o V.svg` for the four views (each checks the plan)."""
    check_document(path)
    for view in VIEWS:
        plan = check_document(path).document
        assert isinstance(plan, Plan)
        render(build_graph(plan), view, format="svg")


def after(path: Path) -> None:
    """`jusou render PLAN -o PLAN.html`."""
    render_files(build(path), "html", stem=path.stem)


def commands_before(path: Path, folder: str) -> None:
    run = [sys.executable, "-m", "jusou_spec"]
    subprocess.run([*run, "check", str(path)], capture_output=True, check=False)
    for view in VIEWS:
        subprocess.run([*run, "graph", str(path), "--view", view, "-o", f"{folder}/{view}.svg"], check=True)


def commands_after(path: Path, folder: str) -> None:
    subprocess.run([sys.executable, "-m", "jusou_spec", "render", str(path), "-o", f"{folder}/x.html"], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'plan':<10}{'before s':>10}{'render s':>10}{'ratio':>8}{'cmds before':>13}{'cmds render':>13}{'ratio':>8}")
    totals = [0.0, 0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory() as folder:
        for path in PLANS:
            figures = [
                best_of(args.repeat, lambda p=path: before(p)),
                best_of(args.repeat, lambda p=path: after(p)),
                best_of(args.repeat, lambda p=path: commands_before(p, folder)),
                best_of(args.repeat, lambda p=path: commands_after(p, folder)),
            ]
            totals = [t + f for t, f in zip(totals, figures, strict=True)]
            print(
                f"{path.stem:<10}{figures[0]:>10.2f}{figures[1]:>10.2f}{figures[1] / figures[0]:>8.2f}"
                f"{figures[2]:>13.2f}{figures[3]:>13.2f}{figures[3] / figures[2]:>8.2f}"
            )
    print(
        f"{'all three':<10}{totals[0]:>10.2f}{totals[1]:>10.2f}{totals[1] / totals[0]:>8.2f}"
        f"{totals[2]:>13.2f}{totals[3]:>13.2f}{totals[3] / totals[2]:>8.2f}"
    )


if __name__ == "__main__":
    main()
