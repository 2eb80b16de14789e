"""Make xerohelper's icon files from its one drawing, xerohelper/resources/app/xerohelper.svg.

    .venv/bin/python packaging/make_icons.py

Writes (and they are committed, so building needs no drawing tools):
  xerohelper/resources/app/xerohelper-<N>.png   N = 16 24 32 48 64 128 256 512: the window's icon (package
                                               data) and the hicolor theme's icons in the .deb
  packaging/icons/xerohelper.ico               Windows: the exe and the installer (PNG-compressed entries)
  packaging/icons/xerohelper.icns              macOS: the .app (PNG entries, 16 to 1024 px)
Qt draws the SVG (offscreen: no display needed); the .ico and .icns containers are written here, so no
image plugin beyond PNG is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "xerohelper" / "resources" / "app" / "xerohelper.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns entry types holding PNG data, by pixel size (Apple's icon family format)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render(size: int) -> bytes:
    """The icon drawn at size × size pixels, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (Windows Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(images))
        images += png
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for size, kind in ICNS_TYPES.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    QGuiApplication(sys.argv[:1])
    if not QSvgRenderer(str(SVG)).isValid():
        print(f"{SVG} is not a drawing Qt can read", file=sys.stderr)
        return 1
    pngs = {size: render(size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_TYPES})}
    for size in PNG_SIZES:
        (SVG.parent / f"xerohelper-{size}.png").write_bytes(pngs[size])
    out = ROOT / "packaging" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    (out / "xerohelper.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (out / "xerohelper.icns").write_bytes(icns(pngs))
    print(f"wrote {len(PNG_SIZES)} PNGs beside {SVG.relative_to(ROOT)}, and xerohelper.ico/.icns in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
