"""Shop setup's Export… and Import…: the setup saved to a file (naming the organisation it was made for), to
set up another shop or computer alike; a file read back into the editor, nothing saved until the owner clicks
Save, with a question first when the file was made for another organisation (its account codes are that
organisation's). A part of the Shop setup dialog (ui/shop_setup.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from xerohelper.core.mapping import Mapping, MappingFileError
from xerohelper.ui.failure_words import still_open
from xerohelper.ui.workers import run_in_background


def other_organisation_question(made_for: str, here: str, parent=None) -> tuple[QMessageBox, QPushButton]:
    """The question about a shop setup made for another organisation, and its Use button (built apart from
    asking it, so the accessibility walk can read it)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "A shop setup from another organisation",
        f"This shop setup was made for {made_for}, not for {here}.",
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setInformativeText(
        f"Its account codes and tax rates are {made_for}'s: here they may be other accounts, or none. "
        "Nothing changes unless you use it and then click Save."
    )
    use = box.addButton("&Use it anyway", QMessageBox.ButtonRole.AcceptRole)
    return box, use


class ShopSetupFiles:
    """The dialog's export and import (self.session, self.editor, self._say and self._show_editor are the
    dialog's)."""

    def ask_export_path(self) -> Path | None:
        """Where to export (the owner chooses; tests replace this)."""
        suggested = str(Path.home() / "xerohelper-shop-setup.json")
        path, _ = QFileDialog.getSaveFileName(
            self, "Export the shop setup", suggested, "Shop setup files (*.json);;All files (*)"
        )
        return Path(path) if path else None

    def ask_import_path(self) -> Path | None:
        """Which file to import (the owner chooses; tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a shop setup", str(Path.home()), "Shop setup files (*.json);;All files (*)"
        )
        return Path(path) if path else None

    def _export(self) -> None:
        if self.editor is None:
            return
        path = self.ask_export_path()
        if path is None:
            return
        mapping, session = self.editor.mapping(), self.session
        run_in_background(
            lambda: session.export_mapping(mapping, path),
            on_done=lambda _: self._say(f"Exported the shop setup to {path}."),
            on_failed=lambda error: self._say(
                str(error)
                if isinstance(error, MappingFileError)
                else f"The shop setup could not be saved to {path}. Choose another folder."
            ),
        )

    def _import(self) -> None:
        if self.editor is None:
            return
        path = self.ask_import_path()
        if path is None:
            return
        session = self.session
        run_in_background(
            lambda: session.read_mapping_file(path), on_done=self._imported, on_failed=self._import_failed
        )

    def confirm_other_organisation(self, made_for: str) -> bool:
        """A shop setup made for another organisation: use it here anyway? (tests replace this)"""
        here = self.session.organisation()
        box, use = other_organisation_question(made_for, here.name if here else "this organisation", self)
        box.exec()
        return box.clickedButton() is use

    def _imported(self, answer: tuple[Mapping, str | None]) -> None:
        if not still_open(self):
            return
        mapping, made_for = answer
        if made_for is not None and not self.confirm_other_organisation(made_for):
            self._say(f"Not imported: that shop setup was made for {made_for}. Nothing was changed.")
            return
        self._show_editor(mapping)
        self._say("Imported. Check the choices below, then click Save to use them.")

    def _import_failed(self, error: BaseException) -> None:
        if not still_open(self):
            return
        if isinstance(error, MappingFileError):
            self._say(str(error))
        else:
            self._say(f"The file could not be imported ({error}).")
