"""The course's reflection steps and questions, as loaded from `data/reflection/`."""

from __future__ import annotations

from dataclasses import dataclass

from macros.editions import DEFAULT_LANGUAGE, OTHER_LANGUAGES

LANGUAGES = (DEFAULT_LANGUAGE, *OTHER_LANGUAGES)

# A text in every language: {"sv": "...", "en": "..."}
Text = dict[str, str]


@dataclass(frozen=True)
class Module:
    slug: str
    number: int
    title: Text


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    minutes: int | None = None
    form: str | None = None
    guidance: Text | None = None


@dataclass(frozen=True)
class Step:
    id: str
    title: Text  # the block's heading, and the title in templates and the Mallar table
    intro: Text
    questions: tuple[Question, ...]
    module: Module
    file: str  # where it is defined, relative to the project root


@dataclass(frozen=True)
class Course:
    steps: tuple[Step, ...]
    strings: dict[str, Text]
    forms: dict[str, Text]

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def step_ids(self) -> list[str]:
        return [step.id for step in self.steps]

    def questions(self) -> list[Question]:
        return [q for step in self.steps for q in step.questions]

    def t(self, key: str, lang: str, **values) -> str:
        """An interface string in `lang`, with its {placeholders} filled in."""
        text = self.strings[key][lang]
        return text.format(**values) if values else text
