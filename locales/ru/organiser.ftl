## Команды организаторов.

# $total, $active, $complete (Number) число пользователей
stats-summary =
    <b>Пользователи</b>
    { $total ->
        [one] { $total } пользователь запустил
        [few] { $total } пользователя запустили
       *[many] { $total } пользователей запустили
    } бота; могут получать сообщения: { $active }; заполнили профиль: { $complete }.
stats-by-language = <b>Язык</b>
stats-by-country = <b>Страна</b>
stats-language-none = ещё не выбран
stats-country-none = страна не указана
# $label (String), $count (Number)
stats-row = { $label }: { $count }
button-stats-refresh = 🔄 Обновить
stats-refreshed = Обновлено
