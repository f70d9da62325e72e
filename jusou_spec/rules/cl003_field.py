"""A program's field (分野) is the field of the clause it implements.

社会福祉法第106条の4第2項 takes each lettered item of 第1号 and 第3号 from one field's own law: 第1号イ and
第3号イ・ロ from 介護保険法 (高齢), 第1号ロ and 第3号ハ from 障害者総合支援法 (障がい), 第1号ハ and 第3号ニ from
子ども・子育て支援法 (子ども), 第1号ニ from 生活困窮者自立支援法 (生活困窮); 第3号 without a letter is the
community-building project for people in need (生活困窮). A program tagged with one of these clauses but written
with another field has a slip in one of the two, and the clause decides the statutory basis (and the grant) of the
program, so it is an error. 第2号, 第4号, 第5号 and 第6号 serve every field and accept any 分野.

The clause table (対象事業表) is held to the same correspondence where its 分野 names a field (困窮, 障害 and
子育て are read as 生活困窮, 障がい and 子ども).

Fails (第1号ロ is the disability consultation item)::

    事業:
      - {id: 相談, 名称: 障害者相談支援事業, 号: 第1号ロ, 分野: 高齢, 所管課: [障がい福祉課]}

Passes::

    事業:
      - {id: 相談, 名称: 障害者相談支援事業, 号: 第1号ロ, 分野: 障がい, 所管課: [障がい福祉課]}
      - {id: 参加, 名称: 参加支援事業, 号: 第2号, 分野: 生活困窮, 所管課: [地域福祉課]}
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from jusou_spec.findings import Check, Finding, Message, Severity
from jusou_spec.law import Clause, Field
from jusou_spec.model import Plan, pointer_to

CHECK = Check(
    "CL003",
    "clauses.field",
    Severity.ERROR,
    Message(ja="号と分野が合わない", en="A program's field does not match its clause"),
)

_TABLE_WORDS = {
    "高齢": Field.ELDERLY,
    "介護": Field.ELDERLY,
    "障がい": Field.DISABILITY,
    "障害": Field.DISABILITY,
    "子ども": Field.CHILDREN,
    "こども": Field.CHILDREN,
    "子育て": Field.CHILDREN,
    "生活困窮": Field.POVERTY,
    "困窮": Field.POVERTY,
}


def _mismatch(clauses: tuple[Clause, ...], field: Field) -> Clause | None:
    return next((c for c in clauses if c.field is not None and c.field is not field), None)


def check(plan: Plan) -> Iterator[Finding]:
    for program in plan.programs:
        if not isinstance(program.field, Field):
            continue
        clause = _mismatch(program.clauses, program.field)
        if clause is not None:
            yield CHECK.finding(_message(f"「{program.label}」", clause, program.field), pointer_to(program, "field"))
    for row in plan.clause_table:
        word = "".join(unicodedata.normalize("NFKC", row.field or "").split())
        field = _TABLE_WORDS.get(word)
        clause = _mismatch(row.clauses, field) if field else None
        if clause is not None and field is not None:
            yield CHECK.finding(_message("対象事業表の行", clause, field, word), pointer_to(row, "field"))


def _message(subject: str, clause: Clause, field: Field, written: str | None = None) -> Message:
    assert clause.field is not None
    shown = written or field.value
    return Message(
        ja=f"{subject}は{clause.label}（{clause.field.value}の{clause.program}）ですが、分野が「{shown}」です。"
        f"{clause.citation}は{clause.field.value}分野の事業です。号か分野のどちらかを直してください",
        en=f"{subject} implements {clause.label} ({clause.field.english}: {clause.program_en}) but its field is "
        f"'{shown}' ({field.english}); {clause.citation} is a {clause.field.english} item: correct the clause or "
        "the field",
    )


DOC_JA = """事業の分野は、その事業が実施する号の分野と合っています。

社会福祉法第106条の4第2項は、第1号と第3号の記号つきの各事業を分野ごとの法律から取っています。第1号イと第3号イ・ロは
介護保険法（高齢）、第1号ロと第3号ハは障害者総合支援法（障がい）、第1号ハと第3号ニは子ども・子育て支援法（子ども）、
第1号ニは生活困窮者自立支援法（生活困窮）、記号のない第3号は生活困窮者のための地域づくり事業（生活困窮）です。
号と分野が食い違う事業はどちらかの書き間違いで、号が事業の法的根拠（と交付金）を決めるので、エラーです。
第2号、第4号、第5号、第6号は全分野にわたるので、どの分野でも構いません。

対象事業表も、分野が分野名を書いているときは同じ対応で確かめます（困窮・障害・子育ては生活困窮・障がい・子どもと読みます）。
"""
