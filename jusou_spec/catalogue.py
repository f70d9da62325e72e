"""Every code a user can meet: the loader's, the schema's, the model's, the engine's, the configuration's and
every rule's.

The catalogue sits below everything that asks it which codes exist (rule selection, the configuration, the
checker, the reporters), so it imports only the modules that declare checks: the stages of the pipeline up to
the rules, suppression, and the two modules that hold the engine's and the configuration's checks
(:mod:`jusou_spec.engine_checks`, :mod:`jusou_spec.config_checks`).
"""

from __future__ import annotations

import functools
from pathlib import Path

import attrs
import yaml

from jusou_spec import config_checks, engine_checks, schema, source, suppression
from jusou_spec.findings import Check, Message
from jusou_spec.model import YEAR_UNREADABLE, clauses
from jusou_spec.rules import RULES, Example, examples
from jusou_spec.workbook import checks as workbook_checks

__all__ = ["BUILT_IN", "Explanation", "Sample", "all_checks", "check_of", "explain", "module_of"]

_BUILT_IN_BY_MODULE: tuple[tuple[str, tuple[Check, ...]], ...] = (
    (source.__name__, source.CHECKS),
    (schema.__name__, schema.CHECKS),
    (clauses.__name__, (clauses.UNKNOWN_CLAUSE,)),
    # Declared by the model's builder, a module private to the model package that re-exports the check.
    ("jusou_spec.model._build", (YEAR_UNREADABLE,)),
    (engine_checks.__name__, engine_checks.CHECKS),
    (suppression.__name__, suppression.CHECKS),
    (config_checks.__name__, config_checks.CHECKS),
    (workbook_checks.__name__, workbook_checks.CHECKS),
)

BUILT_IN: tuple[Check, ...] = tuple(check for _, checks in _BUILT_IN_BY_MODULE for check in checks)

_MODULE_OF_CODE: dict[str, str] = {
    **{check.code: module for module, checks in _BUILT_IN_BY_MODULE for check in checks},
    **{rule.code: f"jusou_spec.rules.{rule.module}" for rule in RULES},
}


def module_of(code: str) -> str:
    """The module that declares the check with this code, for a contributor looking for its source."""
    return _MODULE_OF_CODE[code]


def all_checks() -> list[Check]:
    """Every check, sorted by code; codes are unique (a test holds it)."""
    return sorted([*BUILT_IN, *(rule.check for rule in RULES)], key=lambda check: check.code)


@functools.cache
def _by_code() -> dict[str, Check]:
    return {check.code: check for check in all_checks()}


def check_of(code: str) -> Check | None:
    """The check a code belongs to (None for a code this version does not know)."""
    return _by_code().get(code)


@attrs.frozen
class Sample:
    """A built-in check shown on a whole file: one that fails it and the same file corrected (from
    ``builtin_examples.yaml``; a rule's examples are in its docstring instead)."""

    label: Message
    fails: str
    passes: str
    syntax: str = "yaml"
    """``yaml`` for a plan or report, ``toml`` for a ``jusou.toml``."""
    note: Message | None = None
    """What the corrected file needs beside it, if anything."""


@functools.cache
def _samples() -> dict[str, Sample]:
    text = (Path(__file__).parent / "builtin_examples.yaml").read_text(encoding="utf-8")  # as resources.py finds files
    found = {}
    for code, entry in yaml.safe_load(text).items():
        note = entry.get("note")
        found[code] = Sample(
            label=Message(**entry["label"]),
            fails=entry["fails"],
            passes=entry["passes"],
            syntax=entry.get("syntax", "yaml"),
            note=Message(**note) if note else None,
        )
    return found


