"""The hashed lock and pyproject.toml's ranges agree, and the environment the tests run in is the one they describe.

Users who install the library into their own environment get the ranges; the project's own set-up gets the lock.
A pin outside its range, a dependency the lock forgot, or a pin without a hash would make the two tell different
stories, so they are read side by side here.
"""

from __future__ import annotations

import os
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"
LATEST = os.environ.get("JUSOU_DEPENDENCIES") == "latest"


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _ranges() -> list[Requirement]:
    """The runtime dependencies and those of every extra, as pyproject.toml states them."""
    project = _pyproject()["project"]
    extras = project.get("optional-dependencies", {}).values()
    return [Requirement(text) for text in [*project["dependencies"], *(r for extra in extras for r in extra)]]


def _lock_entries() -> list[tuple[Requirement, list[str]]]:
    """Each pin of the lock with its hashes (a package may be pinned twice, under exclusive markers)."""
    logical = LOCK.read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
    entries = []
    for line in logical:
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        words = text.split(" --hash=")
        entries.append((Requirement(words[0].strip()), [h.strip() for h in words[1:]]))
    return entries


def _pins_for_this_python() -> dict[str, str]:
    """Package name → pinned version, for the pins whose markers hold on the interpreter running the tests."""
    environment = default_environment()
    pins = {}
    for requirement, _ in _lock_entries():
        if requirement.marker is None or requirement.marker.evaluate(environment):
            (specifier,) = requirement.specifier
            pins[canonicalize_name(requirement.name)] = specifier.version
    return pins


def test_every_pin_is_exact_and_hashed():
    """Each line of the lock pins one exact version and lists at least one sha256 hash (pip's --require-hashes)."""
    entries = _lock_entries()
    assert entries
    for requirement, hashes in entries:
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", requirement
        assert hashes and all(h.startswith("sha256:") and len(h) == len("sha256:") + 64 for h in hashes), requirement


def test_the_lock_satisfies_the_ranges():
    """Every dependency pyproject.toml names (runtime and every extra) is pinned, within its range."""
    entries = _lock_entries()
    for wanted in _ranges():
        pins = [pin for pin, _ in entries if canonicalize_name(pin.name) == canonicalize_name(wanted.name)]
        assert pins, f"{wanted.name} is not in {LOCK.name}: run scripts/dev lock"
        for pin in pins:
            (specifier,) = pin.specifier
            assert wanted.specifier.contains(specifier.version, prereleases=True), f"{pin} is outside {wanted}"


@pytest.mark.parametrize("python", ["3.11", "3.12", "3.13", "3.14"])
@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_each_package_is_pinned_once_per_environment(python, platform):
    """On every Python and platform the project supports, no package has two pins whose markers both hold."""
    environment = {
        **default_environment(),
        "python_version": python,
        "python_full_version": f"{python}.0",
        "sys_platform": platform,
    }
    names = [
        canonicalize_name(requirement.name)
        for requirement, _ in _lock_entries()
        if requirement.marker is None or requirement.marker.evaluate(environment)
    ]
    assert len(names) == len(set(names))
    assert {canonicalize_name(r.name) for r in _ranges()} <= set(names) | {"jusou-spec"}


@pytest.mark.skipif(LATEST, reason="scripts/dev test --latest installs the newest releases, not the lock")
def test_the_environment_is_installed_from_the_lock():
    """What the tests run on is the locked version of every pinned package (scripts/dev installs the lock)."""
    for name, version in _pins_for_this_python().items():
        assert metadata.version(name) == version, (
            f"{name} {metadata.version(name)} is installed; the lock pins {version}"
        )


def test_the_environment_satisfies_the_ranges():
    """Whichever way it was installed (lock or --latest), every dependency is within the range pyproject.toml gives."""
    for wanted in _ranges():
        installed = metadata.version(wanted.name)
        assert wanted.specifier.contains(installed, prereleases=True), f"{wanted.name} {installed} is outside {wanted}"
