#!/usr/bin/env bash
# Build NET Journey's one-folder bundle into dist/netjourney/ with one command:
#     packaging/build.sh
# Uses the active virtual environment if there is one, otherwise creates (once) and uses
# packaging/.venv. The project is installed editable, so an existing editable install of
# the active environment stays editable.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUNDLE_DIR="$ROOT/dist/netjourney"
START_SECONDS=$SECONDS

if [[ -n "${VIRTUAL_ENV:-}" ]]; then
    PYTHON="$VIRTUAL_ENV/bin/python"
else
    VENV="$ROOT/packaging/.venv"
    if [[ ! -x "$VENV/bin/python" ]]; then
        echo "build: creating $VENV"
        python3 -m venv "$VENV"
    fi
    PYTHON="$VENV/bin/python"
fi

echo "build: installing the project and PyInstaller into $("$PYTHON" -c 'import sys; print(sys.prefix)')"
"$PYTHON" -m pip install --quiet --disable-pip-version-check -e "$ROOT[packaging]"
INSTALL_SECONDS=$((SECONDS - START_SECONDS))

echo "build: running PyInstaller"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" \
    "$ROOT/packaging/netjourney.spec"

TOTAL_SECONDS=$((SECONDS - START_SECONDS))
echo "build: bundle in $BUNDLE_DIR"
echo "build: size $(du -sh "$BUNDLE_DIR" | cut -f1) on disk"
echo "build: took ${TOTAL_SECONDS}s (installing ${INSTALL_SECONDS}s, PyInstaller $((TOTAL_SECONDS - INSTALL_SECONDS))s)"
