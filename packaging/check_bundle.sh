#!/usr/bin/env bash
# Build the bundle and prove it starts on its own, with one command (locally or in CI):
#     packaging/check_bundle.sh
# The bundle runs under `env -i` with only PATH, HOME, LANG and QT_QPA_PLATFORM, from a scratch
# folder, so it cannot lean on the project's virtual environment or source tree.
# Everything it writes goes to $NETJOURNEY_CHECK_DIR (default: a temporary folder it removes).
# Needs desktop-file-validate and appstreamcli (Debian: desktop-file-utils, appstream);
# with xvfb-run (Debian: xvfb) it also starts the bundle on an X11 display.
set -euo pipefail

PACKAGING_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$PACKAGING_DIR")"
APP_ID="io.github.netjourney.NETJourney"
BUNDLED_PROGRAM="$ROOT/dist/netjourney/netjourney"

if [[ -n "${NETJOURNEY_CHECK_DIR:-}" ]]; then
    WORK_DIR="$NETJOURNEY_CHECK_DIR"
    mkdir -p "$WORK_DIR"
else
    WORK_DIR="$(mktemp -d)"
    trap 'rm -rf "$WORK_DIR"' EXIT
fi
mkdir -p "$WORK_DIR/home" "$WORK_DIR/prefix"

step() { echo; echo "check: $*"; }

# LANG as every desktop session has one (without it Qt warns and picks C.UTF-8 itself).
ISOLATED_ENV=(env -i PATH=/usr/bin:/bin HOME="$WORK_DIR/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen)
run_isolated() { (cd "$WORK_DIR" && "${ISOLATED_ENV[@]}" "$@"); }

step "desktop-file-validate"
desktop-file-validate "$PACKAGING_DIR/linux/$APP_ID.desktop"
step "appstreamcli validate --no-net"
appstreamcli validate --no-net "$PACKAGING_DIR/linux/$APP_ID.metainfo.xml"

step "building"
"$PACKAGING_DIR/build.sh"

step "netjourney --version"
run_isolated "$BUNDLED_PROGRAM" --version
step "netjourney guide"
run_isolated "$BUNDLED_PROGRAM" guide
step "netjourney --exit-after-start (creates a new record)"
run_isolated "$BUNDLED_PROGRAM" --exit-after-start --db "$WORK_DIR/journey.sqlite"
step "netjourney demo (fills it with a sample journey)"
run_isolated "$BUNDLED_PROGRAM" demo --db "$WORK_DIR/journey.sqlite"
if command -v xvfb-run >/dev/null; then
    step "netjourney --exit-after-start on an X11 display (Xvfb: Qt's xcb plugin and its libraries)"
    # xvfb-run chooses the display; the isolated environment gets only its DISPLAY and XAUTHORITY.
    (cd "$WORK_DIR" && PROGRAM="$BUNDLED_PROGRAM" RECORD="$WORK_DIR/journey.sqlite" \
        xvfb-run --auto-servernum sh -c 'exec "$@" QT_QPA_PLATFORM=xcb DISPLAY="$DISPLAY" \
            XAUTHORITY="$XAUTHORITY" "$PROGRAM" --exit-after-start --db "$RECORD"' \
        _ "${ISOLATED_ENV[@]}")
else
    step "skipped starting on an X11 display: install xvfb to check that too"
fi
step "netjourney check (the record the bundle made)"
run_isolated "$BUNDLED_PROGRAM" check --db "$WORK_DIR/journey.sqlite"
step "netjourney export-pdf (the bundled fonts and PDF code)"
run_isolated "$BUNDLED_PROGRAM" export-pdf --db "$WORK_DIR/journey.sqlite" "$WORK_DIR/journey.pdf"

step "installing into $WORK_DIR/prefix"
"$PACKAGING_DIR/linux/install.sh" "$WORK_DIR/prefix"
desktop-file-validate "$WORK_DIR/prefix/share/applications/$APP_ID.desktop"
run_isolated "$WORK_DIR/prefix/bin/netjourney" --version

step "the bundle builds, starts and installs"
