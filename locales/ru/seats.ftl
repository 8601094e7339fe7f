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
    Одобрите её, отклоните или внесите в лист ожидания кнопками ниже; все заявки — по команде /requests.

# $title, $when, $place (String)
seat-confirmed-notice =
    ✅ Ваша заявка одобрена: вы записаны на курс «{ $title }».
    { $when }
    { $place }
    Файл для календаря приложен.
# $title, $position (String)
seat-waitlisted-notice =
    ⏳ Мест на курсе «{ $title }» пока нет, поэтому организаторы включили вас в лист ожидания. Ваш номер в листе ожидания: { $position }. Если место освободится, оно перейдёт к вам, и мы сразу сообщим.
# $title, $position, $country (String)
seat-reserve-notice =
    ⏳ Все места на курсе «{ $title }», выделенные для вашей страны ({ $country }), заняты, поэтому вы включены в резервный список. Ваш номер в резервном списке: { $position }. Если место освободится, мы сразу сообщим.
# $title (String)
seat-declined-notice = Организаторы отклонили вашу заявку на место на курсе «{ $title }».
# $title (String)
seat-removed-notice = Организаторы исключили вас из списка участников курса «{ $title }».
# $reason (String): слова организатора
seat-reason = Причина: { $reason }

# $country (String)
focal-point-appointed-notice =
    🏛 Организаторы назначили вас национальным координатором (страна: { $country }): вы выдвигаете сотрудников вашего ведомства на курсы, места на которых предоставляются по выдвижению.
    Сотрудники вашей страны теперь видят на этих курсах ваши ФИО и имя пользователя в Telegram как контакт для связи.
    Отправьте /nominate, чтобы увидеть эти курсы и выдвинуть сотрудников.
# $country (String)
focal-point-removed-notice = Организаторы сняли с вас полномочия национального координатора (страна: { $country }). Благодарим вас за работу.

# $name, $country (String): кто выдвинул, в начале уведомлений о выдвижении
nomination-by = { $name }, национальный координатор ({ $country })
# $country (String)
nomination-by-unnamed = национальный координатор ({ $country })
# $title, $when, $by (nomination-by), $country (String)
nomination-notice =
    🏛 Вас выдвинули на курс «{ $title }» — { $by }.
    { $when }
    За вами закреплено место. Вы примете участие?
# $title, $when, $by, $country, $position (String)
nomination-reserve-notice =
    🏛 Вас выдвинули на курс «{ $title }» — { $by }.
    { $when }
    Все места, выделенные для вашей страны ({ $country }), пока заняты, поэтому вы включены в резервный список. Ваш номер в резервном списке: { $position }. Если место освободится, мы спросим, сможете ли вы принять участие.
# $title, $when, $by, $position (String)
nomination-waitlist-notice =
    🏛 Вас выдвинули на курс «{ $title }» — { $by }.
    { $when }
    Мест на курсе пока нет, поэтому вы включены в лист ожидания. Ваш номер в листе ожидания: { $position }. Если место освободится, мы спросим, сможете ли вы принять участие.
# $title, $when (String)
nomination-seat-free-notice =
    🎉 На курсе «{ $title }» освободилось место, и оно закреплено за вами.
    { $when }
    Вы примете участие?
# $title (String)
nomination-withdrawn-notice = Национальный координатор вашей страны отозвал ваше выдвижение на курс «{ $title }».
# $title (String), $person (person-line)
nomination-accepted-notice =
    ✅ { $person } примет участие в курсе «{ $title }».
nomination-declined-notice =
    ✖️ { $person } не сможет принять участие в курсе «{ $title }». Место передано следующему сотруднику в очереди, если такой есть.
nomination-asked-notice =
    🙋 Просьба о выдвижении на курс «{ $title }»: { $person }.

button-will-attend = ✅ Приму участие
button-cannot-attend = ✖️ Не смогу принять участие

error-nomination-only = Места на этом курсе предоставляются по выдвижению: попросите национального координатора вашей страны выдвинуть вас.
error-already-decided = Решение уже принято другим организатором, или заявка отозвана. Отправьте /requests, чтобы увидеть заявки, ожидающие решения.
error-no-seat-free = Мест на курсе нет. Сначала освободите место или внесите сотрудника в лист ожидания.
# $country (String)
error-quota-full = Все места, выделенные для страны ({ $country }), заняты. Сначала освободите одно из них или внесите сотрудника в резервный список.
error-person-without-profile = У этого человека ещё нет профиля в боте. Попросите его открыть бота, отправить /start и заполнить профиль, затем повторите.
error-already-placed = У этого сотрудника уже есть место, заявка или выдвижение на этом курсе.
error-no-nomination = Выдвижения на этот курс, ожидающего вашего ответа, нет: вы уже ответили или выдвижение отозвано.
# $country (String)
error-invite-other-country = Это приглашение предназначено для сотрудников другой страны ({ $country }). Обратитесь к национальному координатору вашей страны.
error-no-focal-point = У вашей страны пока нет национального координатора. Обратитесь к организаторам курса.