@attrs.frozen
class Explanation:
    """What a check is for and how to answer it, in both languages: the one source of ``jusou rules CODE``, the
    SARIF log's rule help and the links into ``docs/rules.md``.

    ``summary`` is one sentence, ``why`` the reasons (a rule's docstring, empty for a built-in check), ``fix`` what
    to do about a finding, ``examples`` the rule's failing and passing documents, and ``sample`` a built-in
    check's failing and corrected file.
    """

    check: Check
    summary: Message
    why: Message
    fix: Message
    examples: tuple[Example, ...]
    document: str = "plan"
    """The kind of document the examples are laid over (``plan`` or ``report``)."""
    sample: Sample | None = None
    """A built-in check's failing and corrected file (None for a rule, and for a check whose input is not text)."""

    @property
    def anchor(self) -> str:
        """The check's anchor in ``docs/rules.md``."""
        return self.check.code.lower()


_FIX_RULE = Message(
    ja=(
        "指摘された箇所を、下の「通る例」のように書き直します。出典の計画書がそう書いているなど理由があるときは、"
        "文書の `抑制` に規則・位置・理由を書けば、指摘は理由とともに残り、終了コードには数えません。"
    ),
    en=(
        "Rewrite the place the finding names as the passing example below does. Where the source document says so "
        "on purpose, record the finding under `抑制` with the rule, the place and the reason: it stays visible, "
        "with its reason, and no longer fails the check."
    ),
)
_FIX_BUILT_IN = Message(
    ja=(
        "メッセージが示す行・列を直します。この基本の検査は文書や設定で抑制できません（文書として読めるかどうか、"
        "スキーマに合うかどうかの検査のため）。"
    ),
    en=(
        "Correct the line and column the message names. This basic check cannot be suppressed or switched off: it "
        "says whether the document can be read and matches the schema at all."
    ),
)

_FIX_BY_FAMILY: dict[str, Message] = {
    "CF": Message(
        ja="`jusou.toml` の、メッセージが示す行・列を直します（キーの綴り、規則のコード、値の種類）。設定の検査は"
        "設定そのものでは抑制できません。",
        en="Correct the line and column of `jusou.toml` the message names (a key's spelling, a rule's code, a "
        "value's type). A check of the configuration cannot be switched off by the configuration.",
    ),
    "SP": Message(
        ja="メッセージが示す `抑制` の項目を直します。理由を書く、当たる指摘がなくなった抑制は消す、一つの抑制が"
        "いくつもの指摘に当たるときは `対象` で絞るか、すべてを抑制するつもりなら `すべて: true` を書きます。",
        en="Correct the `抑制` entry the message names: give its reason, remove a suppression that no longer "
        "matches a finding, and where one suppression matches several findings narrow it with `対象`, or write "
        "`すべて: true` when all of them are meant.",
    ),
}
"""How to fix the built-in checks whose fix is not in the document's line and column as such."""

_FIX_INTERNAL = Message(
    ja=(
        "文書ではなく jusou-spec の不具合です。`--debug`（または環境変数 `JUSOU_DEBUG=1`）を付けて実行し直し、"
        "表示されたトレースバックを添えて報告してください。ほかの規則の結果はそのまま使えます。"
    ),
    en=(
        "The fault is in jusou-spec, not in the document. Run again with `--debug` (or `JUSOU_DEBUG=1` in the "
        "environment) and report it with the traceback shown; the other rules' results stand."
    ),
)


