"""scenariodesk inside someone else's spaCy pipeline, found through the entry point."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
import spacy

from scenariodesk.analyze import analyze_document
from scenariodesk.models import Document

pytestmark = pytest.mark.slow
README = Path(__file__).parent.parent / "README.md"


def test_add_pipe_finds_the_component_and_fills_the_statements(lens):
    nlp = spacy.blank("en")
    nlp.add_pipe("scenario_statements", config={"date": "2024-10-01"})
    text = "Experts said that if Harris wins, the alliance will likely be strengthened. Tariffs are a worry."
    doc = nlp(text)
    expected = analyze_document(Document(text=text, date="2024-10-01"), lens).statements
    assert doc._.scenario_statements == list(expected) and len(expected) == 1
    (st,) = doc._.scenario_statements
    assert doc.text[st.cue.start : st.cue.end] == st.cue.text


def test_a_documents_own_date_decides_its_cycle():
    nlp = spacy.blank("en")
    nlp.add_pipe("scenario_statements", config={"date": "2024-10-01"})
    text = "Hillary Clinton leads the polls. If she wins, Seoul will likely have to pay more for U.S. troops."
    in_2024 = nlp(text)._.scenario_statements  # the config's date: Clinton is no 2024 candidate
    assert "clinton" not in {st.condition for st in in_2024}
    doc = nlp.make_doc(text)
    doc._.scenario_date = "2016-10-01"
    (st,) = nlp.get_pipe("scenario_statements")(doc)._.scenario_statements
    assert st.condition == "clinton"


def test_the_readme_example_runs_and_prints_what_it_says():
    block = re.search(r"<!-- spacy-example.*?-->\n```python\n(.*?)```", README.read_text("utf-8"), re.S)
    assert block, "the README lost its spaCy example"
    code = block.group(1)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    expected = re.search(r"^# (.+)$", code, re.M).group(1)
    assert printed.getvalue().strip() == expected
