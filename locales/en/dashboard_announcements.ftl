## Dashboard: the announcements list and one announcement's page (plain text; the pages escape it).

dash-announcements-intro = Announcements sent or scheduled with /announce in the bot, the newest first. Open one to follow its delivery or to stop it.
dash-announcements-when = Sent / scheduled
dash-announcements-author = From
dash-announcements-audience = To
dash-announcements-text = Text
dash-announcements-recipients = Recipients
dash-announcements-delivered = Delivered
dash-announcements-failed-blocked = Failed / blocked the bot
dash-announcements-waiting = Waiting
# $count (Number)
dash-announcements-withdrawn-count = { $count } withdrawn
dash-announcements-status = Status
dash-announcements-newer = ‹ Newer
dash-announcements-older = Older ›
# $page (String)
dash-announcements-page = Page { $page }
dash-announcements-page-empty = There are no announcements on this page.
dash-announcements-first-page = Go to the newest ones.
dash-announcements-none = No announcements have been sent yet.
dash-announcements-how-to-send = To send one, open the bot in Telegram and send /announce: it asks for the text in each language, the audience and the time, and shows a preview before anything goes out. Announcements then appear here.

# $id (String)
dash-announcements-title = Announcement #{ $id }
dash-announcements-back = ‹ All announcements
dash-announcements-stopped-notice = The announcement was stopped. Messages not sent yet were withdrawn (“Withdrawn” below); those already delivered stay with their recipients.
dash-announcements-sent-at = Sent
dash-announcements-scheduled-for = Scheduled for
# $count (Number)
dash-announcements-expected = { $count ->
    [one] 1 person would receive it now
   *[other] { $count } people would receive it now
}
dash-announcements-progress = Delivery
dash-announcements-failed = Failed
dash-announcements-blocked = Blocked the bot
dash-announcements-withdrawn = Withdrawn (not sent)
dash-announcements-live = The figures update as the messages go out.
dash-announcements-finished = Delivery has ended; these are the final figures.
dash-announcements-as-loaded = These figures are as of when the page was opened.
dash-announcements-reload = Reload the page
dash-announcements-stop = Stop the announcement
dash-announcements-stop-confirm = Stop this announcement? Messages not sent yet will be withdrawn; those already delivered stay.
dash-announcements-stop-hint = Messages not sent yet are withdrawn; those already delivered stay with their recipients. The same as Stop under the status message in the bot.
dash-announcements-cancel = Cancel the announcement
dash-announcements-cancel-confirm = Cancel this scheduled announcement? Nobody will receive it.
dash-announcements-cancel-hint = It has not gone out yet: cancelled, it is never sent.
dash-announcements-text-in-en = Text in English
dash-announcements-text-in-ru = Text in Russian
