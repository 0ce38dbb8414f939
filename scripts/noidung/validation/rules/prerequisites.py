"""Prerequisites: following a module's prerequisites never leads back to itself."""

from __future__ import annotations

from collections.abc import Iterator

from noidung.validation.problem import Problem, Severity, problem
from noidung.validation.project import Project

from . import Rule

RULES = (
    Rule("prerequisite-cycle", Severity.ERROR,
         "học phần không (gián tiếp) là điều kiện của chính nó",
         "a module is not (indirectly) its own prerequisite",
         bad="M01 cần M02, M02 cần M01", good="M02 cần M01"),
)


def _graph(project: Project) -> dict[str, list[str]]:
    graph: dict[str, list[str]] = {}
    for source in project.of_kind("module"):
        ident = project.item_id(source)
        prereqs = source.meta.get("prerequisites")
        graph[ident] = [p for p in prereqs if isinstance(p, str)] if isinstance(
            prereqs, list) else []
    return graph


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Every elementary cycle found by depth-first search, each once (rotated to its
    smallest id), e.g. [['a', 'b']] for a → b → a."""
    cycles: set[tuple[str, ...]] = set()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):]
                i = cycle.index(min(cycle))
                cycles.add(tuple(cycle[i:] + cycle[:i]))
            elif state.get(nxt) is None:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return [list(c) for c in sorted(cycles)]


def check(project: Project) -> Iterator[Problem]:
    graph = _graph(project)
    for cycle in find_cycles(graph):
        first, nxt = cycle[0], cycle[1 % len(cycle)]
        source = project.module(first)
        if source is None or source.doc is None:
            continue
        index = graph[first].index(nxt)
        chain = " → ".join([*cycle, first])
        yield problem(
            source.rel, source.doc.at(("prerequisites", index)), "prerequisite-cycle",
            f"điều kiện học trước tạo thành vòng: {chain}",
            f"the prerequisites form a cycle: {chain}",
            field=f"prerequisites[{index}]",
            hint_vi=f"bỏ «{nxt}» khỏi prerequisites của {first}, hoặc bỏ liên kết ngược lại",
            hint_en=f"remove '{nxt}' from the prerequisites of {first}, or the link back",
        )
