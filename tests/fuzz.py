"""The fuzz campaign: Hypothesis strategies thrown at the CLI and the library, as a hostile user and a careless
environment would.

Each target draws an input, runs it, and holds the contract: the command's exit code is 0, 1 or 2, nothing escapes
as an exception, nothing hangs (an alarm stops a case after :data:`CASE_SECONDS`), every output line is encodable
UTF-8, no rule crashes (JS900), and the library raises nothing but :class:`jusou_spec.JusouError`. The targets:

- ``text``: random text and bytes as a file, checked by ``jusou check`` and ``jusou indicators``;
- ``mutation``: the bundled plans and reports with lines deleted, repeated, swapped, cut, or characters replaced and
  inserted (numbers, quotes, colons, brackets, tabs, NUL …), through the CLI and the library;
- ``files``: generated folders holding plans, reports, named pipes, links (to files, to folders, to nothing, to
  themselves), files and folders that raise PermissionError, and odd names (newlines, control characters, bytes
  that are not UTF-8, long names), checked as a folder in every output format, and written over with ``-o``;
- ``library``: ``load``, ``check``, ``indicators``, ``parse_source`` on the same inputs and on wrong arguments.

``scripts/dev fuzz [SECONDS]`` runs every target in turn until the time is up and prints cases per second and each
failure with the input that shrank to it; ``tests/test_fuzz.py`` runs a bounded number of cases of each in the
test command.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import seed as seeded
from hypothesis import strategies as st

import jusou_spec
from jusou_spec.cli import main
from jusou_spec.source import parse_source

ROOT = Path(__file__).resolve().parent.parent
CASE_SECONDS = 60
"""A case that runs longer than this is a hang (the slowest input of the campaign takes a second or two)."""

BUNDLED = sorted([*ROOT.glob("plans/*.yaml"), *ROOT.glob("reports/*.yaml"), *ROOT.glob("examples/*.yaml")])
SMALL = [ROOT / "tests/fixtures/minimal-plan.yaml", *sorted((ROOT / "tests/fixtures/indicators").glob("*.yaml"))]
FORMATS = ("text", "json", "github", "sarif", "junit")


class Hang(Exception):
    """A case ran past :data:`CASE_SECONDS`."""


class Broken(AssertionError):
    """The contract did not hold for a case."""


@contextlib.contextmanager
def _alarm(seconds: int = CASE_SECONDS) -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(*_: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _refusing(names: frozenset[str]) -> Iterator[None]:
    """os.open and os.scandir raise PermissionError for files and folders whose name is in ``names`` (the campaign
    runs as root, who may read anything)."""
    if not names:
        yield
        return
    real = os.open

    def refusing(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if isinstance(path, str | bytes | os.PathLike) and os.path.basename(os.fsdecode(path)) in names:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real(path, flags, *args, **kwargs)

    real_scandir = os.scandir

    def refusing_to_list(path: Any = ".") -> Any:
        if isinstance(path, str | bytes | os.PathLike) and os.path.basename(os.fsdecode(path)) in names:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    os.open = refusing  # type: ignore[assignment]
    os.scandir = refusing_to_list
    try:
        yield
    finally:
        os.open = real
        os.scandir = real_scandir


def _stream() -> io.TextIOWrapper:
    """A standard stream as the process has it: UTF-8, strict (an unencodable character is an error)."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="\n")


