"""The core and the exporters work on a machine where Qt cannot even be imported."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

# Runs in a fresh interpreter: Qt is made unimportable before anything else loads.
PROBE = textwrap.dedent(
    """
    import importlib
    import pkgutil
    import sys

    for blocked in ("PySide6", "shiboken6"):
        sys.modules[blocked] = None  # any import of it now raises ImportError

    import netjourney.core
    import netjourney.demo
    import netjourney.export

    imported = []
    for package in (netjourney.core, netjourney.export, netjourney.demo):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            # Alembic's env.py is a script Alembic runs, not a module to import.
            if module.name != "netjourney.core.migrations.env":
                importlib.import_module(module.name)
                imported.append(module.name)
    print("imported", len(imported), *imported)

    from netjourney.cli import main

    code = main(["guide"])
    leaked = sorted(n for n in sys.modules if n.split(".")[0] in ("PySide6", "shiboken6")
                    and sys.modules[n] is not None)
    print("leaked", leaked)
    sys.exit(code)
    """
)


def test_core_export_and_cli_run_without_qt(tmp_path: Path) -> None:
    environ = {**os.environ, "NETJOURNEY_DB": str(tmp_path / "journey.sqlite")}

    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=environ, timeout=120
    )

    assert result.returncode == 0, result.stderr
    assert "netjourney.core.database" in result.stdout
    assert "netjourney.export.json_io" in result.stdout
    assert "netjourney.demo.large" in result.stdout
    assert "treatment-overview" in result.stdout  # the guide command listed the sections
    assert "leaked []" in result.stdout
