"""The performance benchmark of issue 12: `jusou check` against the libyaml floor and against check-jsonschema.

Everything is measured in one run, interleaved (floor, jusou, jusou with two jobs, check-jsonschema, then again),
and each figure is the minimum of the rounds, so that a loaded machine disturbs the ratios as little as it can. It
prints, as ratios:

- a corpus of N generated plans (benchmarks/corpus.py; 200 by default): a bare libyaml load of every file (the
  floor: ``yaml.load(text, Loader=yaml.CSafeLoader)`` in one process), ``jusou check`` with one job and with two,
  and check-jsonschema with our schema; peak RSS of each;
- a single file's cold start (plans/ashiya.yaml): ``jusou check`` against ``python -c 'import yaml'`` and against
  check-jsonschema;
- the imports of that cold start (``python -X importtime``), summed by package;
- the time per program of a plan with 1,000, 5,000 and 10,000 programs (``--scaling``);
- peak RSS of checking 1,741 generated plans, every municipality's (``--rss-files 1741``; written under /tmp and
  kept for the next run while benchmarks/corpus.py does not change).

check-jsonschema is installed into ``.venv-bench`` from ``benchmarks/requirements-bench.txt`` (every version pinned),
apart from the project's environment: it is a program we compare against, not a dependency, and its pins must not
meet our lock. See docs/performance.md for the figures and the machine they were measured on.

    .venv/bin/python -m benchmarks.run [--files 200] [--rounds 5] [--scaling] [--rss-files 1741]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from benchmarks.corpus import dump, plan_with_programs, write_corpus
from jusou_spec import _yaml_compose, _yaml_walk, source
from jusou_spec.checker import check_document

ROOT = Path(__file__).resolve().parent.parent
BENCH_VENV = ROOT / ".venv-bench"
BENCH_REQUIREMENTS = ROOT / "benchmarks" / "requirements-bench.txt"
SCHEMA = ROOT / "schemas" / "plan.schema.json"
ONE_FILE = ROOT / "plans" / "ashiya.yaml"
FLOOR = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, encoding='utf-8') as f:\n"
    "        yaml.load(f.read(), Loader=yaml.CSafeLoader)\n"
)


def timed(argv: Sequence[str]) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in KiB of one run of ``argv`` (its output thrown away)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"benchmark: {' '.join(argv[:4])} … exited with {process.returncode}")
    return elapsed, usage.ru_maxrss


def fresh_peak(argv: Sequence[str]) -> tuple[float, int]:
    """Like :func:`timed`, but started from a small Python process of its own: Linux keeps a process's peak RSS
    across ``exec``, so a child forked from this one (which holds the scaling plans by the end) could report this
    process's size instead of its own."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, peak = result.stdout.split()
    return float(seconds), int(peak)


def interleaved(commands: dict[str, Sequence[str]], rounds: int) -> dict[str, tuple[float, int]]:
    """Each command's minimum time and maximum peak RSS over ``rounds`` rounds, one of each per round."""
    times: dict[str, list[float]] = defaultdict(list)
    rss: dict[str, list[int]] = defaultdict(list)
    for _ in range(rounds):
        for name, argv in commands.items():
            seconds, peak = timed(argv)
            times[name].append(seconds)
            rss[name].append(peak)
    return {name: (min(times[name]), max(rss[name])) for name in commands}


def jusou() -> list[str]:
    script = Path(sys.executable).with_name("jusou")
    return [str(script)] if script.exists() else [sys.executable, "-m", "jusou_spec"]


