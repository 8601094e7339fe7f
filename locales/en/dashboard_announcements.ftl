## Dashboard: the announcements list and one announcement's page (plain text; the pages escape it).

dash-announcements-intro = Announcements sent or scheduled with /announce in the bot, newest first. Open one to follow its delivery or to stop it.
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
dash-announcements-none = No announcements yet.
dash-announcements-how-to-send = To send one, open the bot in Telegram and send /announce: the bot asks for the text in each language, the recipients and the time, and shows a preview before anything goes out. The announcement then appears here.

# $id (String)
dash-announcements-title = Announcement #{ $id }
dash-announcements-back = ‹ All announcements
dash-announcements-stopped-notice = The announcement has been stopped. Messages not yet sent were withdrawn (“Withdrawn” below); those already delivered stay with their recipients.
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
dash-announcements-as-loaded = These are the figures as of when the page was opened.
dash-announcements-reload = Reload the page
dash-announcements-stop = Stop sending
dash-announcements-stop-confirm = Stop sending this announcement? Messages not yet sent will be withdrawn; those already delivered stay with their recipients.
dash-announcements-stop-hint = Messages not yet sent are withdrawn; those already delivered stay with their recipients. This is the same as the “⏹ Stop” button under the progress message in the bot.
dash-announcements-cancel = Cancel the announcement
dash-announcements-cancel-confirm = Cancel this scheduled announcement? Nobody will receive it.
dash-announcements-cancel-hint = It has not gone out yet: once cancelled, it will not be sent to anyone.
dash-announcements-text-in-en = Text in English
dash-announcements-text-in-ru = Text in Russian
