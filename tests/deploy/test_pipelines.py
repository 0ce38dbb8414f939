"""The pipelines for the department's git host stay thin: each step one command of ours.

.gitlab-ci.yml (GitLab) and .forgejo/workflows/publish.yml (Forgejo, and Gitea once copied
to .gitea/workflows/): every script line or `run` is `python3 make.py …` (or .ci/run, which
installs system packages and then runs `python3 make.py test`), each command and option
named exists in our CLI, and only the default branch deploys.
"""

from __future__ import annotations

import shlex

import pytest
import yaml

from noidung import cli
from noidung.build import release_hosts as build_release_hosts
from noidung.content.layout import REPO_ROOT

GITLAB = REPO_ROOT / ".gitlab-ci.yml"
FORGEJO = REPO_ROOT / ".forgejo" / "workflows" / "publish.yml"
#: Handled by make.py itself, before `noidung`.
MAKE_COMMANDS = {"test", "lock"}
#: Top-level keys of .gitlab-ci.yml that are not jobs.
GITLAB_KEYWORDS = {"variables", "image", "stages", "default", "workflow", "include", "cache",
                   "before_script", "after_script", "services"}


def help_text(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        cli.main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def gitlab_jobs() -> dict[str, dict]:
    data = yaml.safe_load(GITLAB.read_text("utf-8"))
    return {name: job for name, job in data.items() if name not in GITLAB_KEYWORDS}


def gitlab_commands() -> list[str]:
    return [line for job in gitlab_jobs().values()
            for key in ("before_script", "script", "after_script") for line in job.get(key, [])]


def forgejo_steps() -> list[dict]:
    data = yaml.safe_load(FORGEJO.read_text("utf-8"))
    return [step for job in data["jobs"].values() for step in job["steps"]]


def check_command(line: str, capsys) -> None:
    """`line` is one command of ours, whose subcommand and options the CLI knows."""
    words = shlex.split(line)
    if words == [".ci/run"]:
        script = (REPO_ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()
        assert script[-1] == "exec python3 make.py test", script[-1]
        return
    assert words[:2] == ["python3", "make.py"] and len(words) >= 3, line
    command, options = words[2], [w.split("=", 1)[0] for w in words[3:] if w.startswith("-")]
    if command in MAKE_COMMANDS:
        assert not options or command == "test", line
        return
    assert command in help_text(capsys).split("{", 1)[1].split("}", 1)[0].split(","), line
    known = help_text(capsys, command)
    for option in options:
        assert f"{option} " in known or f"{option}\n" in known, (line, option)


def test_every_gitlab_step_is_one_of_our_commands(capsys):
    commands = gitlab_commands()
    assert {shlex.split(c)[2] for c in commands if c.startswith("python3")} == {"build", "deploy"}
    for line in commands:
        check_command(line, capsys)


def test_gitlab_deploys_only_the_default_branch():
    jobs = gitlab_jobs()
    deploying = [name for name, job in jobs.items()
                 if any("make.py deploy" in line for line in job.get("script", []))]
    assert deploying == ["deploy"]
    job = jobs["deploy"]
    assert job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "only" not in job and "except" not in job and job["stage"] == "deploy"
    assert job["script"] == ['python3 make.py deploy --to "$DEPLOY_TARGET"']
    stages = yaml.safe_load(GITLAB.read_text("utf-8"))["stages"]
    assert stages == ["test", "build", "deploy"]
    assert jobs["build"]["artifacts"]["paths"] == ["site/"]


def test_every_forgejo_step_is_one_of_our_commands(capsys):
    steps = forgejo_steps()
    for step in steps:
        if "uses" in step:
            assert step["uses"].startswith("actions/checkout@"), step
        else:
            assert set(step) <= {"name", "run", "env", "if"}, step
            assert "\n" not in step["run"].strip(), step
            check_command(step["run"], capsys)
    assert [shlex.split(s["run"])[-1 if s["run"] == ".ci/run" else 2]
            for s in steps if "run" in s] == [".ci/run", "build", "deploy"]


def test_forgejo_deploys_only_a_push_to_the_default_branch():
    data = yaml.safe_load(FORGEJO.read_text("utf-8"))
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(triggers) == {"push", "pull_request"}
    for job in data["jobs"].values():
        for step in job["steps"]:
            if "make.py deploy" in step.get("run", ""):
                assert step["if"] == ("github.event_name == 'push' && github.ref == "
                                      "format('refs/heads/{0}', "
                                      "github.event.repository.default_branch)")
                assert job["needs"] == "test"
                assert set(step["env"]) == {"DEPLOY_TARGET", "DEPLOY_SSH_KEY",
                                            "DEPLOY_KNOWN_HOSTS"}
            else:
                assert "if" not in step, step


def test_the_deploy_command_reads_the_variables_the_pipelines_set():
    """The ssh key and known hosts reach ssh under the names both pipelines set."""
    env = {"DEPLOY_SSH_KEY": "key", "DEPLOY_KNOWN_HOSTS": "web1 ssh-ed25519 AAAA"}
    with build_release_hosts.ssh_options(env) as options:
        assert "-i" in options and any(o.startswith("UserKnownHostsFile=") for o in options)
    for name in env:
        assert name in GITLAB.read_text("utf-8") and name in FORGEJO.read_text("utf-8")


def test_what_is_deployed_is_built_for_publishing():
    """The build before a deploy refuses an address readers cannot open (`build --publish`)."""
    jobs = gitlab_jobs()
    assert jobs["deploy"]["needs"] == ["build"]
    assert jobs["build"]["script"] == ["python3 make.py build --publish"]
    assert jobs["build"]["rules"] == jobs["deploy"]["rules"]
    assert jobs["build-check"]["rules"] == [{"if": "$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH"}]
    data = yaml.safe_load(FORGEJO.read_text("utf-8"))
    for job in data["jobs"].values():
        runs = [step.get("run", "") for step in job["steps"]]
        if any("make.py deploy" in run for run in runs):
            builds = [run for run in runs if "make.py build" in run]
            assert builds == ["python3 make.py build --publish"]
            assert runs.index(builds[0]) < next(i for i, r in enumerate(runs) if "deploy" in r)
