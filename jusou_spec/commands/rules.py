"""``jusou rules [CODE…]``: every code a finding can carry, or the documentation of the ones named.

Without arguments, one line per check: code, default severity, dotted name and title. With codes or groups
(``jusou rules MT001``, ``jusou rules meetings``), each rule's documentation: why it exists and its examples.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

from jusou_spec.catalogue import all_checks, explain, module_of
from jusou_spec.commands._common import EXIT_OK, UsageError, language
from jusou_spec.findings import Check, Message
from jusou_spec.rules import RULES, code_group

NAME = "rules"
HELP = Message(
    ja="検査の一覧とそのコードを示すか、指定した検査の説明を示します",
    en="list every check and its code, or show the documentation of some",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "codes", nargs="*", metavar="CODE", help="説明する検査のコードまたはグループ（MT001、MT、meetings）"
    )


def _named(selector: str) -> list[Check]:
    upper = selector.upper()
    return [
        check
        for check in all_checks()
        if upper in (check.code, code_group(check.code)) or selector in (check.name, check.name.split(".", 1)[0])
    ]


def _built_in(code: str, lang: str) -> str:
    """A built-in check's documentation: why it exists, how to fix it, and its failing and corrected file (the
    same explanation the SARIF log's rule help gives)."""
    explanation = explain(code)
    parts = [explanation.why.text(lang), explanation.fix.text(lang)]
    sample = explanation.sample
    if sample is not None:
        en = lang == "en"
        fails = Message(ja=f"通らない例（{sample.label.ja}）:", en=f"Fails ({sample.label.en})::").text(lang)
        passes = Message(ja="通る例", en="Passes").text(lang)
        if sample.note:
            passes += f" ({sample.note.en})" if en else f"（{sample.note.ja}）"
        passes += "::" if en else ":"
        for heading, body in ((fails, sample.fails), (passes, sample.passes)):
            parts.append(heading + "\n\n" + textwrap.indent(body.rstrip(), "    ", lambda line: True))
    return "\n\n".join(part for part in parts if part)


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    if not args.codes:
        for check in all_checks():
            sys.stdout.write(f"{check.code}  {check.severity.value:<7}  {check.name:<32}  {check.title.text(lang)}\n")
        return EXIT_OK
    docs = {rule.code: rule.explanation(lang) for rule in RULES}
    shown: list[str] = []
    for selector in args.codes:
        checks = _named(selector)
        if not checks:
            raise UsageError(
                Message(
                    ja=f"「{selector}」という規則・グループはありません（一覧は jusou rules）",
                    en=f"no rule or group '{selector}' (see jusou rules)",
                )
            )
        for check in checks:
            body = docs.get(check.code) or _built_in(check.code, lang)
            where = Message(ja="定義", en="defined in").text(lang)
            shown.append(
                f"{check.code} {check.name} ({check.severity.value})\n{check.title.text(lang)}\n"
                f"{where}: {module_of(check.code)}\n" + (f"\n{body}\n" if body else "")
            )
    sys.stdout.write("\n".join(shown))
    return EXIT_OK
