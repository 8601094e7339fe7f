## The organisers' dashboard (bot/web/): web pages, plain text (the pages escape it).

dash-name = Training dashboard
dash-nav-courses = Courses
dash-nav-announcements = Announcements
dash-nav-surveys = Surveys
dash-nav-audit = Action log
dash-language-en = English
dash-language-ru = Русский
dash-sign-out = Sign out
# $zone (String): the organiser's time zone, such as "Baku (UTC+4)"
dash-times-in = Times are shown in { $zone } unless the page says otherwise.

dash-login-title = Sign in to the dashboard
dash-login-text = This link signs you in once, on this device only. You stay signed in for 12 hours; after that, send /dashboard to the bot for a new link.
dash-login-button = Sign in
dash-mini-app-title = Training dashboard
dash-mini-app-signing-in = Signing you in…
dash-mini-app-refused = This page opens from the “Dashboard” button in the bot's menu, and only for organisers. To use a browser instead, send /dashboard to the bot for a sign-in link.
dash-mini-app-no-script = JavaScript must be switched on to sign in here. To use a browser instead, send /dashboard to the bot for a sign-in link.

dash-signed-out-title = You are not signed in
dash-signed-out = Send /dashboard to the bot for a sign-in link, or open the dashboard with the “Dashboard” button in the bot's menu in Telegram.
dash-logged-out-title = You have signed out
dash-logged-out = To sign in again, send /dashboard to the bot or use the “Dashboard” button in its menu.
dash-link-expired-title = This sign-in link has expired
dash-link-expired = A sign-in link works for 10 minutes. Send /dashboard to the bot for a new one.
dash-link-invalid-title = This sign-in link is not valid
dash-link-invalid = It may have been cut short when it was copied. Open the link exactly as the bot sent it, or send /dashboard to the bot for a new one.
dash-link-used-title = This sign-in link has already been used
dash-link-used = Each link works only once. Send /dashboard to the bot for a new one.
dash-not-organiser-title = For organisers only
dash-not-organiser = The dashboard is open only to the training organisers. If you are one, ask the bot's administrator to add your Telegram account to the organisers.
dash-too-many-title = Too many attempts
dash-too-many = Wait ten minutes, then open the newest link the bot has sent you.
dash-not-found-title = Page not found
dash-not-found = The address may be incomplete, or the item has been deleted. Go back to the list of courses and look for it there.
dash-stale-form-title = The form has expired
dash-stale-form = Nothing has been changed. Reload the page and try again.
dash-error-title = Something went wrong
dash-error = The error has been recorded for the bot's administrator. Reload the page and try again; if it happens again, tell the administrator what you were doing.
dash-refused-title = This cannot be done here
dash-refused = Nothing was changed. Go back to the page you came from and use its buttons and forms (a form larger than 2 MB is refused).


## In the chat: /dashboard and the menu button.

dash-menu-button = Dashboard
# $url (String)
dashboard-link =
    <b>Your sign-in link to the dashboard</b>
    { $url }

    It works once, within 10 minutes. Do not forward it: whoever opens it is signed in as you.
dashboard-link-button = Open the dashboard
dashboard-off = The dashboard is not switched on. The bot's administrator can switch it on with the DASHBOARD_URL setting (see the README).
