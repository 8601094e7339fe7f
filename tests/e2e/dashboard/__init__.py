"""The dashboard's browser tests: the real bot process, its dashboard on 127.0.0.1, and
Debian's Chromium driven by Playwright."""
