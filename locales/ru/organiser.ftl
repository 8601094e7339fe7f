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

## /stats: места на курсах по заявкам, выдвижению или квотам стран.

stats-seats-heading = <b>Места по странам</b> (курсы с заявками, выдвижением или квотами)
# $title, $seats (String): части по странам через запятую
stats-seats-course = <b>{ $title }</b>: { $seats }
# $country (String) код, $seats (Number) занято, $quota (Number) 0 без квоты, $reserve (Number)
stats-seats-country = { $country } — { $quota ->
    [0] { $seats }
   *[other] { $seats }/{ $quota }
} { $seats ->
    [one] место
    [few] места
   *[many] мест
}{ $reserve ->
    [0] {""}
   *[other] {" "}+ { $reserve } в резерве
}
# $count (Number)
stats-seats-waitlisted = в листе ожидания: { $count }
stats-seats-requests = { $count ->
    [one] { $count } заявка ждёт решения
    [few] { $count } заявки ждут решения
   *[many] { $count } заявок ждут решения
}
# $count (Number)
stats-seats-more = …и ещё { $count }: участники каждого курса — в /admin.
