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

# $name, $country (String): кто выдвинул, в начале уведомлений о выдвижении
nomination-by = { $name }, национальный координатор от страны «{ $country }»,
# $country (String)
nomination-by-unnamed = Национальный координатор от страны «{ $country }»
# $title, $when, $by (nomination-by), $country (String)
nomination-notice =
    🏛 { $by } выдвинул(а) вас на курс «{ $title }».
    { $when }
    За вами закреплено место. Вы примете участие?
# $title, $when, $by, $country, $position (String)
nomination-reserve-notice =
    🏛 { $by } выдвинул(а) вас на курс «{ $title }».
    { $when }
    Места страны «{ $country }» пока заняты, поэтому вы в её резервном списке (место { $position }). Если место освободится, мы спросим, примете ли вы участие.
# $title, $when, $by, $position (String)
nomination-waitlist-notice =
    🏛 { $by } выдвинул(а) вас на курс «{ $title }».
    { $when }
    Мест на курсе пока нет, поэтому вы в листе ожидания (место { $position }). Если место освободится, мы спросим, примете ли вы участие.
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

## Заявки на место (курсы с одобрением): карточка и ответы сотруднику, список заявок
## организаторов (/requests) и их решения.

button-request-seat = 📝 Подать заявку на место
course-you-pending = 📝 Вы подали заявку на место; организаторы примут решение, и мы вам сообщим
course-you-nominated = 🏛 За вами закреплено место: вы примете участие?
# $country (String), $position (Number)
course-you-reserve = ⏳ Вы в резервном списке страны «{ $country }», место { $position }
course-you-request-declined = ✖️ Ваша заявка отклонена
course-you-declined = ✖️ Вы больше не участвуете в этом курсе

# $title (String)
signup-requested = 📝 Ваша заявка на место на курсе «{ $title }» отправлена. Организаторы примут решение, и мы вам сообщим.
# A pop-up under the card: no title (pop-ups hold 200 characters).
signup-requested-alert = 📝 Ваша заявка отправлена. Организаторы примут решение, и мы вам сообщим.
# $title (String), $country (String), $position (Number)
signup-reserve = ⏳ Места страны «{ $country }» на курсе «{ $title }» заняты, поэтому вы в резервном списке этой страны, место { $position }. Если место освободится, оно перейдёт к вам, и мы сразу сообщим.
# A pop-up: no title. $country (String), $position (Number)
signup-reserve-alert = ⏳ Места страны «{ $country }» заняты, поэтому вы в резервном списке этой страны, место { $position }. Если место освободится, оно перейдёт к вам, и мы сразу сообщим.

button-withdraw-request = Отозвать мою заявку
button-withdraw-request-yes = Да, отозвать заявку
button-withdraw-request-no = Нет, оставить заявку
# $title (String)
signup-withdraw-request-confirm = Отозвать вашу заявку на место на курсе «{ $title }»? Организаторы больше не будут её рассматривать.
# A pop-up: no title.
signup-request-withdrawn = Ваша заявка отозвана.
button-leave-reserve = Выйти из резервного списка
button-leave-reserve-yes = Да, выйти из резервного списка
button-leave-reserve-no = Нет, остаться в списке
# $title (String)
signup-leave-reserve-confirm = Выйти из резервного списка на курс «{ $title }»? Если место освободится, оно вам уже не достанется.
# A pop-up: no title.
signup-left-reserve = Вы вышли из резервного списка на этот курс.

requests-none = Заявок, ожидающих решения, нет.
# $count (Number), $zone (String) например «Баку (UTC+4)»
requests-title = <b>Заявки на место ({ $count })</b>, сначала самые давние; время — { $zone }. Нажмите на заявку, чтобы принять решение:
request-card-title = <b>📝 Заявка на место</b>
# $title (String)
request-course = 📚 «{ $title }»
# $when (String)
request-asked = 🕒 Подана { $when }
# $country (String), $used, $limit (Number)
request-quota-use = 🌍 { $country }: занято { $used } из { $limit ->
    [one] { $limit } места
   *[other] { $limit } мест
}
button-requests-all = ‹ Все заявки
button-request-reserve = ⏳ В резервный список
button-request-no-reason = Пропустить
# $name (String)
request-course-full = Мест на курсе нет. Внести { $name } в лист ожидания?
# $name, $country (String)
request-quota-full = Все места страны «{ $country }» заняты. Внести { $name } в резервный список этой страны?
# $name, $title (String)
request-approved = ✅ Заявка одобрена: { $name } — записан(а) на курс «{ $title }», файл для календаря отправлен.
request-listed-waitlist = ⏳ { $name } — в листе ожидания на курс «{ $title }», уведомление отправлено.
# $name, $title, $country (String)
request-listed-reserve = ⏳ { $name } — в резервном списке страны «{ $country }» на курс «{ $title }», уведомление отправлено.
# $name, $title (String)
request-declined = ✖️ Заявка отклонена: { $name } не будет участвовать в курсе «{ $title }», уведомление отправлено.
# $name (String)
request-decline-ask = Напишите причину отказа — { $name } её увидит, — или нажмите «Пропустить».
request-decline-needs-text = Пожалуйста, напишите причину текстовым сообщением или нажмите «Пропустить».
## Экран участников для организаторов: список по статусам, карточка участника, перевод,
## исключение и добавление вручную.

