"""Build the PyInstaller bundle and start it on its own (slow: minutes, so asked for).

NETJOURNEY_TEST_BUNDLE=1 python -m pytest -m bundle tests/packaging
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader

from netjourney.core.database import head_revision, inspect_record

ROOT = Path(__file__).resolve().parents[2]
CHECK_SCRIPT = ROOT / "packaging" / "check_bundle.sh"
APP_ID = "io.github.netjourney.NETJourney"
BUILD_TIMEOUT_SECONDS = 3600  # a first build downloads PySide6 into packaging/.venv

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        os.environ.get("NETJOURNEY_TEST_BUNDLE") != "1",
        reason="builds the bundle (minutes); set NETJOURNEY_TEST_BUNDLE=1 to run it",
    ),
]


def test_the_bundle_builds_starts_and_installs(tmp_path: Path) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]

    result = subprocess.run(
        [str(CHECK_SCRIPT)],
        env={**os.environ, "NETJOURNEY_CHECK_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_SECONDS,
        check=False,
    )

    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert f"netjourney {version}" in result.stdout
    assert "treatment-overview" in result.stdout
    assert "The record is healthy" in result.stdout
    # The record the bundle created is one today's code opens, at the newest schema.
    assert inspect_record(tmp_path / "journey.sqlite") == head_revision()
    # Its PDF reads exactly like the one the source tree writes from the same record, in the
    # same bare environment (the locale chooses the paper size).
    subprocess.run(
        [
            sys.executable,
            "-m",
            "netjourney",
            "export-pdf",
            "--db",
            str(tmp_path / "journey.sqlite"),
            str(tmp_path / "source.pdf"),
        ],
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8"},
        cwd=tmp_path,
        check=True,
    )
    assert pdf_text(tmp_path / "journey.pdf") == pdf_text(tmp_path / "source.pdf")
    assert (tmp_path / "prefix" / "share" / "applications" / f"{APP_ID}.desktop").is_file()


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]
