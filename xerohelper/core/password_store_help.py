"""What to install or turn on so this computer has a password store xerohelper may keep the sign-in in,
for the desktop the owner uses (Linux desktops differ; Windows and macOS have one built in)."""

from __future__ import annotations

_GNOME_KEYRING = (
    "Install GNOME Keyring (on Debian or Ubuntu: sudo apt install gnome-keyring; on Fedora: sudo dnf install "
    "gnome-keyring), then sign out of the desktop and back in, so it is unlocked when you sign in."
)
_BY_DESKTOP = {
    "kde": (
        "On KDE Plasma: open System Settings → KDE Wallet and turn on the wallet (KDE Wallet 5.97 or later "
        "offers the Secret Service xerohelper uses), then sign out and back in. Or install GNOME Keyring "
        "(sudo apt install gnome-keyring)."
    ),
}
_USES_GNOME_KEYRING = ("xfce", "cinnamon", "mate", "budgie", "unity", "pantheon", "lxde", "lxqt", "gnome")


def password_store_advice(platform: str, desktop: str) -> str:
    """platform: sys.platform; desktop: XDG_CURRENT_DESKTOP (colon-separated, any case)."""
    if platform.startswith("win"):
        return "Windows keeps passwords in Credential Manager: restart the computer, then try again."
    if platform == "darwin":
        return (
            "macOS keeps passwords in the Keychain: open Keychain Access, unlock the login keychain, then "
            "try again."
        )
    names = [part.strip().casefold() for part in desktop.split(":") if part.strip()]
    for name in names:
        if name in _BY_DESKTOP:
            return _BY_DESKTOP[name]
        if name in _USES_GNOME_KEYRING:
            return _GNOME_KEYRING
    return _GNOME_KEYRING + " KeePassXC with its Secret Service turned on works too."
