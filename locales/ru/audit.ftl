## /audit: журнал действий организаторов.

audit-none = Действий организаторов пока нет.
# $count (Number), $zone (String): часовой пояс читателя
audit-title = <b>Последние действия организаторов</b> ({ $count }), время — { $zone }:
# $when, $who (имя), $id (id в Telegram), $what (действие словами)
audit-line = { $when } · { $who } ({ $id }) · { $what }
# $id (Number)
audit-action-course-created = курс №{ $id } создан
# $id (Number)
audit-action-course-published = курс №{ $id } опубликован
# $id (Number), $field (String)
audit-action-course-edited = курс №{ $id } изменён ({ $field })
# $id, $count (Number)
audit-action-course-cancelled = курс №{ $id } отменён, { $count ->
        [one] уведомлён { $count } участник
        [few] уведомлены { $count } участника
       *[other] уведомлено { $count } участников
    }
# $id (Number)
audit-action-course-deleted = черновик курса №{ $id } удалён
# $id (Number), $attended ("yes" or "no"), $day (Number; 0 on a one-day course)
audit-action-course-attendance = { $attended ->
        [no] снята отметка о присутствии участника на курсе №{ $id }{ $day ->
            [0] {""}
           *[other] , день { $day }
        }
       *[yes] отмечено присутствие участника на курсе №{ $id }{ $day ->
            [0] {""}
           *[other] , день { $day }
        }
    }
# $id (Number)
audit-action-announcement-sent = объявление №{ $id } отправлено
# $id (Number)
audit-action-announcement-scheduled = объявление №{ $id } запланировано
# $id (Number)
audit-action-announcement-stopped = объявление №{ $id } остановлено
# $id (Number)
audit-action-survey-created = опрос №{ $id } создан
# $id (Number)
audit-action-survey-activated = опрос №{ $id } включён
# $id, $count (Number)
audit-action-survey-invited = приглашения в опрос №{ $id }: { $count ->
        [one] { $count } человек
        [few] { $count } человека
       *[other] { $count } человек
    }
# $id (Number)
audit-action-survey-deleted = черновик опроса №{ $id } удалён
# $id (Number): the template
audit-action-template-saved = сохранён шаблон опроса №{ $id } («Мои шаблоны»)
# $id (Number): the template
audit-action-template-deleted = шаблон опроса №{ $id } удалён
# $id, $count (Number), $format (String)
audit-action-export-participants = выгрузка участников курса №{ $id } ({ $format }, { $count ->
        [one] { $count } строка
        [few] { $count } строки
       *[other] { $count } строк
    })
# $id, $count (Number), $format (String)
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
# $id (Number): курс
audit-action-seat-approved = одобрена заявка на место на курсе №{ $id }
audit-action-seat-listed = заявка на курс №{ $id } внесена в лист ожидания
audit-action-seat-declined = отклонена заявка на место на курсе №{ $id }
audit-action-seat-added = участник вручную добавлен на курс №{ $id }
audit-action-seat-moved = участник курса №{ $id } переведён в другой список
audit-action-seat-removed = участник исключён из курса №{ $id }
audit-action-seat-nominated = сотрудник выдвинут на курс №{ $id }
audit-action-seat-withdrawn = отозвано выдвижение на курс №{ $id }
audit-action-focal_point-appointed = назначен национальный координатор
audit-action-focal_point-removed = снят национальный координатор
audit-action-seat-lapsed = выдвижение на курс №{ $id } утратило силу без ответа
# Кто сделал то, что бот делает сам
audit-the-bot = бот
# Материалы курса (issue 15)

# $id (Number)
audit-action-material-added = добавлен файл в материалы курса №{ $id }
# $id (Number)
audit-action-material-removed = удалён файл из материалов курса №{ $id }
# $id, $count (Number)
audit-action-material-sent = материалы курса №{ $id } отправлены { $count ->
        [one] { $count } участнику
       *[other] { $count } участникам
    }
# $id, $count (Number)
audit-action-certificate-issued = по курсу №{ $id } { $count ->
        [one] выдан { $count } сертификат
        [few] выданы { $count } сертификата
        [many] выдано { $count } сертификатов
       *[other] выдано { $count } сертификата
    }
# $id (Number)
audit-action-certificate-reissued = по курсу №{ $id } сертификат выдан повторно
# $id (Number)
audit-action-certificate-revoked = по курсу №{ $id } отозван сертификат
# Issue 17: the organisers' dashboard
audit-action-dashboard-signed_in = вход в панель управления
