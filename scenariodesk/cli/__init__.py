"""The `scenariodesk` command: one thin command per stage over the library modules.

`common.py` holds the app and what commands share; each module registers its commands
when imported, in the order `--help` lists them: the workflow's order."""

import importlib

from scenariodesk.cli.common import app, run

for _module in ("corpus", "views", "tracking", "quality", "service"):
    importlib.import_module(f"scenariodesk.cli.{_module}")

__all__ = ["app", "run"]