button-request-approve = ✅ Одобрить
button-request-decline = ✖️ Отклонить
button-request-waitlist = ⏳ В лист ожидания
button-nominate-officer = 🏛 Выдвинуть

## Заявки на место (курсы с одобрением): карточка и ответы сотруднику, список заявок
## организаторов (/requests) и их решения.

button-request-seat = 📝 Подать заявку на место
course-you-pending = 📝 Ваша заявка на место у организаторов; мы сообщим вам их решение
course-you-nominated = 🏛 За вами закреплено место: вы примете участие?
# $country (String), $position (Number)
course-you-reserve = ⏳ Ваш номер в резервном списке ({ $country }): { $position }
course-you-request-declined = ✖️ Ваша заявка отклонена
course-you-declined = ✖️ Вы больше не участвуете в этом курсе

# $title (String)
signup-requested = 📝 Ваша заявка на место на курсе «{ $title }» направлена организаторам. Мы сообщим вам их решение.
# A pop-up under the card: no title (pop-ups hold 200 characters).
signup-requested-alert = 📝 Ваша заявка направлена организаторам. Мы сообщим вам их решение.
# $title (String), $country (String), $position (Number)
signup-reserve = ⏳ Все места на курсе «{ $title }», выделенные для вашей страны ({ $country }), заняты, поэтому вы включены в резервный список. Ваш номер в резервном списке: { $position }. Если место освободится, оно перейдёт к вам, и мы сразу сообщим.
# A pop-up: no title. $country (String), $position (Number)
signup-reserve-alert = ⏳ Места для вашей страны ({ $country }) заняты, поэтому вы включены в резервный список под номером { $position }. Если место освободится, оно перейдёт к вам, и мы сразу сообщим.

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
requests-title = <b>Заявки на место ({ $count })</b>, сначала самые ранние; время — { $zone }. Нажмите на заявку, чтобы принять решение:
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
request-course-full = Мест на курсе нет. Внести сотрудника ({ $name }) в лист ожидания?
# $name, $country (String)
request-quota-full = Все места, выделенные для страны ({ $country }), заняты. Внести сотрудника ({ $name }) в резервный список?
# $name, $title (String)
request-approved = ✅ Заявка одобрена: { $name } — в списке участников курса «{ $title }», файл для календаря отправлен.
# $name, $title (String)
request-listed-waitlist = ⏳ { $name } — в листе ожидания на курс «{ $title }», уведомление отправлено.
# $name, $title, $country (String)
request-listed-reserve = ⏳ { $name } — в резервном списке ({ $country }) на курс «{ $title }», уведомление отправлено.
# $name, $title (String)
request-declined = ✖️ Заявка отклонена: { $name } не будет участвовать в курсе «{ $title }», уведомление отправлено.
# $name (String)
request-decline-ask = Напишите причину отказа — { $name } её увидит, — или нажмите «Пропустить».
request-decline-needs-text = Пожалуйста, напишите причину текстовым сообщением или нажмите «Пропустить».

## Экран участников для организаторов: список по статусам, карточка участника, перевод,
## исключение и добавление вручную.

# $quotas (String): «AZ 2/3, GE 1/2» — занято мест из квоты каждой страны
roster-quotas = 🌍 Квоты стран (занято мест): { $quotas }
# $quotas (String), как выше
roster-quotas-released = 🌍 Квоты стран (сняты: свободные места передаются резервным спискам по очереди): { $quotas }
# $count (Number); $country (String) — для резервных списков
roster-group-confirmed = ✅ <b>Записаны</b> ({ $count })
roster-group-nominated = 🏛 <b>Выдвинуты, ожидается ответ</b> ({ $count })
roster-group-pending = 📝 <b>Заявки на место</b> ({ $count })
roster-group-waitlisted = ⏳ <b>Лист ожидания</b> ({ $count })
roster-group-reserve = 🗂 <b>Резервный список ({ $country })</b> ({ $count })
roster-group-declined = ✖️ <b>Отказ</b> ({ $count })
# $number, $name, $details (String)
roster-line = { $number }. { $name } — { $details }
# $position (String)
roster-place = №{ $position }
# $name (String): координатор
roster-nominated-by = выдвижение: { $name }
# $country (String)
roster-status-reserve = В резервном списке ({ $country })

