"""The desk in a browser: server-rendered pages and a JSON API over the scenario store."""

from scenariodesk.web.app import create_app

__all__ = ["create_app"]
