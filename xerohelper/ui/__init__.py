"""The Qt user interface: windows, wizard pages and workers. It never talks to Xero itself."""
