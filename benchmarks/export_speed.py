"""`jusou export` of the national corpus into DuckDB against `jusou check` of the same corpus, in one run.

The issue's goals: the export takes at most twice the check's time (it checks every document on the way, then
writes the rows), in bounded memory (documents stream to the writer; a worker sends back only rows), and every
example query of docs/analysis.md answers in under a second on the exported corpus. Timings vary between machines;
the ratio, measured here in one run, interleaved, does not vary much.

It prints:

- the wall time of ``jusou check CORPUS`` and ``jusou export CORPUS -o corpus.duckdb`` (both with their default
  jobs: one per core), each the best of ``--rounds``, and their ratio;
- the peak RSS of each (the largest process of the run: the main one or a worker), and of the export of a small
  corpus (``--small``, 200 plans), to show that memory does not grow with the corpus;
- the time of each query of docs/analysis.md on the exported corpus (best of three), with its row count.

The corpus is benchmarks/corpus.py's national one (1,741 plans), written once under ``--folder`` and reused.

    nice .venv/bin/python -m benchmarks.export_speed [--count 1741] [--rounds 2] [--folder /tmp/jusou-national]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from benchmarks.corpus import NATIONAL, write_corpus
from tests.analysis_doc import DOC, queries

ROOT = Path(__file__).resolve().parent.parent


def run_measured(argv: list[str]) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in MiB (the largest process of the run) of a command."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss // 1024


def corpus(folder: Path, count: int) -> Path:
    """The corpus of ``count`` plans in ``folder``, written when it is not there yet."""
    if len(list(folder.glob("plan-*.yaml"))) != count:
        for old in folder.glob("plan-*.yaml"):
            old.unlink()
        write_corpus(folder, count)
    return folder


def jusou(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "jusou_spec", *arguments]


def query_times(database: Path) -> list[tuple[str, int, float]]:
    """Each example query of docs/analysis.md: its heading number, its row count, its best time of three."""
    connection = duckdb.connect(str(database), read_only=True)
    results = []
    try:
        for number, (query, _) in enumerate(queries(DOC.read_text(encoding="utf-8")), start=1):
            best = float("inf")
            rows = 0
            for _ in range(3):
                start = time.perf_counter()
                rows = len(connection.execute(query).fetchall())
                best = min(best, time.perf_counter() - start)
            results.append((f"query {number}", rows, best))
    finally:
        connection.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=NATIONAL)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "jusou-national")
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores")
    print(f"load average before: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    national = corpus(args.folder / str(args.count), args.count)
    small = corpus(args.folder / str(args.small), args.small)
    size = sum(path.stat().st_size for path in national.glob("*.yaml")) / 1024 / 1024
    print(f"corpus: {args.count} plans, {size:.0f} MiB ({national})")
    with tempfile.TemporaryDirectory() as work:
        database = Path(work) / "corpus.duckdb"
        checks, exports = [], []
        for _ in range(args.rounds):
            checks.append(run_measured(jusou("check", "-q", str(national))))
            exports.append(run_measured(jusou("export", str(national), "-o", str(database))))
        small_export = run_measured(jusou("export", str(small), "-o", str(Path(work) / "small.duckdb")))
        check_time, check_rss = min(t for t, _ in checks), max(r for _, r in checks)
        export_time, export_rss = min(t for t, _ in exports), max(r for _, r in exports)
        megabytes = database.stat().st_size / 1024 / 1024
        print(f"{'':<34}{'seconds':>9}{'peak RSS MiB':>14}")
        print(f"{'jusou check (default jobs)':<34}{check_time:>9.1f}{check_rss:>14}")
        print(f"{'jusou export → DuckDB':<34}{export_time:>9.1f}{export_rss:>14}")
        print(f"{f'jusou export, {args.small} plans':<34}{small_export[0]:>9.1f}{small_export[1]:>14}")
        print(f"export / check: {export_time / check_time:.2f}× (goal ≤ 2×); database {megabytes:.0f} MiB")
        print(f"{'query on the exported corpus':<34}{'rows':>9}{'seconds':>14}")
        for name, rows, seconds in query_times(database):
            print(f"{name:<34}{rows:>9}{seconds:>14.3f}")
    print(f"load average after: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
