## Выдвижение: /focalpoints (организаторы), /nominate (национальные координаторы), сотрудники.

cmd-focalpoints = Национальные координаторы (организаторы)
cmd-nominate = Выдвинуть сотрудников на курсы

help-focal-point =
    <b>Для национальных координаторов</b>
    /nominate — курсы, места на которых предоставляются по выдвижению: выдвижение сотрудников вашего ведомства, их ответы, ссылка-приглашение

# Человек с его @username, если он есть.
# $name (String), $username (String)
person-contact = { $name } (@{ $username })
# $name (String)
person-contact-bare = { $name }

## /focalpoints

focal-points-title = 🏛 <b>Национальные координаторы</b>
focal-points-none = Национальные координаторы пока не назначены. Назначьте координатора для каждой страны, таможенная администрация которой выдвигает своих сотрудников.
# $country (String), $people (String): имена с @username
focal-points-line = <b>{ $country }</b>: { $people }
focal-points-hint = Чтобы снять координатора, нажмите на кнопку с его именем ниже.
button-focal-point-appoint = ➕ Назначить координатора
# $country (String), $name (String)
button-focal-point-remove = ✖️ { $country }: { $name }
# $country (String), $person (String)
focal-point-remove-confirm = Снять полномочия национального координатора ({ $country }): { $person }? Мы сообщим об этом координатору, а ссылки-приглашения этого координатора перестанут действовать.
button-focal-point-remove-yes = ✖️ Да, снять
button-focal-point-remove-no = ‹ Нет, оставить
# $country (String), $person (String)
focal-point-removed = { $person } больше не является национальным координатором ({ $country }); уведомление отправлено.
focal-point-appoint-country = Какую страну будет представлять новый национальный координатор?
# $country (String)
focal-point-appoint-person = Кто будет национальным координатором ({ $country })? Перешлите сообщение этого человека, отправьте его имя пользователя (@username) или выберите его ниже.
# $country (String)
focal-point-appoint-nobody = (Пока никто из этой страны ({ $country }) не заполнил профиль в боте.)
focal-point-hidden-sender = Настройки Telegram этого человека скрывают его в пересланных сообщениях. Отправьте вместо этого его имя пользователя (@username) или выберите его ниже.
focal-point-not-a-person = Это сообщение переслано не от человека. Перешлите сообщение, написанное самим этим человеком, отправьте его имя пользователя (@username) или выберите его ниже.
# $country (String), $person (String)
focal-point-appointed = ✅ { $person } — теперь национальный координатор ({ $country }). Уведомление отправлено, в меню координатора появилась команда /nominate.
# $country (String), $person (String)
focal-point-already = { $person } уже является национальным координатором ({ $country }).

## /nominate

nominate-choose-country = Вы национальный координатор нескольких стран. Сотрудников какой страны вы хотите выдвинуть?
# $country (String), $count (Number)
nominate-courses-title = 🏛 <b>Курсы, открытые для выдвижения</b> ({ $country }): { $count }
# $country (String)
nominate-courses-none = Сейчас нет курсов, открытых для выдвижения ({ $country }). Пожалуйста, отправьте /nominate позже.
button-nominate-countries = ‹ Страны
# $country (String), $used (Number), $quota (Number), $reserve (Number)
nominate-quota-use = { $country }: занято { $used } из { $quota } { $quota ->
        [one] места
       *[other] мест
    }, в резервном списке — { $reserve }
