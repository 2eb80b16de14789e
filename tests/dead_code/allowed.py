"""What the dead-code check (tests/dead_code/test_no_dead_code.py) counts as used although nothing in the app
names it: each entry says who uses it. Vulture reads this file (it is never run); an entry is a name, as
vulture matches by name. Keep it short: delete dead code rather than list it here."""

# ruff: noqa: B018  (each line only names something)

_ = object()

# Called or read by name by the xero-python SDK (adapters/xero_api.py's PKCE token).
_.refresh_access_token  # OAuth2Token.refresh_access_token: the SDK refreshes through it
_.revoke_access_token  # OAuth2Token.revoke_access_token: the SDK revokes through it
_.create_auth_settings  # OAuth2Token.create_auth_settings: the SDK asks it for the Authorization header
_.oauth2_token  # Configuration.oauth2_token: where the SDK looks for the token object

# Called or read by name by the standard library's http.server (the sign-in callback and the sandbox).
_.do_GET  # BaseHTTPRequestHandler calls do_<METHOD> for each request
_.do_POST
_.do_PUT
_.do_DELETE
_.do_PATCH
_.do_HEAD
_.log_message  # BaseHTTPRequestHandler's logging hook (ours go to the log, not stderr)
_.version_string  # BaseHTTPRequestHandler's Server header
_.server_version  # BaseHTTPRequestHandler's Server header parts
_.sys_version
_.protocol_version  # BaseHTTPRequestHandler: HTTP/1.1 keep-alive, as Xero
_.close_connection  # BaseHTTPRequestHandler: read after each request
_.daemon_threads  # ThreadingHTTPServer: request threads don't keep the app alive
_.allow_reuse_address  # socketserver.TCPServer reads it before binding

# Called by Qt (a C++ virtual overridden in Python).
_.nextId  # QWizard.nextId(): the set-up wizard asks core's SetupFlow what comes next

# Read by the benchmarks (tests/bench) and the call-count tests: how many calls a day costs.
_.calls  # XeroPacer: answers received
_.rate_limited  # XeroPacer: 429s received
_.refresh_count  # Tokens: refreshes done

# Dataclass fields saved with the sandbox's state (sandbox/store.py writes every field of its records).
_.issued  # when a token or code was issued, as Xero keeps it

# The generic day file's writer, beside its reader so the two can't drift: the template in resources/ is
# proven by a byte-for-byte round trip through it (tests/pos/test_generic.py).
_.write_generic_csv
