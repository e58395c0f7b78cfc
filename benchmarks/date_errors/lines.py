"""A paragraph of a dated article: a template whose slots stay known after rendering."""

from __future__ import annotations

import string
from dataclasses import dataclass, replace


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Line:
    """One paragraph: a template whose remaining ``{slots}`` are filled at rendering."""

    template: str
    slots: tuple[tuple[str, str], ...] = ()

    def slot(self, name: str) -> str:
        return dict(self.slots)[name]

    def with_slot(self, name: str, value: str) -> Line:
        assert name in dict(self.slots), name
        return replace(self, slots=tuple((k, value if k == name else v) for k, v in self.slots))

    def render(self) -> tuple[str, dict[str, tuple[int, int]]]:
        """The text (first letter capitalised) and the span of each slot in it."""
        values = dict(self.slots)
        parts: list[str] = []
        spans: dict[str, tuple[int, int]] = {}
        position = 0
        for literal, name, _, _ in string.Formatter().parse(self.template):
            parts.append(literal)
            position += len(literal)
            if name is not None:
                value = values[name]
                spans[name] = (position, position + len(value))
                parts.append(value)
                position += len(value)
        text = "".join(parts)
        return text[:1].upper() + text[1:], spans


def make_line(template: str, vocab: dict[str, str], **slots: str) -> Line:
    """``template`` with its vocabulary filled and ``slots`` kept for rendering."""
    filled = template.format_map(_Keep(vocab))
    names = {name for _, name, _, _ in string.Formatter().parse(filled) if name is not None}
    missing = names - set(slots)
    assert not missing, (template, missing)
    return Line(filled, tuple((k, v) for k, v in slots.items() if k in names))
