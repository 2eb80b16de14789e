"""A bare PySide6 window, frozen the same way as xerohelper, to compare start-up against
(packaging/measure_start.py). Prints "shown ok" once the window is up and answering, then quits."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare window"))
window.resize(1100, 720)
window.show()


def shown() -> None:
    print(f"shown ok platform={app.platformName()}", flush=True)
    app.quit()


QTimer.singleShot(0, shown)
sys.exit(app.exec())
