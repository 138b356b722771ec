"""Long-running commands: watch (poll, ingest, alert) and serve (web UI and API)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from scenariodesk.cli.common import (
    DbOption,
    LensOption,
    app,
    err,
    fail,
    open_lens,
    open_store,
)
from scenariodesk.store import StoreError, default_db_path


# --------------------------------------------------------------------------- watch
@app.command()
def watch(
    paths: Annotated[
        list[str], typer.Argument(help="Folders or files to poll (articles, RSS/Atom files), or feed URLs.")
    ],
    interval: Annotated[float, typer.Option("--interval", min=0.05, help="Seconds between passes.")] = 60.0,
    webhook: Annotated[
        str | None, typer.Option("--webhook", help="POST each alert as JSON to this URL.")
    ] = None,
    log: Annotated[Path, typer.Option("--log", help="JSONL file alerts are appended to.")] = Path(
        "scenariodesk-alerts.jsonl"
    ),
    threshold: Annotated[
        float,
        typer.Option("--threshold", min=0.0, help="Alert when a cell's net direction moves more than this."),
    ] = 0.3,
    once: Annotated[bool, typer.Option("--once", help="One pass, then exit (for cron).")] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="On a store's first watch, also alert on signposts in stored articles dated from this day "
            "(YYYY-MM-DD); by default what the store holds when the watch begins is the baseline.",
            show_default=False,
        ),
    ] = None,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Poll for new articles, ingest and analyze them, and raise ALERT lines for signposts and moves."""
    from scenariodesk.watch import Watcher

    if since is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
        raise fail(f"--since must be a date like 2024-10-01 (got {since!r})")
    lens = open_lens(lens_path)
    with open_store(db, create=True) as store:
        watcher = Watcher(
            store,
            lens,
            paths,
            log=log,
            webhook=webhook,
            threshold=threshold,
            say=_say_line,
            warn=lambda line: err.print(line, markup=False),
            since=since,
        )
        if not once:
            err.print(
                f"watching {', '.join(paths)} every {interval:g} s; alerts to {log}"
                + (f" and {webhook}" if webhook else "")
            )
        try:
            watcher.run(interval, once=once)
        except KeyboardInterrupt:
            err.print("stopped")


def _say_line(line: str) -> None:
    """One alert, one line, never wrapped: other programs read these."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


# --------------------------------------------------------------------------- serve
@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; anything but loopback needs a token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="SCENARIODESK_TOKEN",
            help="Token every request must carry ($SCENARIODESK_TOKEN).",
            show_default=False,
        ),
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="Another host name the server answers to (a proxy's or DNS name); repeatable.",
            show_default=False,
        ),
    ] = None,
    lens_path: LensOption = None,
    db: DbOption = None,
) -> None:
    """Serve the web UI and the JSON API (/api/v1, documented at /openapi.json)."""
    import uvicorn

    from scenariodesk.web import create_app

    if not _is_loopback(host) and not token:
        raise fail(f"refusing to serve on {host} without a token: pass --token or set SCENARIODESK_TOKEN")
    from scenariodesk.store import exists

    lens = open_lens(lens_path)
    path = db or default_db_path()
    if not exists(path):
        raise fail(f"{path}: no such database (scenariodesk ingest creates one)")
    try:
        web = create_app(path, lens=lens, token=token, allowed_hosts=[host, *(allowed_host or [])])
    except StoreError as exc:
        raise fail(str(exc)) from None
    err.print(f"serving {path} on http://{host}:{port}/" + (" (token required)" if token else ""))
    uvicorn.run(web, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