def byte_compile() -> None:
    """Byte-compile the package as the set-up does, so that no run pays for compiling sources edited since (Python
    does not rewrite stale bytecode where PYTHONDONTWRITEBYTECODE is set, and then compiles them at every start)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "0", str(ROOT / "jusou_spec")], check=True)


def check_jsonschema() -> list[str] | None:
    """The check-jsonschema command in .venv-bench, installed from benchmarks/requirements-bench.txt (every version
    pinned) on first use and again when that file changes; None when it cannot be installed."""
    program = BENCH_VENV / "bin" / "check-jsonschema"
    stamp = BENCH_VENV / ".jusou-bench-installed"
    wanted = hashlib.sha256(BENCH_REQUIREMENTS.read_bytes()).hexdigest()
    if not program.exists() or not stamp.exists() or stamp.read_text(encoding="utf-8") != wanted:
        print(f"installing {BENCH_REQUIREMENTS.name} into {BENCH_VENV.name} (once)", file=sys.stderr)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
            pip = [str(BENCH_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
            subprocess.run([*pip, "-r", str(BENCH_REQUIREMENTS)], check=True)
        except subprocess.CalledProcessError:
            print("check-jsonschema could not be installed: its comparisons are left out", file=sys.stderr)
            return None
        stamp.write_text(wanted, encoding="utf-8")
    return [str(program), "--schemafile", str(SCHEMA)]


def import_summary(path: Path) -> tuple[float, list[tuple[str, float]]]:
    """The total import time of ``jusou check PATH`` in ms and each top-level package's share (its modules' own
    times, wherever they were imported from)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "jusou_spec", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    by_package: dict[str, float] = defaultdict(float)
    total = 0.0
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if not match:
            continue
        self_us, _, _, module = match.groups()
        total += int(self_us)
        by_package[module.split(".")[0]] += int(self_us) / 1000
    return total / 1000, sorted(by_package.items(), key=lambda item: -item[1])


@contextlib.contextmanager
def without_size_limits() -> Iterator[None]:
    """The loader's limits on a file's size and its number of values lifted, in this process only.

    They refuse a file of more than 10 MiB or 200,000 values (SR008), which the 5,000 and 10,000-program plans are:
    the scaling figures are about the checker's work growing with a plan's size, not about where the loader stops.
    """
    saved = (source.MAX_FILE_BYTES, _yaml_compose.MAX_NODES, _yaml_walk.MAX_NODES)
    source.MAX_FILE_BYTES = _yaml_compose.MAX_NODES = _yaml_walk.MAX_NODES = 2**40
    try:
        yield
    finally:
        source.MAX_FILE_BYTES, _yaml_compose.MAX_NODES, _yaml_walk.MAX_NODES = saved


def scaling(sizes: Sequence[int], rounds: int) -> dict[int, float]:
    """Seconds per program of checking a plan of each size in this process (the minimum over ``rounds``)."""
    with tempfile.TemporaryDirectory() as folder, without_size_limits():
        paths = {}
        for size in sizes:
            paths[size] = Path(folder) / f"plan-{size}.yaml"
            paths[size].write_text(dump(plan_with_programs(size, umbrellas=True)), encoding="utf-8")
        codes = {size: {f.code for f in check_document(paths[size]).findings} for size in sizes}
        if any(code.startswith("SR") for found in codes.values() for code in found):
            raise SystemExit(f"benchmark: a scaling plan was not read whole: {codes}")
        best: dict[int, float] = {size: float("inf") for size in sizes}
        for _ in range(rounds):
            for size in sizes:
                start = time.perf_counter()
                check_document(paths[size])
                best[size] = min(best[size], time.perf_counter() - start)
    return {size: best[size] / size for size in sizes}


def machine() -> str:
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    cpu = platform.processor() or platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, load average {load}; "
        f"Python {platform.python_version()}"
    )


