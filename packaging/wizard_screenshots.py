"""Pictures of the set-up wizard's pages at 1366×768 and 1024×600, for the README and for review (called by
packaging/take_screenshots.py): the welcome page without a Xero app built in, "Use your own Xero app",
waiting for Xero's sign-in, a cancelled sign-in, a password store that can't keep the sign-in, and the demo
shop's setup and ready pages. No browser opens: the sign-in link is only shown."""

from __future__ import annotations

from keyring import set_keyring
from keyring.backends import fail
from PySide6.QtWidgets import QWizard

from xerohelper.core.setup_flow import Page
from xerohelper.services import connection as connection_service
from xerohelper.ui.main_window import MainWindow

SIZES = ((1366, 768), (1024, 600))


def shoot_wizard(settle, shoot, keyring) -> None:
    connection_service._open_in_system_browser = lambda link: True  # show the link; open nothing
    for width, height in SIZES:
        size = f"{width}x{height}"
        set_keyring(keyring)
        _forget_saved_settings()  # each size starts as a first launch, with no Xero app saved
        window = MainWindow()
        window.resize(width, height)
        window.show()
        wizard = window.wizard
        settle(lambda window=window: window.first_look is not None)
        shoot(window, f"wizard-welcome-{size}")
        wizard.welcome_page.connect_button.click()
        settle(lambda wizard=wizard: wizard.currentId() == Page.OWN_APP)
        shoot(window, f"wizard-own-app-{size}")
        wizard.own_app_page.client_id.setText("A1B2C3D4E5F60718293A4B5C6D7E8F90")
        wizard.own_app_page.use_button.click()
        connect = wizard.connect_page
        settle(lambda connect=connect: connect.link.isVisible())
        shoot(window, f"wizard-connecting-{size}")
        connect.cancel_button.click()
        settle(lambda connect=connect: connect.demo_button.isVisible())
        shoot(window, f"wizard-cancelled-{size}")
        set_keyring(fail.Keyring())
        connect.retry_button.click()
        settle(lambda connect=connect: connect.problem.isVisible())
        shoot(window, f"wizard-password-store-{size}")
        window.close()

        set_keyring(keyring)
        demo = MainWindow(demo=True)
        demo.resize(width, height)
        demo.show()
        wizard = demo.wizard
        settle(lambda wizard=wizard: wizard.currentId() == Page.SETUP and wizard.setup_page.isComplete())
        shoot(demo, f"wizard-shop-setup-{size}")
        wizard.button(QWizard.WizardButton.NextButton).click()
        settle(lambda wizard=wizard: wizard.currentId() == Page.READY)
        shoot(demo, f"wizard-ready-{size}")
        demo.close()
        _forget_saved_settings()  # the demo shop set up here is not the one the other pictures show


def _forget_saved_settings() -> None:
    import shutil

    from xerohelper.adapters.app_folders import AppFolders

    folders = AppFolders.for_this_user()
    shutil.rmtree(folders.settings, ignore_errors=True)
    shutil.rmtree(folders.data, ignore_errors=True)
