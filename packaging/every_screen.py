"""Pictures of every screen, for review, in a light or a dark palette, at the size of the screen it runs on:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python packaging/every_screen.py --dark --out /tmp/shots
    xvfb-run -a -s "-screen 0 1024x600x24" .venv/bin/python packaging/every_screen.py --out /tmp/shots

The palette is given to the application before any window is built (palette.use_palette), as the app
does at start. The demo shop against the built-in sandbox, in a throwaway home folder (as
take_screenshots.py): the wizard's pages; the day screen fresh, ready (and Skip), a step that needs
attention (and its Details), a payment step where one tender was refused, done, a till difference, two
tills; the reconnect page; and the dialogs: Shop setup, Settings (with its everyday box), History,
catch-up, the Z report, re-send, the link dialog and About. Dialogs open over the main window and are
fitted to the screen as the app fits them; each is saved alone.
Files: <out>/<light|dark>-<WxH>-<screen>.png.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import take_screenshots  # first: it sets up the throwaway home folder
import wizard_screenshots
from keyring import set_keyring
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QWizard
from take_screenshots import _ThrowawayKeyring
from wizard_screenshots import shoot_wizard

from xerohelper.core.checklist import Step, StepState
from xerohelper.core.mapping import Tracking
from xerohelper.sandbox.testing import control
from xerohelper.services.demo_shop import DEMO_MAPPING
from xerohelper.ui import palette
from xerohelper.ui.app import create_application
from xerohelper.ui.main_window import MainWindow
from xerohelper.ui.open_link import LinkDialog
from xerohelper.ui.setup_wizard import READY, SETUP

SHOP = "Harbour Street Hardware"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dark", action="store_true", help="xerohelper's dark palette (else the light one)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/xerohelper-shots"))
    parser.add_argument("--no-wizard", action="store_true", help="leave out the wizard's pages")
    args = parser.parse_args(argv)
    keyring = _ThrowawayKeyring()
    set_keyring(keyring)
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    palette.use_palette(app, dark=args.dark)
    screen = app.primaryScreen().geometry()
    width, height = screen.width(), screen.height()
    prefix = f"{'dark' if args.dark else 'light'}-{width}x{height}"
    shots = Shots(app, args.out, prefix)

    if not args.no_wizard:
        wizard_screenshots.SIZES = ((width, height),)
        shoot_wizard(shots.settle, lambda window, name: shots.save(window, name.rsplit("-", 1)[0]), keyring)
        set_keyring(keyring)

    window = MainWindow(demo=True)
    window.resize(width, height)
    window.show()
    wizard = window.wizard
    shots.settle(lambda: wizard.currentId() == SETUP and wizard.setup_page.isComplete())
    wizard.button(QWizard.WizardButton.NextButton).click()
    shots.settle(lambda: wizard.currentId() == READY)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    shots.settle(lambda: window.day_screen is not None and window.day_screen.pos_card.isEnabled())
    day = window.day_screen
    session = window.session
    today = session.today()
    shots.save(window, "day-fresh")
    the_day(shots, window, session)
    link = "https://go.xero.com/AccountsReceivable/View.aspx"
    shots.dialog(window, lambda: LinkDialog(link, window), "link")
    shots.dialog(window, window.show_about, "about")
    shots.dialog(window, window.show_history, "history")
    shots.last.reject()
    shots.dialog(window, window.show_settings, "settings")
    settings = shots.last
    settings.everyday_box.setFocus()
    shots.settle()
    shots.save(settings.everyday_box, "everyday-settings")
    settings.reject()
    loaded = lambda dialog: getattr(dialog, "editor", None) is not None  # noqa: E731
    shots.dialog(window, window.show_shop_setup, "shop-setup", loaded)
    shots.last.reject()

    # the Z report, typed for an earlier day with the cash $12.40 short: the day then waits for a decision
    earlier = today - timedelta(days=5)
    window.show_day(earlier)
    shots.settle(lambda: day.trading_date == earlier and day.pos_card.isEnabled() and not day.busy)
    day.pos_card.z_report_button.click()
    shots.settle(lambda: day.z_report_dialog is not None and day.z_report_dialog.isVisible())
    z = day.z_report_dialog
    z.sales_rows[0].gross.setText("1,100.00")
    z.sales_rows[0].tax.setText("100")
    cash = next(row for row in z.tender_rows if row.name.currentText() == "Cash")
    cash.amount.setText("1087.60")
    z.tender_rows[-1].amount.setText("12.345")  # one that isn't an amount: pointed at on Save
    z.save_button.click()
    shots.settle()
    shots.save(z, "z-report")
    z.tender_rows[-1].amount.setText("")
    z.save_button.click()
    shots.settle(lambda: not day.busy and day.pos_card.day is not None)
    shots.save(window, "day-till-difference")

    # catch-up: two more imported days, not sent yet
    for back in (6, 7):
        outcome = session.import_file(session.demo_day_file(today - timedelta(days=back)))
        for each in outcome.days:
            session.day_service().save_day(each)
    shots.dialog(window, window.catch_up, "catch-up")
    shots.last.reject()

    # two tills: the shop's tracking names its tills, and a file with both
    tracking = Tracking("Till", {"Front": "Till 1", "Back": "Till 2"})
    session.save_mapping(replace(DEMO_MAPPING, tracking=tracking))
    tills = two_tills_file(session, today - timedelta(days=8))
    window.show_day(today - timedelta(days=8))
    shots.settle(lambda: day.trading_date == today - timedelta(days=8) and not day.busy)
    day.pos_card.import_file(tills)
    shots.settle(lambda: not day.busy and day.till_picker.isVisible() and day.pos_card.day is not None)
    shots.save(window, "day-two-tills")

    control(session.sandbox.base_url, "tokens/revoke", {})
    window.show_reconnect(take_screenshots._reason_ended())
    shots.settle()
    shots.save(window, "reconnect")
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    return 0


def the_day(shots: Shots, window: MainWindow, session) -> None:
    """Today, through every state of its checklist, and the re-send confirmation at the end."""
    day = window.day_screen
    day.pos_card.import_file(session.demo_day_file(session.today()))
    shots.settle(lambda: day.step_card(Step.SALES_SUMMARY).state is StepState.READY)
    shots.save(window, "day-ready")
    shots.dialog(window, day.step_card(Step.SALES_SUMMARY).skip_button.click, "skip")
    shots.last.reject()
    base = session.sandbox.base_url
    control(base, "contacts/archive", {"tenant": SHOP, "contact": "POS Sales"})
    session.day_service().forget_setup()
    day.run_next_button.click()
    shots.settle(lambda: day.step_card(Step.SALES_SUMMARY).state is StepState.NEEDS_ATTENTION)
    shots.save(window, "day-needs-attention")
    card = day.explanation_cards[Step.SALES_SUMMARY]
    card.details_button.click()  # Xero's own words, for the bookkeeper
    shots.settle()
    shots.save(card, "explanation-details")
    card.details_button.click()
    control(base, "contacts/restore", {"tenant": SHOP, "contact": "POS Sales"})
    session.day_service().forget_setup()
    for step in (Step.SALES_SUMMARY, Step.APPROVE):
        shots.settle(day.run_next_button.isEnabled)
        day.run_next_button.click()
        shots.settle(lambda step=step: day.step_card(step).state is StepState.DONE)
    control(base, "accounts/disable-payments", {"tenant": SHOP, "code": "616"})
    shots.settle(day.run_next_button.isEnabled)
    day.run_next_button.click()
    shots.settle(lambda: day.step_card(Step.PAYMENTS).state is StepState.NEEDS_ATTENTION)
    shots.save(window, "day-partial-payment")
    control(base, "accounts/enable-payments", {"tenant": SHOP, "code": "616"})
    session.day_service().forget_setup()
    shots.settle(day.run_next_button.isEnabled)
    day.run_next_button.click()
    shots.settle(lambda: day.step_card(Step.PAYMENTS).state is StepState.DONE)
    shots.save(window, "day-done")
    # re-send (the button shows when the figures change after sending; asked for here as it would be)
    shots.dialog(window, day.pos_card.resend_requested.emit, "resend")
    shots.last.reject()


def two_tills_file(session, trading_date) -> Path:
    """The demo day at the front till and a smaller one at the back till, in one generic export."""
    lines = session.demo_day_file(trading_date).read_text().splitlines()
    back = [
        f"{trading_date.isoformat()},sale,Paint,GST 10%,100.00,10.00,,Back",
        f"{trading_date.isoformat()},tender,EFTPOS,,,,110.00,Back",
    ]
    path = Path(take_screenshots.home) / "two-tills.csv"
    path.write_text("\n".join([lines[0] + ",Location", *(row + ",Front" for row in lines[1:]), *back]) + "\n")
    return path


class Shots:
    def __init__(self, app: QApplication, out: Path, prefix: str) -> None:
        self.app, self.out, self.prefix = app, out, prefix
        self.last: QDialog | None = None

    def settle(self, condition=lambda: True, seconds: float = 30) -> None:
        import time

        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit("timed out waiting for the screen")
            self.app.processEvents()
            time.sleep(0.01)
        for _ in range(30):  # let layouts and repaints finish
            self.app.processEvents()
            time.sleep(0.01)

    def save(self, widget, name: str) -> None:
        path = self.out / f"{self.prefix}-{name}.png"
        widget.grab().save(str(path))
        print(f"saved {path}", flush=True)

    def dialog(self, window, open_it, name: str, ready=lambda dialog: True) -> None:
        """Open a dialog over `window` (open_it makes it, or returns it), wait until `ready`, save it."""
        before = set(window.findChildren(QDialog))
        made = open_it()
        if isinstance(made, QDialog):
            made.open()

        def opened() -> QDialog | None:
            return next((d for d in window.findChildren(QDialog) if d not in before and d.isVisible()), None)

        self.settle(lambda: opened() is not None and ready(opened()))
        self.last = opened()
        self.save(self.last, name)


if __name__ == "__main__":
    sys.exit(main())
