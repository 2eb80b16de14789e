"""What the owner must be told once, whatever they were doing: a settings file or a journal that couldn't be
read was set aside, and what xerohelper did about it (defaults, a journal rebuilt from Xero).

The command line and the window listen; notices found before anyone listened are handed to the first
listener. A listener is called on the thread that found the notice (the window hands it to the GUI thread).
"""

from __future__ import annotations

from xerohelper.adapters.damaged_files import NoticeListener, listen, stop_listening, take

__all__ = ["NoticeListener", "listen", "stop_listening", "take"]
