## /audit: журнал действий организаторов.

audit-none = Действий организаторов пока нет.
# $zone (String): часовой пояс читателя
audit-title = <b>Последние действия организаторов</b> ({ $count }, время — { $zone }):
# $when, $who (имя), $id (id в Telegram), $what (действие словами)
audit-line = { $when } · { $who } ({ $id }) · { $what }
audit-action-course-created = создал(а) курс №{ $id }
audit-action-course-published = опубликовал(а) курс №{ $id }
audit-action-course-edited = изменил(а) курс №{ $id } ({ $field })
audit-action-course-cancelled = отменил(а) курс №{ $id }, { $count ->
        [one] уведомлён { $count } участник
        [few] уведомлены { $count } участника
       *[other] уведомлено { $count } участников
    }
audit-action-course-deleted = удалил(а) черновик курса №{ $id }
audit-action-course-attendance = отметил(а) посещаемость на курсе №{ $id }
audit-action-announcement-sent = отправил(а) объявление №{ $id }
audit-action-announcement-scheduled = запланировал(а) объявление №{ $id }
audit-action-announcement-stopped = остановил(а) объявление №{ $id }
audit-action-survey-created = создал(а) опрос №{ $id }
audit-action-survey-activated = включил(а) опрос №{ $id }
audit-action-survey-invited = пригласил(а) в опрос №{ $id }: { $count ->
        [one] { $count } человек
        [few] { $count } человека
       *[other] { $count } человек
    }
audit-action-survey-deleted = удалил(а) черновик опроса №{ $id }
audit-action-export-participants = выгрузил(а) участников курса №{ $id } ({ $format }, { $count ->
        [one] { $count } строка
        [few] { $count } строки
       *[other] { $count } строк
    })
audit-action-export-survey = выгрузил(а) ответы на опрос №{ $id } ({ $format }, { $count ->
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
