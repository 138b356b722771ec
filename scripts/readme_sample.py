"""Regenerate the README's "What the demo prints" block from a real `scenariodesk demo` run.

    .venv/bin/python scripts/readme_sample.py

tests/test_docs.py checks that the block is what the demo prints today, so it cannot
drift from the code.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- demo-output:start -->", "<!-- demo-output:end -->"


def sample(demo_stdout: str) -> str:
    """The matrix tables of the demo's output (its evidence lists left out), lines
    stripped of the padding rich adds."""
    lines, keep = [], False
    for line in demo_stdout.splitlines():
        if line.startswith("Scenario matrix"):
            keep = True
        elif line.startswith("Evidence ("):
            keep = False
        if keep:
            lines.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def block(text: str) -> str:
    return f"{START}\n```\n{text}```\n{END}"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cli = Path(sys.executable).parent / "scenariodesk"
        done = subprocess.run(
            [str(cli), "demo", "--db", f"{tmp}/demo.db"], capture_output=True, text=True, check=True
        )
    readme = README.read_text("utf-8")
    start, end = readme.index(START), readme.index(END) + len(END)
    README.write_text(readme[:start] + block(sample(done.stdout)) + readme[end:], "utf-8")
    print(f"updated {README}")


if __name__ == "__main__":
    main()
