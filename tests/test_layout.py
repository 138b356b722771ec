"""The package's shape: records live in one module and imports never go round in a loop."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "scenariodesk"
RECORD_TYPES = {"StatementFilter", "DocumentRow", "CellSums", "SearchHit", "StoredStatement", "Alert"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def _imports() -> dict[str, set[tuple[str, tuple[str, ...]]]]:
    """module -> {(imported scenariodesk module, names)}, function-level imports included."""
    paths = list(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    graph: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    for path in paths:
        edges = graph.setdefault(_module_name(path), set())
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("scenariodesk"):
                names = tuple(a.name for a in node.names)
                submodules = [n for n in names if f"{node.module}.{n}" in modules]
                edges.update((f"{node.module}.{n}", ()) for n in submodules)  # from pkg import mod
                if len(submodules) < len(names):
                    edges.add((node.module, tuple(n for n in names if n not in submodules)))
            elif isinstance(node, ast.Import):
                edges.update((a.name, ()) for a in node.names if a.name.startswith("scenariodesk"))
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_loop_between_modules():
    modules = _imports()
    graph = {m: {target for target, _ in edges if target in modules} for m, edges in modules.items()}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_cycle_finder_finds_a_loop():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_imports_the_store_for_a_record_type():
    offenders = [
        f"{module} imports {sorted(set(names) & RECORD_TYPES)} from {target}"
        for module, edges in _imports().items()
        for target, names in edges
        if target != "scenariodesk.models" and set(names) & RECORD_TYPES
    ]
    assert offenders == []


MAX_FILE_LINES = 500
MAX_FUNCTION_LINES = 80


def test_no_file_or_function_grows_past_what_a_reader_holds():
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text("utf-8")
        name = path.relative_to(PACKAGE).as_posix()
        if len(source.splitlines()) > MAX_FILE_LINES:
            too_long.append(f"{name}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}: {node.name}() {length} lines")
    assert too_long == []
