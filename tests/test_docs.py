"""The docs cannot fall behind the code: every command and lens key is in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenariodesk.cli import app
from scenariodesk.lens import LensModel

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", _commands())
def test_readme_documents_command(command):
    assert f"scenariodesk {command}" in README


@pytest.mark.parametrize("key", sorted(LensModel.model_fields))
def test_readme_documents_lens_key(key):
    assert f"`{key}`" in README


def test_architecture_names_every_module():
    text = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
    package = ROOT / "scenariodesk"
    for module in sorted(package.rglob("*.py")):
        if module.name != "__init__.py":
            name = module.relative_to(package).as_posix()
            assert name in text, name


def test_readme_quickstart_is_two_commands():
    head = README.split("## ", 2)[1]
    assert "make demo" in head and "make test" in head


@pytest.mark.slow
def test_readme_demo_sample_is_what_the_demo_prints(runner, tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("readme_sample", ROOT / "scripts" / "readme_sample.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.db")])
    assert result.exit_code == 0, result.output
    expected = script.block(script.sample(result.stdout))
    assert expected in README, "README's demo sample drifted: run .venv/bin/python scripts/readme_sample.py"
