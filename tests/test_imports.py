"""Imports run one way: no cycle between packages or inside one, and no package reaches up a layer.

The layers, lowest first (DESIGN.md's shape, STYLE.md's "records ← stages ← pipeline ← store ← analysis ←
faces"). A module may import its own layer and the layers below it, never one above:

0. base: `errors`, `records`, `settings` — what every package shares.
1. stages: `ingest`, `nlp`, `actors`, `events`, `geo`, `time`, `corroborate` — each turns records into
   records. `corroborate` is a stage: it signs documents, compares rows and chooses a cluster without
   SQL. The store owns the SQL (`flashpoint.store.corroboration`) and asks a corroborator object for
   each decision inside `Store.add`'s transaction; `flashpoint.open_store` (a face) passes
   `flashpoint.corroborate.Corroboration` in. Neither package imports the other.
2. `pipeline`, `workflow` — build and run the stages.
3. `store` — keeps what the pipeline made.
4. analysis: `alerts`, `brief`, `export`, `evaluate`, `watch`, `batch` — read the store, or run the
   pipeline at scale and write files.
5. faces: `cli`, `api`, the public API (`flashpoint/__init__.py`) and every `commands.py` (a command
   group of the CLI kept beside the library it calls, like `watch/commands.py`): a face is judged as
   the face it serves, whatever package it sits in.

Within a layer packages may import one another, but neither the packages nor the modules may form a
cycle. Imports inside functions and under `TYPE_CHECKING` count: a cycle hidden in a function is still a
cycle. A module's implicit import of its parent package does not count.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

import flashpoint

SRC = Path(flashpoint.__file__).parent

LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "records", "settings"}),
    frozenset({"ingest", "nlp", "actors", "events", "geo", "time", "corroborate"}),
    frozenset({"pipeline", "workflow"}),
    frozenset({"store"}),
    frozenset({"alerts", "brief", "export", "evaluate", "watch", "batch"}),
    frozenset({"cli", "api", "flashpoint", "commands"}),
)
FACES = LAYERS[-1]

Graph = dict[str, set[str]]


def modules(root: Path) -> dict[str, Path]:
    """Return {dotted module name: file} for every module under the package directory `root`."""
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def import_graph(root: Path) -> Graph:
    """Return {module: the package's modules it imports} for the package directory `root`."""
    known = modules(root)
    graph: Graph = {name: set() for name in known}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            for target in _targets(node, package, known):
                while target and target not in known:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def _targets(node: ast.AST, package: str, known: Mapping[str, Path]) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:
        parts = package.split(".")
        parts = parts[: len(parts) - node.level + 1]
        base = ".".join([*parts, base] if base else parts)
    # `from pkg import module` imports that module; `from module import name` imports the module
    return [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]


def owner(module: str) -> str:
    """Return the package a module is judged as: its top-level subpackage, or `commands` for a command group."""
    parts = module.split(".")
    if parts[-1] == "commands":
        return "commands"
    return parts[1] if len(parts) > 1 else parts[0]


def package_graph(graph: Mapping[str, Iterable[str]]) -> Graph:
    """Return the graph between owners (`owner`) that the module graph implies, without self-loops."""
    packages: Graph = {}
    for module, targets in graph.items():
        edges = packages.setdefault(owner(module), set())
        edges.update(owner(t) for t in targets if owner(t) != owner(module))
    return packages


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Return the strongly connected components with more than one node (Tarjan's algorithm), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def layer(package: str) -> int:
    """Return the layer a package belongs to (KeyError for a package no layer names)."""
    for rank, members in enumerate(LAYERS):
        if package in members:
            return rank
    raise KeyError(f"package {package!r} is in no layer: add it to LAYERS in {__file__}")


def upward_imports(graph: Mapping[str, Iterable[str]]) -> list[str]:
    """Return "module -> module" for every import of a higher layer than the importer's."""
    return sorted(
        f"{module} -> {target}"
        for module, targets in graph.items()
        for target in targets
        if layer(owner(target)) > layer(owner(module))
    )


def test_imports_no_cycle_between_modules() -> None:
    assert cycles(import_graph(SRC)) == []


def test_imports_no_cycle_between_packages() -> None:
    assert cycles(package_graph(import_graph(SRC))) == []


def test_imports_no_package_imports_a_higher_layer() -> None:
    assert upward_imports(import_graph(SRC)) == []


def test_imports_every_package_has_a_layer() -> None:
    for package in package_graph(import_graph(SRC)):
        layer(package)


def test_imports_store_and_corroborate_never_import_each_other() -> None:
    graph = import_graph(SRC)
    crossing = sorted(
        f"{module} -> {target}"
        for module, targets in graph.items()
        for target in targets
        if {owner(module), owner(target)} == {"store", "corroborate"}
    )
    assert crossing == []


@pytest.mark.parametrize("stage", ["ingest", "nlp", "actors", "events", "geo", "time", "corroborate"])
@pytest.mark.parametrize("face", ["store", "api", "cli", "batch"])
def test_imports_a_stage_may_not_import_the_store_or_a_face(stage: str, face: str) -> None:
    assert layer(stage) < layer(face)


def _write(root: Path, files: Mapping[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "flashpoint"


def test_imports_checker_finds_a_synthetic_cycle(tmp_path: Path) -> None:
    package = _write(
        tmp_path,
        {
            "flashpoint/__init__.py": "",
            "flashpoint/geo/__init__.py": "from flashpoint.geo.link import link\n",
            "flashpoint/geo/link.py": "def link():\n    from .names import name\n",
            "flashpoint/geo/names.py": "from flashpoint.geo import link\n",
            "flashpoint/time/__init__.py": "from flashpoint.events import coder\n",
            "flashpoint/events/__init__.py": "",
            "flashpoint/events/coder.py": "import flashpoint.time\n",
        },
    )
    graph = import_graph(package)
    assert cycles(graph) == [
        ["flashpoint.events.coder", "flashpoint.time"],
        ["flashpoint.geo.link", "flashpoint.geo.names"],
    ]
    assert cycles(package_graph(graph)) == [["events", "time"]]


def test_imports_checker_finds_a_stage_importing_the_store(tmp_path: Path) -> None:
    package = _write(
        tmp_path,
        {
            "flashpoint/__init__.py": "",
            "flashpoint/store/__init__.py": "from flashpoint.records import Event\n",
            "flashpoint/records.py": "",
            "flashpoint/geo/__init__.py": "",
            "flashpoint/geo/resolve.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from flashpoint.store import Store\n",
            "flashpoint/geo/commands.py": "from flashpoint.store import Store\n",
        },
    )
    # the command group is a face and may use the store; the stage module may not
    assert upward_imports(import_graph(package)) == ["flashpoint.geo.resolve -> flashpoint.store"]
