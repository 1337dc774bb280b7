"""Render the app icon's SVG into every file a desktop or a bundle asks for.

Run from the repository root after changing the SVG, then commit what it writes:
    python packaging/make_icons.py
Needs PySide6 (the app's own dependency) and Pillow (the `packaging` extra).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.netjourney.NETJourney"
PACKAGING_DIR = Path(__file__).resolve().parent
ICONS_DIR = PACKAGING_DIR / "icons"
SOURCE_SVG = ICONS_DIR / f"{APP_ID}.svg"
APP_RESOURCES_ICONS = PACKAGING_DIR.parent / "resources" / "icons"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
WINDOW_ICON_SIZE = 256
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the largest size Windows reads from an .ico
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # 1024 is the 512 "@2x" slot of an .icns


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn on a transparent square of `size` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def to_pillow(image: QImage) -> Image.Image:
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    size = (rgba.width(), rgba.height())
    pixels = bytes(rgba.constBits())
    return Image.frombuffer("RGBA", size, pixels, "raw", "RGBA", rgba.bytesPerLine(), 1)


def write_hicolor_pngs(images: dict[int, QImage]) -> None:
    for size in HICOLOR_SIZES:
        target = ICONS_DIR / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not images[size].save(str(target)):  # the format follows the .png suffix
            raise OSError(f"Qt could not write {target}")


def write_bundle_icons(images: dict[int, QImage]) -> None:
    """The Windows .ico and macOS .icns, each size drawn from the SVG, not scaled down."""
    pictures = {size: to_pillow(image) for size, image in images.items()}
    largest_ico = pictures[max(ICO_SIZES)]
    largest_ico.save(
        ICONS_DIR / "netjourney.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[pictures[s] for s in ICO_SIZES],
    )
    pictures[max(ICNS_SIZES)].save(
        ICONS_DIR / "netjourney.icns",
        append_images=[pictures[s] for s in ICNS_SIZES],
    )


def copy_window_icon() -> None:
    """The GUI's window icon lives with the app's other shipped content."""
    APP_RESOURCES_ICONS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE_SVG, APP_RESOURCES_ICONS / "netjourney.svg")
    shutil.copyfile(
        ICONS_DIR / "hicolor" / f"{WINDOW_ICON_SIZE}x{WINDOW_ICON_SIZE}" / "apps" / f"{APP_ID}.png",
        APP_RESOURCES_ICONS / f"netjourney-{WINDOW_ICON_SIZE}.png",
    )


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt's painting needs an application
    renderer = QSvgRenderer(str(SOURCE_SVG))
    if not renderer.isValid():
        print(f"make_icons: Qt cannot read {SOURCE_SVG}", file=sys.stderr)
        return 1
    all_sizes = set(HICOLOR_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES)
    images = {size: render(renderer, size) for size in sorted(all_sizes)}
    write_hicolor_pngs(images)
    write_bundle_icons(images)
    copy_window_icon()
    print(f"Wrote {len(HICOLOR_SIZES)} PNGs, netjourney.ico and netjourney.icns in {ICONS_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
