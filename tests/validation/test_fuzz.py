"""Fuzzing: whatever staff save (random YAML, broken bytes, mutated real files), the
validator answers with problems, never a traceback, and quickly."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noidung.validation import Problem, validate_project
from noidung.validation.source import read_source

from .helpers import ARTICLE, make_project

YAML_ALPHABET = st.sampled_from(list(
    "abc xyz:-_[]{}&*!|>\"'#%@`,.?\n\n\n\t  0123456789đĐàạảãáâầấậẩẫăằắặẳẵ\u0309\ufeff\\/"))
REGISTRY = (Path(__file__).resolve().parents[2] / "docs/registries/units.yml").read_text("utf-8")

yaml_text = st.text(YAML_ALPHABET, max_size=300)


@st.composite
def mutated(draw, original: str) -> str:
    """The original with a few characters inserted, deleted or replaced."""
    text = original
    for _ in range(draw(st.integers(1, 6))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        op = draw(st.sampled_from(("insert", "delete", "replace", "dup-line")))
        piece = draw(st.text(YAML_ALPHABET, min_size=1, max_size=4))
        if op == "insert":
            text = text[:at] + piece + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        elif op == "replace":
            text = text[:at] + piece + text[at + len(piece):]
        else:
            lines = text.split("\n")
            i = at % len(lines)
            lines.insert(i, lines[i])
            text = "\n".join(lines)
    return text


@pytest.fixture(scope="module")
def project():
    root = Path(tempfile.mkdtemp(prefix="validation-fuzz-"))
    make_project(root)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def _check(root: Path) -> None:
    started = time.perf_counter()
    result = validate_project(root)
    assert time.perf_counter() - started < 5, "validation hung"
    assert all(isinstance(p, Problem) for p in result.problems)
    assert not any(p.rule == "internal-error" for p in result.problems), result.problems
    for p in result.problems:
        p.to_text()


FUZZ = settings(max_examples=80, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FUZZ
@given(front=st.one_of(yaml_text, mutated(ARTICLE.split("---")[1])))
def test_random_front_matter(project, front):
    (project / "docs/vi/tin-bai/posts/bai-mau.md").write_text(f"---\n{front}\n---\nBody\n",
                                                              "utf-8")
    _check(project)


@FUZZ
@given(text=st.one_of(yaml_text, mutated(REGISTRY)))
def test_random_registry(project, text):
    (project / "docs/registries/units.yml").write_text(text, "utf-8")
    _check(project)


@FUZZ
@given(data=st.one_of(st.binary(max_size=200), mutated(ARTICLE).map(str.encode),
                      st.binary(max_size=50).map(lambda b: b"\xef\xbb\xbf---\n" + b)))
def test_random_bytes(project, data):
    (project / "docs/vi/tin-bai/posts/bai-mau.md").write_bytes(data)
    _check(project)


@settings(max_examples=600, deadline=None)
@given(front=st.one_of(yaml_text, mutated(ARTICLE)))
def test_parsing_alone_never_raises(front):
    # Thousands of inputs through the reader (the part that meets raw text first).
    path = Path(tempfile.gettempdir()) / "validation-fuzz-one.md"
    path.write_text(front, "utf-8")
    source = read_source(path, "docs/vi/tin-bai/posts/x.md", "article", markdown=True)
    assert all(isinstance(p, Problem) for p in source.problems)


@pytest.mark.parametrize("text", [
    "---\n" + "a: [" * 5000 + "\n---\n",                         # deep nesting
    "---\n" + "".join(f"k{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9 if i else ["x"] * 9) + "]\n"
                      for i in range(9)) + "---\n",            # billion laughs
    "---\na: &a [*a]\n---\n",                                  # recursive alias
    "---\n!!python/object:os.system 'echo'\n---\n",            # unsafe tag
    "---\n" + "x" * 200_000 + "\n---\n",                       # one huge line
])
def test_hostile_yaml_is_a_problem_not_a_crash(project, text):
    (project / "docs/vi/tin-bai/posts/bai-mau.md").write_text(text, "utf-8")
    _check(project)