_WHY_BUILT_IN: dict[str, Message] = {
    "SR": Message(
        ja="文書を YAML として読めなければ、スキーマも規則も確かめられません。読み込みの指摘は、ほかの指摘より先に直します。",
        en="A document that cannot be read as YAML cannot be checked against the schema or the rules: fix the "
        "loader's findings before any other.",
    ),
    "SV": Message(
        ja="計画・報告書の形は JSON Schema（`jusou schema`）で決まっています。スキーマに合わない文書からはモデルを"
        "作れないため、規則は実行されません。エディタにスキーマを設定すると、書きながら確かめられます。",
        en="The shape of a plan or report is its JSON Schema (`jusou schema`). A document that does not match it "
        "cannot become a model, so no rule runs on it; an editor given the schema checks as you type.",
    ),
    "CF": Message(
        ja="`jusou.toml` の書き間違いは、意図した規則の選択や重さが効かないまま検査が通ることにつながります。",
        en="A mistake in `jusou.toml` would let the check pass without the selection or severities you meant.",
    ),
    "SP": Message(
        ja="抑制は、指摘を理由とともに文書に残すためのものです。理由のない抑制や当たる指摘のない抑制は、"
        "指摘を黙って隠すか、古くなった記録を残します。",
        en="A suppression keeps a finding visible with its reason. One without a reason, or one that matches no "
        "finding, hides a finding silently or keeps a stale record.",
    ),
    "JS": Message(
        ja="jusou-spec 自身の不具合で規則が最後まで動かなかったことを示します。その規則の結果は欠けています。",
        en="A rule failed because of a fault in jusou-spec itself; that rule's results are missing.",
    ),
    "RF": Message(
        ja="報告書の実績は、参照する計画の指標と照らして検査します。計画を読めなければ、その照合ができません。",
        en="A report's actuals are checked against the indicators of the plan it names; without the plan they "
        "cannot be.",
    ),
    "CL": Message(
        ja="号は社会福祉法第106条の4第2項にあるものだけです。存在しない号の事業は、法定の事業として数えられません。",
        en="Only the items of Social Welfare Act art. 106-4(2) exist; a program under an item that does not "
        "exist cannot count as a statutory program.",
    ),
    "XL": Message(
        ja="ワークブックは、セルの値を計画・報告書の文書として読みます。読めないセルや置き場所のない値は、"
        "黙って捨てずに、そのシートとセルで指摘します。",
        en="A workbook is read cell by cell into a plan or report; a cell that cannot be read, or a value with no "
        "place in the document, is reported at its sheet and cell instead of being dropped.",
    ),
    "YR": Message(
        ja="年度と期間は、計画期間・実施年度・実績の年度の照合に使います。読めない値は、どの年度の検査にも使えません。",
        en="Years and periods are what plan periods, program years and actuals are compared by; a value that "
        "cannot be read as one takes part in none of those checks.",
    ),
}
"""Why each family of built-in checks exists: the loader's, the schema's, the configuration's and so on."""


def explain(code: str) -> Explanation:
    """The explanation of the check with this code (``KeyError`` for a code this version does not know).

    A rule's English comes from its docstring (first line: the summary; then why; then the examples), its Japanese
    from the module's ``DOC_JA`` in the same shape; a built-in check has its title and how to fix it.
    """
    check = _by_code()[code]
    doc, doc_ja = _docs().get(code, ("", ""))
    summary_en, why_en = _summary_and_why(doc.split("\nFails", 1)[0])
    summary_ja, why_ja = _summary_and_why(doc_ja)
    return Explanation(
        check=check,
        summary=Message(ja=summary_ja or f"{check.title.ja}。", en=summary_en or f"{check.title.en}."),
        why=Message(ja=why_ja, en=why_en) if doc else _WHY_BUILT_IN.get(code[:2], Message(ja="", en="")),
        fix=_FIX_RULE if doc else _FIX_INTERNAL if code == "JS900" else _FIX_BY_FAMILY.get(code[:2], _FIX_BUILT_IN),
        examples=tuple(examples(doc)),
        document=_documents().get(code, "plan"),
        sample=None if doc else _samples().get(code),
    )


def _summary_and_why(text: str) -> tuple[str, str]:
    first, _, rest = text.strip().partition("\n")
    return first.strip(), rest.strip()


@functools.cache
def _docs() -> dict[str, tuple[str, str]]:
    """Each rule's docstring and its Japanese explanation (``DOC_JA``; empty until the rule has one)."""
    return {rule.code: (rule.doc, str(getattr(rule, "doc_ja", ""))) for rule in RULES}


@functools.cache
def _documents() -> dict[str, str]:
    return {rule.code: "report" if rule.document == "report" else "plan" for rule in RULES}
