## Панель управления: список объявлений и страница одного объявления (обычный текст; страницы его экранируют).

dash-announcements-intro = Объявления, отправленные или запланированные командой /announce в боте, сначала новые. Откройте объявление, чтобы следить за его отправкой или остановить её.
dash-announcements-when = Отправлено / запланировано
dash-announcements-author = Автор
dash-announcements-audience = Кому
dash-announcements-text = Текст
dash-announcements-recipients = Получатели
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
dash-announcements-page-empty = На этой странице объявлений нет.
dash-announcements-first-page = Перейти к последним объявлениям.
dash-announcements-none = Объявлений пока нет.
dash-announcements-how-to-send = Чтобы отправить объявление, откройте бота в Telegram и отправьте команду /announce: бот запросит текст на каждом языке, получателей и время отправки и перед отправкой покажет, как будет выглядеть сообщение. После этого объявление появится здесь.

# $id (String)
dash-announcements-title = Объявление №{ $id }
dash-announcements-back = ‹ Все объявления
dash-announcements-stopped-notice = Отправка объявления остановлена. Ещё не отправленные сообщения отозваны (см. «Отозвано» ниже); уже доставленные остаются у получателей.
dash-announcements-sent-at = Отправлено
dash-announcements-scheduled-for = Запланировано на
# $count (Number)
dash-announcements-expected = { $count ->
    [one] сейчас его получил бы { $count } человек
    [few] сейчас его получили бы { $count } человека
    [many] сейчас его получили бы { $count } человек
   *[other] сейчас его получили бы { $count } человека
}
dash-announcements-progress = Ход отправки
dash-announcements-failed = Ошибки
dash-announcements-blocked = Заблокировали бота
dash-announcements-withdrawn = Отозвано (не отправлено)
dash-announcements-live = Цифры обновляются по мере отправки сообщений.
dash-announcements-finished = Отправка завершена; это итоговые цифры.
dash-announcements-as-loaded = Цифры приведены на момент открытия страницы.
dash-announcements-reload = Обновить страницу
dash-announcements-stop = Остановить отправку
dash-announcements-stop-confirm = Остановить отправку этого объявления? Ещё не отправленные сообщения будут отозваны; уже доставленные останутся у получателей.
dash-announcements-stop-hint = Ещё не отправленные сообщения будут отозваны; уже доставленные останутся у получателей. Действует так же, как кнопка «⏹ Остановить» под сообщением о ходе отправки в боте.
dash-announcements-cancel = Отменить объявление
dash-announcements-cancel-confirm = Отменить это запланированное объявление? Его никто не получит.
dash-announcements-cancel-hint = Объявление ещё не отправлялось: после отмены его никто не получит.
dash-announcements-text-in-en = Текст на английском языке
dash-announcements-text-in-ru = Текст на русском языке