def _written(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Broken(f"output that is not UTF-8: {error}") from error


_RULE_CRASHED = "の検査中にエラーが起きました"  # JS900's message (the catalogue in SARIF names the code itself)


def run_cli(argv: list[str], *, refused: frozenset[str] = frozenset()) -> tuple[int, str, str]:
    """The command in this process, holding the CLI's contract; returns (exit code, stdout, stderr)."""
    out, err = _stream(), _stream()
    with _alarm(), _refusing(refused), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    stdout, stderr = _written(out), _written(err)
    if code not in (0, 1, 2):
        raise Broken(f"exit {code} for {argv!r}: {stderr[:300]}")
    if "Traceback" in stderr:
        raise Broken(f"a traceback for {argv!r}: {stderr[:300]}")
    if _RULE_CRASHED in stdout or _RULE_CRASHED in stderr:
        raise Broken(f"a rule crashed for {argv!r}: {(stdout + stderr)[:400]}")
    return code, stdout, stderr


def run_library(path: Path) -> None:
    """load, check and indicators on one file: findings, a model, or a JusouError, nothing else."""
    with _alarm():
        findings = jusou_spec.check(path)
        if any(f.code == "JS900" for f in findings):
            raise Broken(f"a rule crashed: {[f.text('en') for f in findings if f.code == 'JS900']}")
        try:
            document = jusou_spec.load(path)
        except jusou_spec.JusouError:
            return
        jusou_spec.check(document)
        if isinstance(document, jusou_spec.Plan):
            jusou_spec.indicators(document)
        else:
            jusou_spec.indicators(None, reports=[document])


# --- strategies ---------------------------------------------------------------------------------------------------

_NASTY = [
    "\x00",
    "\t",
    "\r",
    "\n",
    "\x1b[31m",
    "\u2028",
    "\ufeff",
    "\ud800",
    ":",
    "- ",
    "{",
    "}",
    "[",
    "]",
    "&a",
    "*a",
    "!!python/object:os.system",
    "'",
    '"',
    "#",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "~",
    "null",
    "yes",
    "1e308",
    "-290.0",
    "9" * 500,
    "0x1F",
    "1_000",
    "12345678901234567890",
    "昭和99年度",
    "平成99年度",
    "令和0年度",
    "第9号",
    "R6～R2",
    "{未記載: }",
    "漢" * 300 + "1-2",
    "市" * 200 + "1-10-1",
    "0765-23-1000",
    "1234 5678 9018",
]
nasty = st.sampled_from(_NASTY)
documents = st.sampled_from(BUNDLED + SMALL)


@st.composite
def random_text(draw: st.DrawFn) -> bytes:
    """Text of any kind (and now and then raw bytes), sometimes behind the marker so that it reaches the schema."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.binary(max_size=400))
    body = draw(st.lists(st.one_of(st.text(max_size=40), nasty), max_size=12))
    text = "".join(body)
    if kind >= 2:
        text = draw(st.sampled_from(["jusou: plan/1\n", "jusou: report/1\n"])) + text
    return text.encode("utf-8", "surrogatepass")


@attrs.frozen
class Mutation:
    kind: str
    at: float
    other: float
    text: str

    def apply(self, lines: list[str]) -> list[str]:
        if not lines:
            return [self.text]
        index = int(self.at * len(lines)) % len(lines)
        other = int(self.other * len(lines)) % len(lines)
        line = lines[index]
        if self.kind == "delete":
            return lines[:index] + lines[index + 1 :]
        if self.kind == "repeat":
            return [*lines[: index + 1], line, *lines[index + 1 :]]
        if self.kind == "swap":
            lines = list(lines)
            lines[index], lines[other] = lines[other], lines[index]
            return lines
        if self.kind == "cut":
            return lines[:index]
        position = int(self.other * (len(line) + 1))
        if self.kind == "replace":
            line = line[:position] + self.text + line[position + len(self.text) :]
        elif self.kind == "value":  # the value after the line's colon becomes the text
            key, colon, _ = line.partition(": ")
            line = f"{key}{colon}{self.text}" if colon else line + self.text
        else:
            line = line[:position] + self.text + line[position:]
        return [*lines[:index], line, *lines[index + 1 :]]


mutations = st.builds(
    Mutation,
    kind=st.sampled_from(["delete", "repeat", "swap", "cut", "replace", "insert", "value", "value"]),
    at=st.floats(0, 1, exclude_max=True),
    other=st.floats(0, 1, exclude_max=True),
    text=st.one_of(nasty, st.text(max_size=8)),
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Path, bytes]:
    """A bundled document with a few mutations, and the path it came from (its links stay relative to it)."""
    source = draw(documents)
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    for mutation in draw(st.lists(mutations, min_size=1, max_size=4)):
        lines = mutation.apply(lines)
    return source, "".join(lines).encode("utf-8", "surrogatepass")


_NAME_CHARS = st.sampled_from(list("abc計画報告 \t\n\r\x1b:;,.-_'\"\\&<>%#*?~\u2028\ufffd"))


@st.composite
def names(draw: st.DrawFn) -> str:
    stem = draw(st.text(_NAME_CHARS, min_size=1, max_size=12)).replace("/", "_")
    if draw(st.integers(0, 5)) == 0:
        stem = os.fsdecode(b"bad\xff\xfe" + os.fsencode(stem))
    if draw(st.integers(0, 9)) == 0:
        stem = "長" * 70
    return stem + draw(st.sampled_from([".yaml", ".yaml", ".yml", "", ".txt"]))


ENTRY_KINDS = ("plan", "report", "text", "fifo", "link", "dangling", "loop", "folder", "refused", "closed")


@attrs.frozen
class Entry:
    name: str
    kind: str
    content: bytes


entries = st.builds(Entry, name=names(), kind=st.sampled_from(ENTRY_KINDS), content=random_text())


def build_tree(folder: Path, chosen: list[Entry]) -> frozenset[str]:
    """Lay the entries out in ``folder``; returns the names whose opening must raise PermissionError."""
    refused = set()
    made: list[Path] = []
    for number, entry in enumerate(chosen):
        path = folder / entry.name
        if path.exists() or path.is_symlink() or len(os.fsencode(entry.name)) > 250:
            continue
        kind = entry.kind
        if kind in ("plan", "report", "refused"):
            candidates = [p for p in SMALL if ("report" in p.name) == (kind == "report")]
            shutil.copy(candidates[number % len(candidates)], path)
            if kind == "refused":
                refused.add(entry.name)
        elif kind == "text":
            path.write_bytes(entry.content)
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "link" and made:
            path.symlink_to(made[number % len(made)].name)
        elif kind == "dangling":
            path.symlink_to("nowhere.yaml")
        elif kind == "loop":
            path.symlink_to(".")
        elif kind in ("folder", "closed"):
            path.mkdir()
            shutil.copy(SMALL[number % len(SMALL)], path / "inner.yaml")
            if kind == "closed":  # a folder the user may not list
                refused.add(entry.name)
        else:
            continue
        made.append(path)
    return frozenset(refused)


# --- the targets ----------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="jusou-fuzz-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def target_text(data: bytes, command: str) -> None:
    with _scratch() as folder:
        path = folder / "case.yaml"
        path.write_bytes(data)
        run_cli([command, str(path)])


def target_mutation(case: tuple[Path, bytes], fmt: str) -> None:
    source, data = case
    with _scratch() as folder:
        path = folder / source.name
        path.write_bytes(data)
        # A report's plan is named relative to the report: keep the bundled plans beside it.
        for plan in (*ROOT.glob("plans/*.yaml"), *(ROOT / "tests/fixtures/indicators").glob("plan.yaml")):
            (folder / "plans").mkdir(exist_ok=True)
            shutil.copy(plan, folder / "plans" / plan.name)
            if not (folder / plan.name).exists():
                shutil.copy(plan, folder / plan.name)
        run_cli(["check", "--format", fmt, str(path)])
        run_cli(["indicators", str(path)])
        run_library(path)


def target_files(chosen: list[Entry], fmt: str) -> None:
    with _scratch() as folder:
        refused = build_tree(folder, chosen)
        run_cli(["check", "--format", fmt, str(folder)], refused=refused)
        run_cli(["indicators", str(folder)], refused=refused)
        for path in sorted(folder.iterdir())[:3]:
            run_cli(["check", str(path)], refused=refused)
            run_cli(["schema", "-o", str(path)], refused=refused)  # output onto a pipe, a link, a folder …


def target_library(data: bytes) -> None:
    parse_source(data)
    parse_source(data.decode("utf-8", "surrogateescape"))
    with _scratch() as folder:
        path = folder / "case.yaml"
        path.write_bytes(data)
        run_library(path)
        for wrong in (folder, folder / "missing.yaml"):
            with contextlib.suppress(jusou_spec.JusouError):
                jusou_spec.load(wrong)


TARGETS: dict[str, tuple[Callable[..., None], tuple[st.SearchStrategy[Any], ...]]] = {
    "text": (target_text, (random_text(), st.sampled_from(["check", "indicators"]))),
    "mutation": (target_mutation, (mutated(), st.sampled_from(FORMATS))),
    "files": (target_files, (st.lists(entries, min_size=1, max_size=8), st.sampled_from(FORMATS))),
    "library": (target_library, (st.one_of(random_text(), mutated().map(lambda case: case[1])),)),
}


# --- the campaign ---------------------------------------------------------------------------------------------------


@attrs.define
class Tally:
    cases: int = 0
    seconds: float = 0.0
    failures: list[str] = attrs.Factory(list)


def run_target(name: str, *, examples: int, seed: int | None = None) -> Tally:
    """One batch of ``examples`` cases of a target (derandomised without a ``seed``); each distinct failure is
    shrunk and recorded with the input it shrank to."""
    tally = Tally()
    function, strategies = TARGETS[name]

    def counted(case: tuple[Any, ...]) -> None:
        tally.cases += 1
        function(*case)

    test = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=seed is None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )(given(st.tuples(*strategies))(counted))
    start = time.monotonic()
    try:
        (test if seed is None else seeded(seed)(test))()
    except Exception as error:
        found = list(error.exceptions) if isinstance(error, BaseExceptionGroup) else [error]
        for failure in found:
            notes = "\n".join(getattr(failure, "__notes__", []))
            tally.failures.append(f"{name}: {type(failure).__name__}: {str(failure)[:500]}\n{notes[:1500]}")
    tally.seconds = time.monotonic() - start
    return tally


def campaign(seconds: float, *, batch: int = 25) -> dict[str, Tally]:
    """Every target in turn, in batches with fresh random seeds, until ``seconds`` have passed."""
    totals = {name: Tally() for name in TARGETS}
    deadline = time.monotonic() + seconds
    rounds = random.Random()
    while time.monotonic() < deadline:
        for name in TARGETS:
            if time.monotonic() >= deadline:
                break
            done = run_target(name, examples=batch, seed=rounds.getrandbits(32))
            total = totals[name]
            total.cases += done.cases
            total.seconds += done.seconds
            total.failures.extend(f for f in done.failures if f not in total.failures)
    return totals


def report(totals: dict[str, Tally]) -> str:
    lines = ["target      cases   seconds   cases/s   failures"]
    for name, tally in totals.items():
        rate = tally.cases / tally.seconds if tally.seconds else 0.0
        lines.append(f"{name:<10} {tally.cases:>6} {tally.seconds:>9.1f} {rate:>9.1f} {len(tally.failures):>10}")
    cases = sum(t.cases for t in totals.values())
    seconds = sum(t.seconds for t in totals.values())
    failures = [failure for tally in totals.values() for failure in tally.failures]
    lines.append(
        f"{'all':<10} {cases:>6} {seconds:>9.1f} {cases / seconds if seconds else 0:>9.1f} {len(failures):>10}"
    )
    for failure in failures:
        lines += ["", failure]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    warnings.simplefilter("ignore")  # Hypothesis' notes on large reprs of whole documents
    budget = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    os.chdir(ROOT)
    results = campaign(budget)
    sys.stdout.write(report(results))
    raise SystemExit(1 if any(tally.failures for tally in results.values()) else 0)
