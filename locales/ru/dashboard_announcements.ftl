## Панель: список рассылок и страница одной рассылки (обычный текст; страницы его экранируют).

dash-announcements-intro = Рассылки, отправленные или запланированные командой /announce в боте, сначала новые. Откройте рассылку, чтобы следить за её отправкой или остановить её.
dash-announcements-when = Отправлено / запланировано
dash-announcements-author = Автор
dash-announcements-audience = Кому
dash-announcements-text = Текст
dash-announcements-recipients = Получателей
dash-announcements-delivered = Доставлено
dash-announcements-failed-blocked = Ошибки / заблокировали бота
dash-announcements-waiting = В очереди
# $count (Number)
dash-announcements-withdrawn-count = отозвано: { $count }
dash-announcements-status = Статус
dash-announcements-newer = ‹ Более новые
dash-announcements-older = Более ранние ›
# $page (String)
dash-announcements-page = Страница { $page }
dash-announcements-page-empty = На этой странице рассылок нет.
dash-announcements-first-page = Перейти к последним рассылкам.
dash-announcements-none = Рассылок пока не было.
dash-announcements-how-to-send = Чтобы отправить рассылку, откройте бота в Telegram и отправьте команду /announce: бот запросит текст на каждом языке, получателей и время отправки и покажет предварительный просмотр до отправки. После этого рассылка появится здесь.

# $id (String)
dash-announcements-title = Рассылка № { $id }
dash-announcements-back = ‹ Все рассылки
dash-announcements-stopped-notice = Рассылка остановлена. Ещё не отправленные сообщения отозваны (см. «Отозвано» ниже); уже доставленные остаются у получателей.
dash-announcements-sent-at = Отправлено
dash-announcements-scheduled-for = Запланировано на
# $count (Number)
dash-announcements-expected = { $count ->
    [one] сейчас её получил бы { $count } человек
    [few] сейчас её получили бы { $count } человека
    [many] сейчас её получили бы { $count } человек
   *[other] сейчас её получили бы { $count } человека
}
dash-announcements-progress = Отправка
dash-announcements-failed = Ошибки
dash-announcements-blocked = Заблокировали бота
dash-announcements-withdrawn = Отозвано (не отправлено)
dash-announcements-live = Цифры обновляются по мере отправки сообщений.
dash-announcements-finished = Отправка завершена; это итоговые цифры.
dash-announcements-as-loaded = Цифры приведены на момент открытия страницы.
dash-announcements-reload = Обновить страницу
dash-announcements-stop = Остановить рассылку
dash-announcements-stop-confirm = Остановить эту рассылку? Ещё не отправленные сообщения будут отозваны; уже доставленные останутся у получателей.
dash-announcements-stop-hint = Ещё не отправленные сообщения отзываются; уже доставленные остаются у получателей. Действует так же, как кнопка «Остановить» под сообщением о ходе рассылки в боте.
dash-announcements-cancel = Отменить рассылку
dash-announcements-cancel-confirm = Отменить эту запланированную рассылку? Её никто не получит.
dash-announcements-cancel-hint = Рассылка ещё не отправлялась: после отмены она не будет отправлена.
dash-announcements-text-in-en = Текст на английском языке
dash-announcements-text-in-ru = Текст на русском языке
