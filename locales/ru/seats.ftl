## Места по решению: заявки, выдвижение национальными координаторами, квоты стран.
## Уведомления тем, кого это касается, и отказы.

# $name (String); $details (String): ведомство и страна
person-line = <b>{ $name }</b>, { $details }
# $name (String)
person-line-bare = <b>{ $name }</b>

# $title (String), $person (person-line)
request-new-notice =
    📝 Новая заявка на место на курсе «{ $title }»:
    { $person }
    Одобрите, отклоните или внесите в лист ожидания кнопками ниже; все заявки — по команде /requests.

# $title, $when, $place (String)
seat-confirmed-notice =
    ✅ Ваша заявка одобрена: вы записаны на курс «{ $title }».
    { $when }
    { $place }
    Файл для календаря приложен.
# $title, $position (String)
seat-waitlisted-notice =
    ⏳ Мест на курсе «{ $title }» пока нет, поэтому организаторы внесли вас в лист ожидания (место { $position }). Если место освободится, оно будет ваше, и мы сообщим вам.
# $title, $position, $country (String)
seat-reserve-notice =
    ⏳ Места, выделенные стране «{ $country }» на курсе «{ $title }», заняты, поэтому вы в резервном списке этой страны (место { $position }). Если место освободится, мы сообщим вам.
# $title (String)
seat-declined-notice = Организаторы отклонили вашу заявку на место на курсе «{ $title }».
# $title (String)
seat-removed-notice = Организаторы исключили вас из списка участников курса «{ $title }».
# $reason (String): слова организатора
seat-reason = Причина: { $reason }

# $country (String)
focal-point-appointed-notice =
    🏛 Организаторы назначили вас национальным координатором от страны «{ $country }»: вы выдвигаете сотрудников своего ведомства на курсы, места на которых даются по выдвижению.
    Отправьте /nominate, чтобы увидеть эти курсы и выдвинуть сотрудников.
focal-point-removed-notice = Вы больше не национальный координатор от страны «{ $country }».

# $title, $when, $focal_point, $country (String)
nomination-notice =
    🏛 { $focal_point ->
        [none] Национальный координатор от страны «{ $country }»
       *[other] { $focal_point }, национальный координатор от страны «{ $country }»,
    } выдвинул(а) вас на курс «{ $title }».
    { $when }
    За вами закреплено место. Вы примете участие?
# $title, $when, $focal_point, $country, $position (String)
nomination-reserve-notice =
    🏛 { $focal_point ->
        [none] Национальный координатор от страны «{ $country }»
       *[other] { $focal_point }, национальный координатор от страны «{ $country }»,
    } выдвинул(а) вас на курс «{ $title }».
    { $when }
    Места этой страны пока заняты, поэтому вы в её резервном списке (место { $position }). Если место освободится, мы спросим, примете ли вы участие.
# $title, $when (String)
nomination-seat-free-notice =
    🎉 На курсе «{ $title }» освободилось место, и оно закреплено за вами.
    { $when }
    Вы примете участие?
# $title (String)
nomination-withdrawn-notice = Ваш национальный координатор отозвал вашу кандидатуру на курс «{ $title }».
# $title (String), $person (person-line)
nomination-accepted-notice =
    ✅ { $person } примет участие в курсе «{ $title }».
nomination-declined-notice =
    ✖️ { $person } не сможет принять участие в курсе «{ $title }». Место перешло следующему сотруднику из резервного списка, если такой есть.
nomination-asked-notice =
    🙋 { $person } просит выдвинуть его (её) на курс «{ $title }».

button-will-attend = ✅ Приму участие
button-cannot-attend = ✖️ Не смогу

error-nomination-only = Места на этом курсе даются по выдвижению национальных координаторов: попросите координатора вашего ведомства выдвинуть вас.
error-already-decided = Решение уже принято (другим организатором, или заявку отозвали). Отправьте /requests, чтобы увидеть, что ещё ждёт решения.
error-no-seat-free = Мест на курсе нет. Сначала освободите место или внесите человека в лист ожидания.
# $country (String)
error-quota-full = Все места страны «{ $country }» заняты. Сначала освободите одно из них или внесите человека в резервный список.
error-person-without-profile = У этого человека ещё нет профиля в боте. Попросите его открыть бота, отправить /start и заполнить профиль, затем повторите.
error-already-placed = У этого сотрудника уже есть место, заявка или выдвижение на этот курс.
error-no-nomination = На этом курсе нет выдвижения, ожидающего вашего ответа: на него уже ответили или его отозвали.
# $country (String)
error-invite-other-country = Это приглашение для сотрудников страны «{ $country }». Обратитесь к координатору своего ведомства.
error-no-focal-point = У вашей страны пока нет национального координатора. Обратитесь к организаторам курса.

button-request-approve = ✅ Одобрить
button-request-decline = ✖️ Отклонить
button-request-waitlist = ⏳ В лист ожидания
button-nominate-officer = 🏛 Выдвинуть
