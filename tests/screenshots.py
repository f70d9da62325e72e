"""Screenshots of each bundled plan's council document for the README (``docs/img/render-*.png``).

Run by ``scripts/regenerate`` with Debian's Chromium at the width of an A4 page: the opening screen (cover and
contents) and the programs chapter. They show what `jusou render` produces; no test compares them byte for byte,
since a Chromium update may move a pixel.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from jusou_spec.document import build, render_files
from tests.browser import A4_WIDTH, chromium, unavailable
from tests.render_cases import PLANS, REPORTS

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "img"
HEIGHT = 1123
"""An A4 page's height in CSS pixels."""


def regenerate() -> None:
    reason = unavailable()
    if reason is not None:
        raise SystemExit(f"screenshots not taken: {reason}")
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        page = browser.new_page(viewport={"width": A4_WIDTH, "height": HEIGHT})
        for name, path in PLANS.items():
            html = Path(folder) / f"{name}.html"
            html.write_bytes(render_files(build(path, reports=REPORTS.get(name, [])), "html", stem=name)[html.name])
            page.goto(html.as_uri())
            page.screenshot(path=str(IMAGES / f"render-{name}.png"))
            top = page.evaluate("document.getElementById('programs').getBoundingClientRect().top + window.scrollY")
            page.screenshot(
                path=str(IMAGES / f"render-{name}-programs.png"),
                clip={"x": 0, "y": top - 20, "width": A4_WIDTH, "height": HEIGHT},
                full_page=True,
            )


if __name__ == "__main__":
    regenerate()
