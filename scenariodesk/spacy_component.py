"""scenariodesk as a spaCy pipeline component, for people who run their own pipelines:

    nlp = spacy.blank("en")
    nlp.add_pipe("scenario_statements", config={"lens": "my-lens.yaml", "date": "2024-10-01"})
    doc = nlp(text)
    doc._.scenario_statements  # [Statement, ...], the records `scenariodesk analyze` stores

The factory is registered through the `spacy_factories` entry point, so `add_pipe` finds
it without an import. The component runs the same analysis as `analyze` (a pure function
of the text, its date and the lens); it reads the text, not the host pipeline's parse.
A document's date (for the election cycle and the winner after the result) comes from
`doc._.scenario_date` when set, else the `date` in the config.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from scenariodesk.analyze import analyze_document
from scenariodesk.lens import load_lens
from scenariodesk.models import Document

NAME = "scenario_statements"


class ScenarioStatements:
    def __init__(self, lens: str | None = None, date: str = "") -> None:
        self.lens = load_lens(lens)
        self.date = date
        for extension, default in ((NAME, None), ("scenario_date", "")):
            if not Doc.has_extension(extension):
                Doc.set_extension(extension, default=default)

    def __call__(self, doc: Doc) -> Doc:
        document = Document(text=doc.text, date=doc._.scenario_date or self.date, language=doc.lang_ or "en")
        doc._.scenario_statements = list(analyze_document(document, self.lens).statements)
        return doc


@Language.factory(NAME, default_config={"lens": None, "date": ""})
def make_scenario_statements(nlp: Language, name: str, lens: str | None, date: str) -> ScenarioStatements:
    """The factory `nlp.add_pipe("scenario_statements")` calls."""
    return ScenarioStatements(lens, date)
