"""The organisers' dashboard: an aiohttp application served by the bot process (issue 17).

Opened as a Telegram Mini App from an organiser's menu button, or in a desktop browser through
a one-time login link that /dashboard sends. Imported only when DASHBOARD_URL is set: a bot
without it loads neither aiohttp's web server nor Jinja2.
"""
