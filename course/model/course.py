"""The course's reflection steps and questions, as loaded from `data/reflection/`."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from course.editions import DEFAULT_LANGUAGE, OTHER_LANGUAGES

LANGUAGES = (DEFAULT_LANGUAGE, *OTHER_LANGUAGES)

# A text in every language: {"sv": "...", "en": "..."}
Text = dict[str, str]


class InLanguage(str):
    """A text shown in an edition of another language, because no translation was written (local content).

    It carries its own language, so that the HTML can mark it for screen readers.
    """

    def __new__(cls, text: str, lang: str):
        value = super().__new__(cls, text)
        value.lang = lang
        return value

    def __reduce__(self):
        return (InLanguage, (str(self), self.lang))


def text_html(text: str) -> str:
    """A text as HTML: escaped, and marked with its language when it is not the page's."""
    html = escape(text, quote=False)
    lang = getattr(text, "lang", None)
    return f'<span lang="{lang}">{html}</span>' if lang else html


@dataclass(frozen=True)
class Module:
    slug: str
    number: int | None  # None for a local page's questions: no "Modul n" label
    title: Text
    page: str  # the page in docs/ without ".md": "modules/varfor-nara-vard"


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    minutes: int | None = None
    form: str | None = None
    guidance: Text | None = None


@dataclass(frozen=True)
class Facilitation:
    """The facilitator guide's notes on a step: what it is for, and how to lead it."""

    purpose: Text | None = None
    how: Text | None = None


@dataclass(frozen=True)
class Step:
    id: str
    title: Text  # the block's heading, and the title in templates and the Mallar table
    intro: Text
    questions: tuple[Question, ...]
    module: Module
    file: str  # where it is defined, relative to the project root
    follows: str | None = None  # a local step shown on its module's page right after this step
    meeting: int | None = None  # a local page's step: the meeting whose time plan lists it
    facilitation: Facilitation | None = None  # optional notes for whoever leads the meeting


@dataclass(frozen=True)
class Course:
    steps: tuple[Step, ...]
    strings: dict[str, Text]
    forms: dict[str, Text]
    hidden_steps: frozenset[str] = frozenset()  # steps of pages the local folder hides
    hidden_modules: frozenset[int] = frozenset()  # the numbers of modules the local folder hides

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def followers(self, step_id: str) -> list[Step]:
        """The local steps shown on a module's page right after this step."""
        return [step for step in self.steps if step.follows == step_id]

    def step_ids(self) -> list[str]:
        return [step.id for step in self.steps]

    def questions(self) -> list[Question]:
        return [q for step in self.steps for q in step.questions]

    def module_label(self, module: Module, lang: str) -> str:
        """"Modul 2: Title" for a module; a local page's questions go by the page's title alone."""
        if module.number is None:
            return module.title[lang]
        return self.t("module_label", lang, number=module.number, title=module.title[lang])

    def t(self, key: str, lang: str, **values) -> str:
        """An interface string in `lang`, with its {placeholders} filled in."""
        text = self.strings[key][lang]
        return text.format(**values) if values else text
