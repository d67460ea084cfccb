"""Every subcommand works from the installed CLI and is documented in the README (as sqlite-utils does)."""

from __future__ import annotations

import re

import click
import pytest

from kg.cli import main

from .conftest import ROOT, run_kg

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = main.list_commands(click.Context(main))


def test_there_are_the_commands_the_issues_ask_for():
    assert {
        "build",
        "facts",
        "clean",
        "export",
        "viz",
        "query",
        "serve",
        "validate",
        "entities",
        "review",
        "report",
        "stats",
    } <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_a_tour_section_in_the_readme(name):
    assert re.search(rf"^###+ `kg {name}\b", README, re.M), f"README has no '### `kg {name} …`' section"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name):
    proc = run_kg(name, "--help")
    assert "Usage: " in proc.stdout and len(proc.stdout.splitlines()) > 3


def test_the_readme_has_exactly_two_setup_commands():
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", setup, re.S).group(1)
    commands = [ln.split("#")[0].strip() for ln in block.splitlines() if ln.split("#")[0].strip()]
    assert commands == ["make run", "make test"]