def goal(text: str, value: float, limit: float, *, at_most: bool = True) -> str:
    met = value <= limit if at_most else value >= limit
    return f"  {'met ' if met else 'MISS'}  {text}: {value:.2f} ({'≤' if at_most else '≥'} {limit:g})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=200, help="plans in the corpus (default 200)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds; the minimum counts (default 5)")
    parser.add_argument("--scaling", action="store_true", help="also time plans of 1k, 5k and 10k programs")
    parser.add_argument("--rss-files", type=int, default=0, help="also the peak RSS of checking this many plans")
    parser.add_argument("--corpus", type=Path, help="where to write the corpus (default: a temporary folder)")
    args = parser.parse_args(argv)
    goals: list[str] = []
    print(f"machine: {machine()}")
    byte_compile()
    cjs = check_jsonschema()

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.corpus or Path(scratch) / "corpus"
        files = write_corpus(folder, args.files)
        size = sum(path.stat().st_size for path in files) / 1024 / 1024
        print(f"\ncorpus: {len(files)} plans, {size:.1f} MiB ({folder})")
        commands: dict[str, Sequence[str]] = {
            "libyaml floor": [sys.executable, "-c", FLOOR, *map(str, files)],
            "jusou check -j1": [*jusou(), "check", "--jobs", "1", str(folder)],
            "jusou check -j2": [*jusou(), "check", "--jobs", "2", str(folder)],
        }
        if cjs:
            commands["check-jsonschema"] = [*cjs, *map(str, files)]
        results = interleaved(commands, args.rounds)
        floor = results["libyaml floor"][0]
        print(f"{'':<20}{'min s':>8}{'× floor':>9}{'peak RSS MiB':>14}")
        for name, (seconds, peak) in results.items():
            print(f"{name:<20}{seconds:>8.2f}{seconds / floor:>9.2f}{peak / 1024:>14.0f}")
        one, two = results["jusou check -j1"][0], results["jusou check -j2"][0]
        goals.append(goal("one process, × the libyaml floor", one / floor, 2.5))
        goals.append(goal("two workers, × the libyaml floor", two / floor, 1.5))
        if cjs:
            ratio = results["check-jsonschema"][0] / one
            print(f"check-jsonschema / jusou check -j1: {ratio:.2f}")
            goals.append(goal("check-jsonschema ÷ jusou check (one process)", ratio, 8, at_most=False))

    cold: dict[str, Sequence[str]] = {
        "python -c 'import yaml'": [sys.executable, "-c", "import yaml"],
        "jusou check (1 file)": [*jusou(), "check", str(ONE_FILE)],
    }
    if cjs:
        cold["check-jsonschema (1 file)"] = [*cjs, str(ONE_FILE)]
    results = interleaved(cold, max(args.rounds, 10))
    base = results["python -c 'import yaml'"][0]
    print(f"\ncold start on {ONE_FILE.relative_to(ROOT)} ({ONE_FILE.stat().st_size / 1024:.0f} KiB)")
    print(f"{'':<28}{'min ms':>8}{'× import yaml':>15}")
    for name, (seconds, _) in results.items():
        print(f"{name:<28}{seconds * 1000:>8.0f}{seconds / base:>15.2f}")
    if cjs:
        ratio = results["jusou check (1 file)"][0] / results["check-jsonschema (1 file)"][0]
        print(f"jusou check / check-jsonschema: {ratio:.2f}")
        goals.append(goal("single-file cold start, × check-jsonschema's", ratio, 0.5))

    total, packages = import_summary(ONE_FILE)
    print(f"\nimports of that cold start (python -X importtime): {total:.0f} ms in all; by top-level package:")
    for package, ms in packages[:12]:
        print(f"  {package:<24}{ms:>8.1f} ms")

    if args.rss_files:
        # kept between runs (writing 1,741 plans takes a while), under a name that changes with the generator
        generator = hashlib.sha256((ROOT / "benchmarks" / "corpus.py").read_bytes()).hexdigest()[:12]
        folder = Path(tempfile.gettempdir()) / f"jusou-bench-{args.rss_files}-{generator}"
        if not folder.is_dir() or len(list(folder.glob("*.yaml"))) != args.rss_files:
            write_corpus(folder, args.rss_files)
        seconds, peak = fresh_peak([*jusou(), "check", "--jobs", "1", str(folder)])
        print(f"\n{args.rss_files} plans ({folder}): jusou check -j1 {seconds:.1f} s, peak RSS {peak / 1024:.0f} MiB")
        goals.append(goal(f"peak RSS on {args.rss_files} plans, MiB", peak / 1024, 200))

    if args.scaling:
        sizes = (1_000, 5_000, 10_000)
        per_program = scaling(sizes, max(3, args.rounds // 2))
        print("\nscaling: one plan, checked in this process")
        for size in sizes:
            ratio = per_program[size] / per_program[sizes[0]]
            print(f"  {size:>6} programs: {per_program[size] * 1e6:8.0f} µs per program ({ratio:.2f} × the 1k plan's)")
        goals.append(
            goal("10k-program plan, per-program time × the 1k plan's", per_program[10_000] / per_program[1_000], 1.5)
        )

    print("\ngoals (issue 12):")
    print("\n".join(goals))
    print(f"\nload average at the end: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
