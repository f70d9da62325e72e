"""A corpus of realistic plans for the benchmarks: N schema-valid plans of varied size, generated from the bundled ones.

A prefecture or the ministry checks hundreds of plans at once, up to the 1,741 municipalities; a plans repository
holds a few. The bundled plans (``plans/*.yaml``) are real transcriptions, so each generated plan starts from one
of them and is then varied the way real plans differ:

- **programs**: from one to three times the base plan's, copies renamed per district (``…（第2地区）``) with their
  own ids, so no rule mistakes them for duplicates;
- **long texts**: notes lengthened with the plan's own sentences (the seeds' notes run to several hundred
  characters);
- **transition years**: a plan that starts with 移行準備事業 years and moves to 本格実施;
- **umbrellas** (``上位事業``, a program grouping others under ``号全体``), as 射水市 groups its programs;
- **missing programs**: one to three programs left out, so that some plans have findings (a missing 号, a
  dangling reference), as a corpus of real plans in preparation does.

Each variation is in :data:`FEATURES`, where a variation joins by name and is applied only when the schema has its
key. ``--count 1741`` (:data:`NATIONAL`) makes the national corpus, every municipality's plan (the analysis
benchmark, ``benchmarks/export_speed.py``, uses it).

The output is deterministic for a given seed. ``plan_with_programs(n)`` gives one plan with exactly ``n`` programs
(the scaling benchmark and ``tests/test_linear_rules.py`` use it, with umbrellas).

    .venv/bin/python -m benchmarks.corpus OUT_DIR [--count N] [--seed S]
"""

from __future__ import annotations

import argparse
import copy
import functools
import json
import random
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BASES = ("ashiya", "uozu", "imizu")
"""The bundled plans a generated plan starts from, in the proportion 3:2:1 (large, middle, small)."""
WEIGHTS = (3, 2, 1)
NATIONAL = 1741
"""The municipalities of Japan (市町村 and 特別区): the national corpus has one plan for each."""

Plan = dict[str, Any]