button-roster-add = ➕ Добавить участника
button-roster-list = ‹ К списку
button-roster-remove = 🗑 Исключить
button-roster-to-confirmed = ✅ Записать на курс
button-roster-to-waitlisted = ⏳ В лист ожидания
button-roster-to-reserve = 🗂 В резервный список
button-roster-no-reason = Пропустить: без причины
button-roster-countries = ‹ Другие страны

# $name, $organisation, $country, $title, $status (String)
roster-card-name = 👤 <b>{ $name }</b>
roster-card-organisation = Ведомство: { $organisation }
roster-card-country = Страна: { $country }
roster-card-course = Курс: «{ $title }»
roster-card-status = Статус: { $status }
roster-card-nominated-by = Выдвижение: { $name }

# $name, $status (String)
roster-moved = { $name }: { $status }. Уведомление отправлено.
# $name, $title (String)
roster-remove-ask = Исключить участника ({ $name }) из курса «{ $title }»? Напишите причину — участник её увидит — или нажмите «Пропустить: без причины».
roster-removed = { $name } — больше не в списке курса «{ $title }», уведомление отправлено.
roster-removed-reason = { $name } — больше не в списке курса «{ $title }», уведомление с указанной вами причиной отправлено.

# $title (String)
roster-add-ask = Кого добавить на курс «{ $title }»? Отправьте имя пользователя (@username), перешлите любое сообщение этого человека или выберите страну ниже, чтобы найти сотрудника среди заполнивших профиль.
# $title, $country (String)
roster-add-people = Кого добавить на курс «{ $title }»? Сотрудники с профилем в боте (страна: { $country }):
roster-add-nobody = Пока ни один сотрудник этой страны ({ $country }) не заполнил профиль в боте.
# $person (person-line), $title (String)
roster-add-where = Добавление на курс «{ $title }»: { $person }. В какой список внести?
roster-add-hidden = Настройки Telegram этого человека скрывают его в пересланных сообщениях. Отправьте вместо этого его имя пользователя (@username) или выберите его в списке его страны.
# $username (String)
roster-add-unknown = Пользователя @{ $username } с заполненным профилем в боте нет. Попросите его отправить боту /start и заполнить профиль или перешлите сообщение от него.
roster-add-hint = Отправьте имя пользователя (@username), перешлите сообщение этого человека или выберите его кнопками выше.
# $name, $title, $status (String)
roster-added = ✅ { $name } — теперь в списке курса «{ $title }»: { $status }. Уведомление отправлено.

error-declined-by-organisers = Организаторы приняли решение, что вы не будете участвовать в этом курсе. Если вы считаете, что это ошибка, свяжитесь с ними.
# $title, $when, $place (String)
seat-added-notice =
    ✅ Организаторы записали вас на курс «{ $title }».
    { $when }
    { $place }
    Файл для календаря приложен.
# $title (String)
course-cancelled-focal-point-notice = Организаторы отменили курс «{ $title }». Выдвинутые вами сотрудники уведомлены.
error-seats-closed = Курс уже начался, поэтому места на нём больше нельзя предоставлять или менять. Ничего не изменилось.
error-already-asked = Вы уже попросили национального координатора выдвинуть вас на этот курс; ваша просьба у него.

## Место, закреплённое за выдвинутым сотрудником до его ответа
# $date (String): когда, в часовом поясе читателя
nomination-answer-by = Пожалуйста, ответьте до { $date }: после этого место перейдёт следующему сотруднику в очереди, если такой есть.
# $date (String): начало курса, в часовом поясе читателя
nomination-answer-by-start = Пожалуйста, ответьте до начала курса ({ $date }).
# $title (String)
nomination-lapsed-notice = Ваше выдвижение на курс «{ $title }» утратило силу: ответ от вас не поступил вовремя, поэтому место перешло следующему сотруднику в очереди, если такой есть. Национальный координатор вашей страны может выдвинуть вас снова.
# $title (String), $person (person-line)
nomination-lapsed-focal-point-notice = ⌛ Ответ на выдвижение на курс «{ $title }» вовремя не поступил: { $person }. Место перешло следующему сотруднику в очереди, если такой есть; выдвинуть сотрудника снова можно командой /nominate.

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
