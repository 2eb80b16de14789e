"""Settings › Shop setup: the dialog around the editor (ui/shop_setup_editor.py). It reads the organisation's
accounts (and tracking categories) in the background, shows the editor, and saves; exporting or importing
the setup as a file is ui/shop_setup_files.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from xerohelper.core.explain import Explanation, SetupRow
from xerohelper.core.mapping import Mapping
from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
from xerohelper.core.till_tracking import TrackingCategoryInfo
from xerohelper.ui import look
from xerohelper.ui.busy_panel import BusyPanel
from xerohelper.ui.failure_words import explain_failure, short_code_of, still_open, while_reading
from xerohelper.ui.shop_setup_editor import ShopSetupEditor
from xerohelper.ui.shop_setup_files import ShopSetupFiles
from xerohelper.ui.workers import run_in_background

log = logging.getLogger(__name__)


class ShopSetupDialog(ShopSetupFiles, QDialog):
    """Settings › Shop setup: reads the organisation's accounts in the background, then edits and saves.

    categories / tenders: the till's names to offer besides those the till used lately.
    """

    saved = Signal(object)  # the Mapping, once it is saved

    def __init__(self, session, parent: QWidget | None = None, categories=(), tenders=()) -> None:
        super().__init__(parent)
        self.setObjectName("shop_setup_dialog")
        self.setWindowTitle("Shop setup")
        self.setAccessibleName("Shop setup")
        look.fit_to_screen(self, 940, 660)  # smaller on a small screen (1024×600): the rows scroll
        self.session = session
        self._categories, self._tenders = list(categories), list(tenders)
        self.editor: ShopSetupEditor | None = None
        self._loaded: _Loaded | None = None
        self._wanted_row: SetupRow | None = None  # the row to open at, once the editor is shown

        intro = QLabel(
            "Tell xerohelper where your till's takings go in Xero. You set this up once; "
            "change it here whenever your accounts change."
        )
        intro.setWordWrap(True)
        intro.setObjectName("shop_setup_intro")

        self.pages = QStackedWidget()
        self.pages.setObjectName("shop_setup_pages")
        self.busy = BusyPanel(name="shop_setup_busy")
        self.busy.try_again.connect(self.load)
        self.pages.addWidget(self.busy)
        self.editor_holder = QWidget()
        self.editor_holder.setObjectName("shop_setup_editor_holder")
        QVBoxLayout(self.editor_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.editor_holder)

        self.message = QLabel()
        self.message.setObjectName("shop_setup_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_button")
        self.save_button.setAccessibleName("Save the shop setup")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setAccessibleName("Cancel")
        self.export_button = self.buttons.addButton("&Export…", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("export_button")
        self.export_button.setAccessibleName("Export the shop setup to a file")
        self.export_button.setToolTip("Save this setup to a file, to set up another shop or computer alike.")
        self.import_button = self.buttons.addButton("I&mport…", QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setObjectName("import_button")
        self.import_button.setAccessibleName("Import a shop setup from a file")
        self.import_button.setToolTip(
            "Fill this setup from a file exported by xerohelper (nothing is saved yet)."
        )
        for button in (self.save_button, self.export_button, self.import_button):
            button.setAutoDefault(False)
            button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.reject)
        self.export_button.clicked.connect(self._export)
        self.import_button.clicked.connect(self._import)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.load()

    # ---- loading --------------------------------------------------------------------------------------
    def load(self, keep: Mapping | None = None) -> None:
        """Read the accounts, tax rates and contact from Xero (again), then show the editor; `keep` is the
        Mapping to show instead of the saved one (after “check again”)."""
        self.busy.working("Reading your accounts and tax rates from Xero…")
        self.pages.setCurrentWidget(self.busy)
        self._set_buttons(False)
        session = self.session
        again = keep is not None

        def work():
            setup, contact = session.organisation_setup(fresh=again, with_tracking=False)
            saved = session.mapping()
            seen = session.till_names_seen()
            tills = list(session.shop_tills())
            choices, problem = None, None
            if tills and setup.tracking is not None:  # already read with the set-up kept a while
                choices = list(setup.tracking_choices)
            elif tills:  # a shop with several tills or locations: each till's tracking option
                try:
                    choices = session.tracking_choices()
                except Exception as error:  # the rest of Shop setup still works: the Tills section says why
                    problem = explain_failure(error, short_code_of(session))
            loaded = _Loaded(setup, contact, saved, list(seen.categories), list(seen.tenders))
            return replace(loaded, tills=tills, tracking_choices=choices, tracking_problem=problem)

        run_in_background(
            work, on_done=lambda loaded: self._loaded_setup(loaded, keep), on_failed=self._load_failed
        )

    def _loaded_setup(self, loaded: _Loaded, keep: Mapping | None) -> None:
        if not still_open(self):
            return
        self._loaded = loaded
        self._show_editor(keep or loaded.saved)

    def _show_editor(self, mapping: Mapping) -> None:
        loaded = self._loaded
        if self.editor is not None:
            self.editor.setParent(None)
            self.editor.deleteLater()
        self.editor = ShopSetupEditor(
            loaded.setup,
            mapping,
            [*self._categories, *loaded.categories],
            [*self._tenders, *loaded.tenders],
            loaded.contact,
            today=self.session.today(),
            contact_looked_up_for=loaded.saved.customer_contact,
            offer_recheck=True,
            tills=loaded.tills,
            tracking_choices=loaded.tracking_choices,
            tracking_problem=loaded.tracking_problem,
        )
        self.editor.changed.connect(self._editor_changed)
        self.editor.recheck_requested.connect(lambda: self.load(keep=self.editor.mapping()))
        self.editor_holder.layout().addWidget(self.editor)
        self.pages.setCurrentWidget(self.editor_holder)
        self._set_buttons(True)
        self._editor_changed()
        if self._wanted_row is not None:
            self.editor.show_row(self._wanted_row)

    def show_row(self, row: SetupRow) -> None:
        """Open at this row (a card's "Open Shop setup"): now, or once the accounts are read."""
        self._wanted_row = row
        if self.editor is not None:
            self.editor.show_row(row)

    def _load_failed(self, error: BaseException) -> None:
        if not still_open(self):
            return
        self.busy.failed(
            "xerohelper couldn't read your accounts and tax rates from Xero.",
            while_reading(
                explain_failure(error, short_code_of(self.session)),
                "to read your accounts and tax rates",
                "You can keep using Xero itself as normal.",
            ),
        )

    def _editor_changed(self) -> None:
        blocked = (
            self.editor.save_waits_for() if self.editor else "Wait for your accounts to be read from Xero."
        )
        self.save_button.setEnabled(not blocked)
        self.save_button.setToolTip(blocked)

    # ---- save (export and import: ui/shop_setup_files.py) ----------------------------------------------
    def _save(self) -> None:
        if self.editor is None or self.editor.save_waits_for():
            return
        mapping = self.editor.mapping()
        self._set_buttons(False)
        self._say("Saving…")
        run_in_background(
            lambda: self.session.save_mapping(mapping),
            on_done=lambda _: self._saved(mapping),
            on_failed=self._save_failed,
        )

    def _saved(self, mapping: Mapping) -> None:
        if not still_open(self):
            return
        log.info(
            "shop setup saved: %d kinds of sale, %d ways of paying", len(mapping.sales), len(mapping.tenders)
        )
        self.saved.emit(mapping)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        if not still_open(self):
            return
        self._set_buttons(True)
        self._say(
            f"The shop setup could not be saved ({error}). Check there is free space on this computer, "
            "then click Save again."
        )

    # ---- small things ---------------------------------------------------------------------------------
    def _say(self, words: str) -> None:
        if still_open(self):
            self.message.setText(words)
            self.message.setVisible(bool(words))

    def _set_buttons(self, usable: bool) -> None:
        for button in (self.save_button, self.export_button, self.import_button):
            button.setEnabled(usable)


@dataclass(frozen=True)
class _Loaded:
    setup: OrganisationSetup
    contact: ContactInfo | None
    saved: Mapping  # the saved Mapping (its contact is the one `contact` was looked up for)
    categories: list[str]
    tenders: list[str]
    tills: list[str] = field(default_factory=list)  # the shop's tills or locations (none: one till)
    tracking_choices: list[TrackingCategoryInfo] | None = None  # the organisation's tracking categories
    tracking_problem: Explanation | None = None  # why they couldn't be read
