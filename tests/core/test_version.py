"""The version users see is the one the package is built with."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import netjourney
from netjourney.cli import main

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def project_version() -> str:
    with PYPROJECT.open("rb") as file:
        version: str = tomllib.load(file)["project"]["version"]
    return version


def test_the_package_version_matches_pyproject() -> None:
    assert netjourney.__version__ == project_version()


def test_dash_dash_version_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])

    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"netjourney {project_version()}"
