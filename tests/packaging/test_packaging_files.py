"""The packaging files agree with the project and pass the desktops' own validators (fast)."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest

import netjourney
from netjourney.core import database, schema_check

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.netjourney.NETJourney"
DESKTOP_FILE = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
ICON_SVG = PACKAGING / "icons" / f"{APP_ID}.svg"
HICOLOR = PACKAGING / "icons" / "hicolor"
ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512}
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


class RecordedBuildStep:
    """Stands in for PyInstaller's Analysis, PYZ, EXE, COLLECT and BUNDLE: keeps its inputs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.datas: list[tuple[str, str]] = kwargs.get("datas", [])
        self.pure: list[Any] = []
        self.scripts: list[Any] = []
        self.binaries: list[Any] = []


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """The spec's globals after running it the way PyInstaller does, without building."""
    namespace: dict[str, Any] = {"SPECPATH": str(PACKAGING)}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[name] = RecordedBuildStep
    spec_path = PACKAGING / "netjourney.spec"
    exec(compile(spec_path.read_text(encoding="utf-8"), str(spec_path), "exec"), namespace)
    return namespace


def bundled_paths(spec: dict[str, Any]) -> set[str]:
    """Where each data file lands inside the bundle, as 'folder/name'."""
    return {f"{folder}/{Path(source).name}" for source, folder in spec["a"].datas}


def test_the_spec_takes_its_version_from_pyproject(spec: dict[str, Any]) -> None:
    assert spec["VERSION"] == PROJECT["version"] == netjourney.__version__


def test_the_bundle_carries_every_resource_file(spec: dict[str, Any]) -> None:
    resources = ROOT / "resources"
    expected = {
        f"resources/{path.relative_to(resources).as_posix()}"
        for path in resources.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }

    assert expected <= bundled_paths(spec)
    assert "resources/guide/sections.json" in expected


def test_the_bundle_carries_the_migrations_where_the_code_looks(spec: dict[str, Any]) -> None:
    # In a bundle, MIGRATIONS_DIR sits at the same place relative to the bundle's root.
    folder = schema_check.MIGRATIONS_DIR.relative_to(ROOT / "src").as_posix()
    revisions = {f"{folder}/versions/{revision}.py" for revision in database.schema_revisions()}

    assert revisions | {f"{folder}/env.py", f"{folder}/script.py.mako"} <= bundled_paths(spec)
    assert not any("__pycache__" in path for path in bundled_paths(spec))


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils missing")
def test_the_desktop_file_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True, check=False
    )

    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream missing")
def test_the_metainfo_passes_appstreamcli_without_warnings() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    complaints = [
        line for line in result.stdout.splitlines() if line.startswith(("E:", "W:", "I:"))
    ]

    assert result.returncode == 0, result.stdout
    assert complaints == []


def test_the_desktop_file_starts_the_program_with_our_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP_FILE, encoding="utf-8")
    desktop = entry["Desktop Entry"]

    assert desktop["Exec"] in PROJECT["scripts"]
    assert desktop["Icon"] == APP_ID
    assert (HICOLOR / "48x48" / "apps" / f"{APP_ID}.png").is_file()


def test_the_metainfo_describes_this_release_and_program() -> None:
    component = ElementTree.parse(METAINFO_FILE).getroot()

    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert component.findtext("provides/binary") in PROJECT["scripts"]
    assert component.findtext("project_license") == PROJECT["license"]
    assert component.find("releases/release").get("version") == PROJECT["version"]  # type: ignore[union-attr]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_every_icon_size_desktops_ask_for_is_drawn_at_that_size() -> None:
    drawn = {}
    for png in HICOLOR.glob(f"*/apps/{APP_ID}.png"):
        drawn[png.parent.parent.name] = png_size(png)

    assert drawn == {f"{size}x{size}": (size, size) for size in ICON_SIZES}


def test_the_window_icon_is_the_app_icon() -> None:
    window_icons = ROOT / "resources" / "icons"

    assert (window_icons / "netjourney.svg").read_bytes() == ICON_SVG.read_bytes()
    assert (window_icons / "netjourney-256.png").read_bytes() == (
        HICOLOR / "256x256" / "apps" / f"{APP_ID}.png"
    ).read_bytes()
