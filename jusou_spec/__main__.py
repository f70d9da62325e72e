"""``python -m jusou_spec`` runs the ``jusou`` command."""

from jusou_spec.cli import main

raise SystemExit(main())
