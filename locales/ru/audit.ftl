## /audit: журнал действий организаторов.

audit-none = Действий организаторов пока нет.
# $zone (String): часовой пояс читателя
audit-title = <b>Последние действия организаторов</b> ({ $count }, время — { $zone }):
# $when, $who (имя), $id (id в Telegram), $what (действие словами)
audit-line = { $when } · { $who } ({ $id }) · { $what }
audit-action-course-created = курс №{ $id } создан
audit-action-course-published = курс №{ $id } опубликован
audit-action-course-edited = курс №{ $id } изменён ({ $field })
audit-action-course-cancelled = курс №{ $id } отменён, { $count ->
        [one] уведомлён { $count } участник
        [few] уведомлены { $count } участника
       *[other] уведомлено { $count } участников
    }
audit-action-course-deleted = черновик курса №{ $id } удалён
audit-action-course-attendance = посещаемость на курсе №{ $id } отмечена
audit-action-announcement-sent = объявление №{ $id } отправлено
audit-action-announcement-scheduled = объявление №{ $id } запланировано
audit-action-announcement-stopped = объявление №{ $id } остановлено
audit-action-survey-created = опрос №{ $id } создан
audit-action-survey-activated = опрос №{ $id } включён
audit-action-survey-invited = приглашения в опрос №{ $id }: { $count ->
        [one] { $count } человек
        [few] { $count } человека
       *[other] { $count } человек
    }
audit-action-survey-deleted = черновик опроса №{ $id } удалён
audit-action-export-participants = выгрузка участников курса №{ $id } ({ $format }, { $count ->
        [one] { $count } строка
        [few] { $count } строки
       *[other] { $count } строк
    })
audit-action-export-survey = выгрузка ответов на опрос №{ $id } ({ $format }, { $count ->
        [one] { $count } строка
        [few] { $count } строки
       *[other] { $count } строк
    })
# Организатор без профиля: имя из Telegram не хранится.
audit-unnamed-organiser = организатор
# Тот, кто воспользовался /forget: записи о нём остаются, вместо id — случайный псевдоним.
audit-forgotten-person = человек, попросивший удалить свои данные
# $ref (String) случайный псевдоним вместо id в Telegram
audit-pseudonym = псевдоним { $ref }
# $ref (String) случайный псевдоним вместо id участника в Telegram
audit-forgotten-participant = участник: человек, попросивший удалить свои данные, псевдоним { $ref }
