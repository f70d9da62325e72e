"""Where a value sits in its document, asked of the model in English attribute names.

Each field's declaration (``key("所管課", ...)``) is the only place that knows a Japanese key, and each model object
that a finding can point at keeps the pointer it was built from (its ``pointer``). Rules, resolvers and renderers
ask here instead of spelling a key:

>>> from jusou_spec.model import Plan, Program
>>> plan, _ = Plan.from_document({"jusou": "plan/1", "事業": [{"id": "a", "名称": "相談", "所管課": ["福祉課"]}]})
>>> pointer_to(plan.programs[0], "departments", 0)
'/事業/0/所管課/0'
>>> pointer_in(Plan, "programs", 3, "indicators", 0, "baseline", "value")
'/事業/3/成果目標/0/基準値/値'
>>> key_of(Program, "departments")
'所管課'
"""

from __future__ import annotations

import functools
import typing

import attrs

from jusou_spec import jsonpointer
from jusou_spec.model._build import NotStated

__all__ = ["key_of", "pointer_in", "pointer_to"]

Step = str | int
"""An English attribute name, or an index into a list-valued attribute."""


@attrs.frozen
class _Declared:
    key: str
    model: type | None
    """The model class the value (or each item of it) is built as, when it is one."""


def _is_model(cls: object) -> bool:
    return isinstance(cls, type) and attrs.has(cls) and any(f.metadata.get("ja") for f in attrs.fields(cls))


def _model_in(annotation: object) -> type | None:
    """The model class inside a field's type (``tuple[Target, ...] | NotStated`` → Target), if there is one."""
    if _is_model(annotation):
        return annotation  # type: ignore[return-value]
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


@functools.cache
def _declared(cls: type) -> dict[str, _Declared]:
    """Each keyed attribute of the model class ``cls``: its Japanese key and the model class of its value."""
    if not _is_model(cls):
        raise TypeError(f"{cls.__name__} is not a model class (its attributes declare no document keys)")
    hints = typing.get_type_hints(cls)
    return {
        field.name: _Declared(field.metadata["ja"], _model_in(hints[field.name]))
        for field in attrs.fields(cls)
        if field.metadata.get("ja")
    }


def key_of(cls: type, attribute: str) -> str:
    """The document's key for ``attribute`` of the model class ``cls`` (for messages that name the key)."""
    return str(_tokens(cls, (attribute,))[0])


def pointer_in(cls: type, *steps: Step) -> str:
    """The pointer of ``steps`` relative to an instance of the model class ``cls`` (absolute for Plan, Report).

    Each step is an attribute name or, after a list-valued attribute, an index into it. This is for code that has
    no model object to ask (:func:`pointer_to` is the usual way): code that reads the document as data, or a
    value derived from a model object that kept only its pointer (append the relative path to that pointer).
    """
    return jsonpointer.join("", *_tokens(cls, steps))


def pointer_to(obj: object, *steps: Step) -> str:
    """The pointer of the value that ``steps`` name inside the model object ``obj``, or of ``obj`` itself.

    ``obj`` is a model object that keeps its own pointer (most do: a program, a meeting, an actual …), a
    document (a :class:`~jusou_spec.model.Plan` or a :class:`~jusou_spec.model.Report`, whose pointer is ``""``),
    or a :class:`~jusou_spec.model.NotStated`. An object written in shorthand (a bare ``直営`` for a 実施方式)
    has no keys of its own: its pointer names the shorthand, and its attributes' pointers name nothing.
    """
    if isinstance(obj, NotStated):
        if steps:
            raise TypeError("a value that is not stated has no attributes")
        return obj.pointer
    cls = type(obj)
    return jsonpointer.join(_own_pointer(obj, cls), *_tokens(cls, steps))


def _own_pointer(obj: object, cls: type) -> str:
    fields = attrs.fields_dict(cls) if attrs.has(cls) else {}
    own = fields.get("pointer")
    if own is not None and own.metadata.get("ja", "") is None:
        return str(getattr(obj, own.name))
    if "marker" in fields and fields["marker"].metadata.get("ja") == "jusou":
        return ""
    raise TypeError(
        f"a {cls.__name__} does not keep its pointer: ask the object that holds it "
        f"(for example pointer_to(indicator, 'baseline', 'value'))"
    )


def _tokens(cls: type, steps: tuple[Step, ...]) -> tuple[str | int, ...]:
    tokens: list[str | int] = []
    current: type | None = cls
    for step in steps:
        if isinstance(step, int) and not isinstance(step, bool):
            tokens.append(step)
            continue
        if current is None:
            raise ValueError(f"{'/'.join(map(str, steps))}: {tokens[-1]!r} holds no attributes, so not {step!r}")
        declared = _declared(current)
        if step not in declared:
            known = ", ".join(declared)
            raise ValueError(f"{current.__name__} has no attribute {step!r} in its document (it has {known})")
        tokens.append(declared[step].key)
        current = declared[step].model
    return tuple(tokens)
