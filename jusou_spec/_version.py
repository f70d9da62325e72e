"""The package's version and where the project lives, in a module of its own so that the CLI and the SARIF reporter
can name them without importing the package's public API (which imports the checker and, on demand, the graph).

This is the one place each is set: ``pyproject.toml`` reads the version from here (hatch's version source), and
``docs/ci.md`` spells :data:`REPOSITORY_URL` exactly as written here (a test holds both).
"""

from __future__ import annotations

__all__ = ["DOCUMENTATION_URL", "REPOSITORY_URL", "__version__"]

__version__ = "0.1.0"

REPOSITORY_URL = "https://example.invalid/jusou-spec.git"
"""The repository to install from until the package is on PyPI. The project has no public address yet: this is
the placeholder the documentation uses, to be replaced here and in ``docs/ci.md`` when it has one."""

DOCUMENTATION_URL: str | None = None
"""The base URL of the published ``docs/`` folder (ending in ``/``), from which SARIF logs link each rule to its
section of ``rules.md``; None while the documentation has no public address (the links are then left out).
``JUSOU_DOCS_URL`` in the environment overrides it."""
