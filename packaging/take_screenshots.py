"""Save pictures of xerohelper's main screens into resources/screenshots/ (for the README and for review).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python packaging/take_screenshots.py
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python packaging/take_screenshots.py --dark

(QT_QPA_PLATFORM=offscreen draws the same pictures without an X server.) The real app runs in demo mode
against the built-in sandbox, in a throwaway home folder, at 1366×768 — a common laptop screen — and the
day once more at 1024×600: welcome, shop setup, ready, the day before sending, a step Xero refused with its
explanation, a payment step where one tender was refused and the others went in, the finished day, and the
reconnect page. --dark: xerohelper's dark palette, and only the pictures the README shows dark (*-dark.png).
Each picture is made smaller with pngquant when it is installed (the README's pictures stay under ~2 MB).
Every screen and dialog, light or dark, for review: packaging/every_screen.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "screenshots"
sys.path.insert(0, str(ROOT))
home = tempfile.mkdtemp()
os.environ.update(
    HOME=home, XDG_CONFIG_HOME=f"{home}/c", XDG_DATA_HOME=f"{home}/d", XDG_STATE_HOME=f"{home}/s"
)

from keyring import set_keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from PySide6.QtCore import QRect, QSize  # noqa: E402
from PySide6.QtWidgets import QWizard  # noqa: E402

from xerohelper.core.checklist import Step, StepState  # noqa: E402
from xerohelper.sandbox.testing import control  # noqa: E402
from xerohelper.ui import look  # noqa: E402
from xerohelper.ui.app import create_application  # noqa: E402
from xerohelper.ui.main_window import MainWindow  # noqa: E402
from xerohelper.ui.palette import use_palette  # noqa: E402
from xerohelper.ui.setup_wizard import READY, SETUP  # noqa: E402


class _ThrowawayKeyring(KeyringBackend):
    """The demo's sign-in, kept in memory for this run only (never the computer's real keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


SIZE = QSize(1366, 768)
SHOWN_DARK = ("shop-setup", "partial-payment", "small-screen-day")  # the README's dark pictures


def main() -> int:
    dark = "--dark" in sys.argv[1:]
    keyring = _ThrowawayKeyring()
    set_keyring(keyring)
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application()
    use_palette(app, dark=dark)

    def settle(condition=lambda: True, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit("timed out waiting for the screen")
            app.processEvents()
            time.sleep(0.01)
        for _ in range(30):  # let layouts and repaints finish
            app.processEvents()
            time.sleep(0.01)

    def shoot(window, name: str) -> None:
        if dark and name not in SHOWN_DARK:
            return
        path = OUT / f"{name}{'-dark' if dark else ''}.png"
        window.grab().save(str(path))
        made_smaller(path)
        print(f"saved {path.relative_to(ROOT)}")

    if not dark:
        from wizard_screenshots import shoot_wizard

        shoot_wizard(settle, shoot, keyring)
        set_keyring(keyring)

        first = MainWindow()
        first.resize(SIZE)
        first.show()
        settle(lambda: first.first_look is not None)
        shoot(first, "welcome")
        first.close()

    window = MainWindow(demo=True)
    window.resize(SIZE)
    window.show()
    wizard = window.wizard
    settle(lambda: wizard.currentId() == SETUP and wizard.setup_page.isComplete())
    shoot(window, "shop-setup")
    wizard.button(QWizard.WizardButton.NextButton).click()
    settle(lambda: wizard.currentId() == READY)
    shoot(window, "ready")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    settle(lambda: window.day_screen is not None and window.day_screen.pos_card.isEnabled())
    screen = window.day_screen
    session = window.session
    screen.pos_card.import_file(session.demo_day_file(session.today()))
    settle(lambda: screen.step_card(Step.SALES_SUMMARY).state is StepState.READY)
    shoot(window, "day-ready")

    base = session.sandbox.base_url
    control(base, "contacts/archive", {"tenant": "Harbour Street Hardware", "contact": "POS Sales"})
    session.day_service().forget_setup()
    screen.run_next_button.click()
    settle(lambda: screen.step_card(Step.SALES_SUMMARY).state is StepState.NEEDS_ATTENTION)
    scrolled_to(screen.explanation_cards[Step.SALES_SUMMARY])
    settle()
    shoot(window, "needs-attention")
    control(base, "contacts/restore", {"tenant": "Harbour Street Hardware", "contact": "POS Sales"})
    session.day_service().forget_setup()

    for step in (Step.SALES_SUMMARY, Step.APPROVE):
        settle(screen.run_next_button.isEnabled)
        screen.run_next_button.click()
        settle(lambda step=step: screen.step_card(step).state is StepState.DONE)
    # Amex's account stops taking payments in Xero after the set-up was read: Cash and EFTPOS go in, Amex
    # is refused, and the card says which are in Xero (with amounts) and which are not.
    control(base, "accounts/disable-payments", {"tenant": "Harbour Street Hardware", "code": "616"})
    settle(screen.run_next_button.isEnabled)
    screen.run_next_button.click()
    settle(lambda: screen.step_card(Step.PAYMENTS).state is StepState.NEEDS_ATTENTION)
    scrolled_to(screen.explanation_cards[Step.PAYMENTS])  # the card that says which tenders went in
    settle()
    shoot(window, "partial-payment")
    control(base, "accounts/enable-payments", {"tenant": "Harbour Street Hardware", "code": "616"})
    session.day_service().forget_setup()
    settle(screen.run_next_button.isEnabled)
    screen.run_next_button.click()
    settle(lambda: screen.step_card(Step.PAYMENTS).state is StepState.DONE)
    shoot(window, "day-done")

    # the same day on a small laptop (1024×600): the window as big as such a screen lets it be
    small = look.fitted_size(QSize(1100, 720), QRect(0, 0, 1024, 600))
    window.resize(small)
    settle(lambda: window.size() == small)
    shoot(window, "small-screen-day")
    window.resize(SIZE)

    control(base, "tokens/revoke", {})
    window.show_reconnect(_reason_ended())
    settle()
    shoot(window, "reconnect")
    window.close()
    return 0


def scrolled_to(widget) -> None:
    """Scroll the page `widget` is on so that all of it shows (the picture is about it)."""
    from PySide6.QtWidgets import QScrollArea

    holder = widget.parentWidget()
    while holder is not None and not isinstance(holder, QScrollArea):
        holder = holder.parentWidget()
    if holder is not None:
        holder.ensureWidgetVisible(widget, 0, 8)


def made_smaller(path: Path) -> None:
    """The picture in 256 well-chosen colours (pngquant, when installed): a third of the size, and a screen
    of flat colours and text looks the same."""
    if shutil.which("pngquant") is None:
        return
    subprocess.run(
        ["pngquant", "--quality", "80-98", "--speed", "1", "--strip", "--force", "--ext", ".png", str(path)],
        check=False,
    )


def _reason_ended():
    from xerohelper.core.connection import ReconnectReason

    return ReconnectReason.SIGN_IN_ENDED


if __name__ == "__main__":
    sys.exit(main())
