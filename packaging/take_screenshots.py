"""Save pictures of xerohelper's main screens into resources/screenshots/ (for the README and for review).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python packaging/take_screenshots.py

Works offscreen too (QT_QPA_PLATFORM=offscreen), which draws the same pictures without an X server.
Each screen is drawn at the window size a shop owner is likely to have (1280×720 laptop).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from xerohelper.ui.app import create_application
from xerohelper.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application()
    window = MainWindow()
    window.resize(1280, 720)
    window.show()

    def shoot() -> None:
        path = OUT / "welcome.png"
        window.grab().save(str(path))
        print(f"saved {path} ({app.platformName()})")
        app.quit()

    QTimer.singleShot(500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
