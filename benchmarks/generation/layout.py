"""What every generated article is: an id, a language, a publication date, a title and a
number style; and the header both mutation sets give it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from benchmarks.generation.numbers import NumberStyle
from factcheck.model import Lang


@dataclass(frozen=True)
class GeneratedArticle:
    """The parts every generated article has."""

    id: str
    lang: Lang
    published: date
    front_matter: bool  # the title under Markdown front matter, or as a plain first line
    title: str
    style: NumberStyle

    def header(self) -> str:
        """The title, under front matter that gives the publication date and language."""
        if self.front_matter:
            return (
                f"---\npublished: {self.published.isoformat()}\nlang: {self.lang}\n---\n"
                f"# {self.title}\n\n"
            )
        return f"{self.title}\n\n"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def headline(title: str, lang: str) -> str:
    """Indonesian headlines capitalise every word."""
    return " ".join(capitalise(word) for word in title.split(" ")) if lang == "id" else title