# $country (String), $used (Number), $reserve (Number)
nominate-seat-use = { $country }: занято мест — { $used }, в резервном списке — { $reserve }
nominate-nominees-none = Вы ещё никого не выдвинули на этот курс.
nominate-nominees-title = <b>Выдвинутые вами сотрудники</b>
# $number (String), $person (String), $status (String)
nominate-nominee-line = { $number }. { $person } — { $status }
nominee-status-nominated = выдвижение, ожидается ответ
nominee-status-confirmed = в списке участников
# $position (Number)
nominee-status-reserve = в резервном списке, №{ $position }
# $position (Number)
nominee-status-waitlisted = в листе ожидания, №{ $position }
nominee-status-pending = заявка на рассмотрении у организаторов
nominee-status-declined = отказ
nominee-status-cancelled = выдвижение отозвано
button-nominate-add = ➕ Выдвинуть сотрудника
button-nominate-invite = 🔗 Ссылка-приглашение
# $name (String)
button-nominate-withdraw = ✖️ Отозвать: { $name }
button-nominate-courses = ‹ Все курсы
button-nominate-back = ‹ К курсу
# $person (String), $title (String)
nominate-withdraw-confirm = Отозвать выдвижение на курс «{ $title }»: { $person }? Мы сообщим сотруднику об этом, а закреплённое за ним место перейдёт следующему в очереди.
button-nominate-withdraw-yes = ✖️ Да, отозвать
button-nominate-withdraw-no = ‹ Нет, оставить
nominate-withdrawn = Выдвижение отозвано.
# $title (String), $country (String), $count (Number)
nominate-officers-title = Кого вы выдвигаете на курс «{ $title }»? Сотрудники с профилем в боте (страна: { $country }): { $count }
# $title (String), $country (String)
nominate-officers-none = Других сотрудников с профилем в боте (страна: { $country }) пока нет. Отправьте им ссылку-приглашение: они заполнят профиль и сами ответят «Приму участие».
# $name (String)
nominate-done-seat = { $name }: выдвижение отправлено, место закреплено до ответа сотрудника.
# $name (String), $position (Number)
nominate-done-reserve = Все места вашей страны заняты, поэтому { $name } — в резервном списке, №{ $position }.
# $title (String), $country (String), $link (String)
nominate-invite-link =
    🔗 Ссылка-приглашение на курс «{ $title }»:
    { $link }

    Перешлите её сотрудникам, которых вы хотите выдвинуть. Тот, кто откроет её и нажмёт «Приму участие», будет выдвинут вами (если места вашей страны заняты — в резервный список). Ссылка действует только для сотрудников вашей страны ({ $country }).

## Сотрудники

# $title (String)
nominee-cannot-attend = Спасибо. Мы сообщили национальному координатору вашей страны, что вы не сможете принять участие в курсе «{ $title }».
nomination-card-mode = Для участия необходимо выдвижение от вашей страны.
# $people (String)
nomination-card-focal-points = Национальный координатор вашей страны: { $people }
# $country (String), $people (String)
nomination-card-no-focal-point = Национальный координатор вашей страны ({ $country }) пока не назначен. Обратитесь к организаторам: { $people }
nomination-card-no-country = Заполните профиль (/profile), чтобы узнать, кто национальный координатор вашей страны.
nomination-card-nominated = 🏛 Вас выдвинули: за вами закреплено место. Вы примете участие?
# $country (String), $position (Number)
nomination-card-reserve = ⏳ Ваш номер в резервном списке ({ $country }): { $position }.
button-ask-focal-point = 🙋 Попросить о выдвижении
# $people (String)
nomination-asked = 🙋 Ваша просьба направлена: { $people }. Если вас выдвинут, мы сообщим вам здесь.
# $inviter (String), $card (String): карточка курса
invitation-text =
    🏛 { $inviter } приглашает вас на этот курс:

    { $card }
invitation-profile-first = Чтобы принять приглашение, сначала заполните профиль. Когда профиль будет готов, мы снова покажем вам приглашение.

## review fixes
# $name (String), $position (Number)
nominate-done-waitlist = Мест на курсе нет: { $name } в листе ожидания (место { $position }).
# $title, $position (String)
invitation-waitlisted = ⏳ Мест на курсе «{ $title }» пока нет, поэтому вы в листе ожидания (место { $position }). Если место освободится, мы спросим, примете ли вы участие.
# $position (Number)
nomination-card-waitlisted = ⏳ Мест на курсе пока нет: вы в листе ожидания (место { $position }).
nomination-card-not-taking-part = Вы не участвуете в этом курсе.
