"""A few lines of SVG drawing for the report's charts: every piece of text escaped (its
markup and its control characters), every number written with fixed precision, so that
the same chart gives the same bytes."""

from __future__ import annotations

import html
import math

from markupsafe import Markup

from factcheck.escaping import visible_controls


def escape(text: str) -> str:
    """``text`` safe in SVG text and attribute values."""
    return html.escape(visible_controls(text))


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


class Svg:
    """An SVG document built element by element; ``markup()`` closes it."""

    def __init__(self, width: int, height: int, label: str) -> None:
        self.width, self.height = width, height
        self.parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
                      f'width="{width}" height="{height}" role="img" '
                      f'aria-label="{escape(label)}" class="chart">',
                      f"<title>{escape(label)}</title>"]

    def _attrs(self, attrs: dict[str, str | float]) -> str:
        out = []
        for key, value in attrs.items():
            text = _num(value) if isinstance(value, float | int) else escape(str(value))
            out.append(f'{key.rstrip("_").replace("_", "-")}="{text}"')
        return " ".join(out)

    def add(self, tag: str, tooltip: str | None = None, **attrs: str | float) -> None:
        if tooltip is None:
            self.parts.append(f"<{tag} {self._attrs(attrs)}/>")
        else:
            self.parts.append(f"<{tag} {self._attrs(attrs)}><title>{escape(tooltip)}</title>"
                              f"</{tag}>")

    def text(self, x: float, y: float, text: str, **attrs: str | float) -> None:
        self.parts.append(f'<text {self._attrs({"x": x, "y": y, **attrs})}>{escape(text)}'
                          "</text>")

    def polyline(self, points: list[tuple[float, float]], tooltip: str,
                 **attrs: str | float) -> None:
        path = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
        self.add("polyline", tooltip, points=path, fill="none", **attrs)

    def markup(self) -> Markup:
        return Markup("".join([*self.parts, "</svg>"]))  # every part is escaped


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values spanning [low, high]."""
    if high <= low:
        return [low]
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


class Scale:
    """A linear map from a data domain onto a pixel range."""

    def __init__(self, low: float, high: float, start: float, end: float) -> None:
        self.low, self.high, self.start, self.end = low, high, start, end

    def __call__(self, value: float) -> float:
        if self.high == self.low:
            return (self.start + self.end) / 2
        share = (value - self.low) / (self.high - self.low)
        return self.start + share * (self.end - self.start)


def padded(values: list[float], share: float = 0.06) -> tuple[float, float]:
    """The span of ``values`` widened by ``share`` of it at each end."""
    low, high = min(values), max(values)
    pad = (high - low) * share or abs(high) * share or 1.0
    return low - pad, high + pad


SEVERITY_COLORS = {"error": "#b3261e", "warning": "#a15c00", "info": "#1f5fa8"}
FINE_COLOR = "#2e7d32"
