"""How fast `jusou check` is on the bundled plans, as ratios against plain PyYAML measured in the same run.

The checker is meant for pre-commit hooks and editor saves, so its cost should stay a small multiple of just
parsing the YAML. Timings vary between machines; ratios against a baseline taken in the same run do not vary much.

    .venv/bin/python benchmarks/check_speed.py [FILE …] [--repeat N]

Stages, each a ratio to ``yaml.load(text, CSafeLoader)`` of the same text (the baseline):
  source   parse_source: decoding, composing, duplicate keys, limits and the source map
  schema   the JSON Schema validation (compiled once per process, as in the CLI)
  model    building the frozen model and resolving its references
  rules    every rule
  total    check_document end to end (reading the file included)
and the cold start of `python -m jusou_spec check` on all files, as a ratio to `python -c "import yaml"`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from jusou_spec import schema
from jusou_spec.checker import check_document, check_plan
from jusou_spec.model import Plan
from jusou_spec.source import parse_source

ROOT = Path(__file__).resolve().parent.parent


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by the rest of the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(path: Path, repeat: int) -> dict[str, float]:
    text = path.read_text(encoding="utf-8")
    source = parse_source(text, name=str(path))
    schema.validate("plan", source.data)  # compile the validator outside the timing, as a long-lived process would
    plan, _ = Plan.from_document(source.data)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return {
        "baseline": best_of(repeat, lambda: yaml.load(text, Loader=loader)),
        "source": best_of(repeat, lambda: parse_source(text, name=str(path))),
        "schema": best_of(repeat, lambda: schema.validate("plan", source.data)),
        "model": best_of(repeat, lambda: Plan.from_document(source.data)[0].references),
        "rules": best_of(repeat, lambda: check_plan(plan)),
        "total": best_of(repeat, lambda: check_document(path)),
    }


def cold_start(files: list[Path], repeat: int) -> tuple[float, float]:
    command = [sys.executable, "-m", "jusou_spec", "check", *map(str, files)]
    baseline = [sys.executable, "-c", "import yaml"]
    run = lambda argv: subprocess.run(argv, capture_output=True, cwd=ROOT, check=False)  # noqa: E731
    return best_of(repeat, lambda: run(baseline)), best_of(repeat, lambda: run(command))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "plans").glob("*.yaml"))
    print(f"{'file':<24}{'KiB':>6}{'baseline ms':>13}  source  schema   model   rules   total")
    totals = []
    for path in files:
        figures = measure(path, args.repeat)
        base = figures["baseline"]
        ratios = [figures[k] / base for k in ("source", "schema", "model", "rules", "total")]
        totals.append(ratios[-1])
        print(
            f"{path.name:<24}{path.stat().st_size / 1024:>6.0f}{base * 1000:>13.2f}"
            + "".join(f"{r:>8.2f}" for r in ratios)
        )
    print(f"median total / baseline: {statistics.median(totals):.2f}")
    base, cold = cold_start(files, max(3, args.repeat // 5))
    print(f"cold start of `jusou check` on {len(files)} file(s): {cold / base:.2f} × `python -c 'import yaml'`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