@functools.cache
def base_plan(name: str) -> Plan:
    """A bundled plan's data (read once; callers get a deep copy to vary)."""
    text = (ROOT / "plans" / f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert isinstance(data, dict)
    return data


@functools.cache
def schema_keys() -> frozenset[str]:
    """Every property name the plan schema declares (a variation whose key is missing is not applied yet)."""
    text = (ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8")
    keys: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            keys.update(node.get("properties", {}))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(json.loads(text))
    return frozenset(keys)


# ---------------------------------------------------------------- variations


def _ids_in(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            yield node["id"]
        for value in node.values():
            yield from _ids_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from _ids_in(value)


def _renamed(node: Any, names: dict[str, str]) -> Any:
    """``node`` with every string equal to one of its own ids renamed (the ids and the references to them)."""
    if isinstance(node, dict):
        return {key: _renamed(value, names) for key, value in node.items()}
    if isinstance(node, list):
        return [_renamed(value, names) for value in node]
    if isinstance(node, str):
        return names.get(node, node)
    return node


def copy_program(program: dict[str, Any], copy_number: int) -> dict[str, Any]:
    """A copy of ``program`` for another district: its own ids, and a name that no rule takes for the original's."""
    suffix = f"（第{copy_number}地区）"
    names = {identifier: f"{identifier}-{copy_number}" for identifier in _ids_in(program)}
    copied: dict[str, Any] = _renamed(program, names)
    copied["名称"] = f"{program['名称']}{suffix}"
    return copied


def with_programs(plan: Plan, count: int) -> Plan:
    """``plan`` with exactly ``count`` programs: its own first, then district copies of them in turn."""
    originals = plan["事業"]
    programs = list(originals[:count])
    number = 2
    while len(programs) < count:
        for program in originals:
            if len(programs) == count:
                break
            programs.append(copy_program(program, number))
        number += 1
    return {**plan, "事業": programs}


def _sentences(plan: Plan) -> list[str]:
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)
        elif isinstance(node, str) and len(node) >= 40:
            found.extend(part + "。" for part in node.split("。") if len(part) >= 20)

    visit(plan)
    return found


def lengthen_texts(plan: Plan, rng: random.Random) -> Plan:
    """Each program's note lengthened by three to twelve of the plan's own sentences."""
    sentences = _sentences(plan) or ["関係機関と連携して支援を行う。"]
    for program in plan["事業"]:
        note = program.get("注記")
        lines = [note] if isinstance(note, str) else list(note or [])
        lines.append("".join(rng.choice(sentences) for _ in range(rng.randint(3, 12))))
        program["注記"] = lines
    return plan


def transition_years(plan: Plan, rng: random.Random) -> Plan:
    """One or two 移行準備事業 years before 本格実施, as many municipalities began."""
    preparing = rng.randint(1, 2)
    plan["計画期間"] = "令和4年度～令和8年度"
    plan["実施形態"] = [
        {"年度": f"令和4年度～令和{3 + preparing}年度", "形態": "移行準備事業"},
        {"年度": f"令和{4 + preparing}年度～令和8年度", "形態": "本格実施"},
    ]
    return plan


_UMBRELLAS = (
    ("第1号", "包括的相談支援事業", "相談"),
    ("第3号", "地域づくり事業", "地域"),
)
"""The umbrellas plans write (号全体, 名称, the id's stem), as in plans/imizu.yaml."""


def _whole_clause(program: dict[str, Any]) -> str | None:
    """``第1号`` or ``第3号`` when the program's own 号 is one of their lettered items (``第１号イ``, ``第3号 ロ``)."""
    clause = program.get("号")
    if not isinstance(clause, str):
        return None
    text = unicodedata.normalize("NFKC", clause).replace(" ", "")
    for whole, _, _ in _UMBRELLAS:
        if text.startswith(whole) and text[len(whole) :][:1] in ("イ", "ロ", "ハ", "ニ", "二"):
            return whole
    return None


def group_under_umbrellas(plan: Plan, wholes: tuple[tuple[str, str, str], ...] = _UMBRELLAS) -> Plan:
    """``plan`` with an umbrella program (``号全体``) at its head for each of ``wholes`` that has members, and
    ``上位事業`` on every program carrying one of that 号's lettered items."""
    programs = plan["事業"]
    heads = []
    for whole, name, stem in wholes:
        members = [program for program in programs if _whole_clause(program) == whole]
        if not members:
            continue
        head = f"上位-{stem}"
        for member in members:
            member["上位事業"] = head
        heads.append({"id": head, "名称": name, "号全体": whole, "所管課": members[0]["所管課"]})
    plan["事業"] = [*heads, *programs]
    return plan


def umbrellas(plan: Plan, rng: random.Random) -> Plan:
    """Programs grouped under umbrella programs (``上位事業``): the lettered items of 第1号 under a
    包括的相談支援事業 with ``号全体: 第1号``, and (in half the plans) those of 第3号 under a 地域づくり事業, as
    plans/imizu.yaml records them. A plan that already has umbrellas is left as it is."""
    if any("号全体" in program or "上位事業" in program for program in plan["事業"]):
        return plan
    return group_under_umbrellas(plan, _UMBRELLAS if rng.random() < 0.5 else _UMBRELLAS[:1])


def missing_programs(plan: Plan, rng: random.Random) -> Plan:
    """One to three programs left out, as a plan in preparation or a transcription that lost a page does: the
    checker then finds a missing 号 or a dangling reference, as it would in the field."""
    programs = plan["事業"]
    for _ in range(min(rng.randint(1, 3), len(programs) - 1)):
        programs.pop(rng.randrange(len(programs)))
    return plan


FEATURES: dict[str, tuple[str | None, float, Callable[[Plan, random.Random], Plan]]] = {
    "long-texts": (None, 0.5, lengthen_texts),
    "transition-years": (None, 0.3, transition_years),
    "umbrellas": ("上位事業", 0.4, umbrellas),
    "missing-programs": (None, 0.15, missing_programs),
}
"""Each variation: the schema key it needs (None: none), the share of plans it applies to, and the function."""


def active_features() -> list[str]:
    """The variations the current schema allows (those whose key the schema declares)."""
    keys = schema_keys()
    return [name for name, (needs, _, _) in FEATURES.items() if needs is None or needs in keys]


def generate_plan(index: int, *, seed: int = 0) -> Plan:
    """The ``index``-th plan of the corpus with ``seed``: a base plan, its size, its variations."""
    rng = random.Random(f"{seed}:{index}")
    base = rng.choices(BASES, weights=WEIGHTS)[0]
    plan = copy.deepcopy(base_plan(base))
    plan["自治体"] = {**plan["自治体"], "名称": f"{plan['自治体']['名称']}{index + 1}"}
    size = max(1, round(len(plan["事業"]) * rng.uniform(1.0, 3.0)))
    plan = with_programs(plan, size)
    for name in active_features():
        _, share, vary = FEATURES[name]
        if rng.random() < share:
            plan = vary(plan, rng)
    return plan


def plan_with_programs(count: int, *, umbrellas: bool = False) -> Plan:
    """The largest bundled plan with exactly ``count`` programs (for scaling: per-program cost at 1k, 5k, 10k);
    with ``umbrellas``, two of them are umbrellas (第1号 and 第3号) that every copy of their items names."""
    plan = copy.deepcopy(base_plan("ashiya"))
    if not umbrellas:
        return with_programs(plan, count)
    return group_under_umbrellas(with_programs(plan, count - len(_UMBRELLAS)))


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]  # C or Python, as installed
    """PyYAML's dumper without its anchors: where two programs share one list object (a department list copied
    per district), it would write ``&id001`` and ``*id001``, which no planner writes; each is written out."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(plan: Plan) -> str:
    """A plan as YAML text, as a planner's editor would keep it (block style, Japanese as written, no anchors)."""
    text = yaml.dump(
        plan,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100_000,
    )
    return "# yaml-language-server: $schema=../schemas/plan.schema.json\n" + text


def write_corpus(folder: Path, count: int, *, seed: int = 0) -> list[Path]:
    """Write ``count`` plans into ``folder`` (plan-0001.yaml …) and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"plan-{index + 1:04d}.yaml"
        path.write_text(dump(generate_plan(index, seed=seed)), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = write_corpus(args.folder, args.count, seed=args.seed)
    size = sum(path.stat().st_size for path in paths)
    print(f"{len(paths)} plans, {size / 1024 / 1024:.1f} MiB, variations: {', '.join(active_features())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