# $quotas (String): «AZ 2/3, GE 1/2» — занято мест из квоты каждой страны
roster-quotas = 🌍 Квоты стран (занято мест): { $quotas }
roster-quotas-released = 🌍 Квоты стран (сняты: свободные места переходят резервным спискам по очереди): { $quotas }
# $count (Number); $country (String) — для резервных списков
roster-group-confirmed = ✅ <b>Записаны</b> ({ $count })
roster-group-nominated = 🏛 <b>Выдвинуты — ожидается их ответ</b> ({ $count })
roster-group-pending = 📝 <b>Запросы</b> ({ $count })
roster-group-waitlisted = ⏳ <b>Лист ожидания</b> ({ $count })
roster-group-reserve = 🗂 <b>Резервный список: { $country }</b> ({ $count })
roster-group-declined = ✖️ <b>Отказ</b> ({ $count })
# $number, $name, $details (String)
roster-line = { $number }. { $name } — { $details }
# $position (String)
roster-place = место { $position }
# $name (String): координатор
roster-nominated-by = выдвинул(а) { $name }
# $country (String)
roster-status-reserve = В резервном списке: { $country }

button-roster-add = ➕ Добавить участника
button-roster-list = ‹ К списку
button-roster-remove = 🗑 Исключить
button-roster-to-confirmed = ✅ Записать на курс
button-roster-to-waitlisted = ⏳ В лист ожидания
button-roster-to-reserve = 🗂 В резервный список
button-roster-no-reason = Пропустить — без причины
button-roster-countries = ‹ Другие страны

# $name, $organisation, $country, $title, $status (String)
roster-card-name = 👤 <b>{ $name }</b>
roster-card-organisation = Ведомство: { $organisation }
roster-card-country = Страна: { $country }
roster-card-course = Курс: «{ $title }»
roster-card-status = Статус: { $status }
roster-card-nominated-by = Выдвинул(а): { $name }

# $name, $status (String)
roster-moved = { $name }: { $status }. Участнику направлено уведомление.
# $name, $title (String)
roster-remove-ask = Исключить участника { $name } из курса «{ $title }»? Напишите причину — участник её прочитает — или нажмите «Пропустить — без причины».
roster-removed = Участник { $name } исключён из курса «{ $title }», ему направлено уведомление.
roster-removed-reason = Участник { $name } исключён из курса «{ $title }», ему направлено уведомление с указанной вами причиной.

# $title (String)
roster-add-ask = Кого добавить на курс «{ $title }»? Отправьте имя пользователя (@username), перешлите любое сообщение этого человека или выберите страну ниже, чтобы найти его среди заполнивших профиль.
# $title, $country (String)
roster-add-people = Кого добавить на курс «{ $title }»? Заполнившие профиль, страна: { $country }
roster-add-nobody = Из страны «{ $country }» пока никто не заполнил профиль в боте.
# $person (person-line), $title (String)
roster-add-where = Куда добавить: { $person }, курс «{ $title }»?
roster-add-hidden = Настройки конфиденциальности этого человека скрывают его в пересланных сообщениях. Отправьте его имя пользователя (@username) или выберите его в списке его страны.
# $username (String)
roster-add-unknown = Пользователя @{ $username } с заполненным профилем в боте нет. Попросите его отправить боту /start и заполнить профиль или перешлите сообщение от него.
roster-add-hint = Отправьте имя пользователя (@username), перешлите сообщение этого человека или выберите его кнопками выше.
# $name, $title, $status (String)
roster-added = ✅ { $name } добавлен(а) на курс «{ $title }»: { $status }. Участнику направлено уведомление.

error-declined-by-organisers = Организаторы отклонили ваше участие в этом курсе. Если вы считаете, что это ошибка, свяжитесь с ними.
# $title, $when, $place (String)
seat-added-notice =
    ✅ Организаторы записали вас на курс «{ $title }».
    { $when }
    { $place }
    Файл для календаря приложен.
# $title (String)
course-cancelled-focal-point-notice = Курс «{ $title }» отменён. Выдвинутым вами сотрудникам об этом сообщено.
error-seats-closed = Курс уже начался: места на нём больше нельзя давать или менять. Ничего не изменилось.
error-already-asked = Вы уже попросили координатора выдвинуть вас на этот курс — ваша просьба у него.

## review fixes
error-seats-free = На курсе есть свободные места: одобрите или отклоните заявку.
# $length (Number), $max (Number)
error-reason-too-long = Причина слишком длинная: { $length } { $length ->
        [one] символ
        [few] символа
        [many] символов
       *[other] символа
    }, а в уведомление помещается не более { $max } { $max ->
        [one] символа
       *[other] символов
    }. Сократите её, пожалуйста.
