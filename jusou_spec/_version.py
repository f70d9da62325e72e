"""The package's version, in a module of its own so that the CLI and the SARIF reporter can name it without
importing the package's public API (which imports the checker and, on demand, the graph)."""

from __future__ import annotations

__version__ = "0.1.0"
