## Выдвижение: /focalpoints (организаторы), /nominate (национальные координаторы), сотрудники.

cmd-focalpoints = Национальные координаторы (организаторы)
cmd-nominate = Выдвинуть сотрудников на курсы

help-focal-point =
    <b>Для национальных координаторов</b>
    /nominate — курсы с выдвижением: выдвигайте сотрудников своего ведомства, следите за их ответами, отправляйте ссылку-приглашение

# Человек с его @username, если он есть.
# $name (String), $username (String)
person-contact = { $name } (@{ $username })
# $name (String)
person-contact-bare = { $name }

## /focalpoints

focal-points-title = 🏛 <b>Национальные координаторы</b>
focal-points-none = Координаторов пока нет. Назначьте координатора для каждого ведомства, которое выдвигает своих сотрудников.
# $country (String), $people (String): имена с @username
focal-points-line = <b>{ $country }</b>: { $people }
focal-points-hint = Чтобы снять координатора, нажмите кнопку с его именем ниже.
button-focal-point-appoint = ➕ Назначить
# $country (String), $name (String)
button-focal-point-remove = ✖️ { $country }: { $name }
# $country (String), $person (String)
focal-point-remove-confirm = Снять { $person } с должности координатора от страны «{ $country }»? Мы сообщим ему (ей) об этом, а его (её) ссылки-приглашения перестанут работать.
button-focal-point-remove-yes = ✖️ Да, снять
button-focal-point-remove-no = ‹ Нет, оставить
# $country (String), $person (String)
focal-point-removed = { $person } больше не координатор от страны «{ $country }».
focal-point-appoint-country = Какую страну будет представлять новый координатор?
# $country (String)
focal-point-appoint-person = Кто координатор от страны «{ $country }»? Перешлите мне сообщение этого человека, отправьте его @username или выберите его ниже.
# $country (String)
focal-point-appoint-nobody = (Из страны «{ $country }» пока никто не заполнил профиль в боте.)
focal-point-hidden-sender = Настройки Telegram этого человека скрывают его в пересланных сообщениях. Отправьте вместо этого его @username или выберите его ниже.
focal-point-not-a-person = Это сообщение переслано не от человека. Перешлите сообщение, написанное этим человеком, отправьте его @username или выберите его ниже.
# $country (String), $person (String)
focal-point-appointed = ✅ { $person } теперь координатор от страны «{ $country }». Мы сообщили ему (ей) об этом, в его (её) меню появилась команда /nominate.
focal-point-already = { $person } уже координатор от страны «{ $country }».

## /nominate

nominate-choose-country = Вы координатор от нескольких стран. Сотрудников какой страны вы хотите выдвинуть?
# $country (String), $count (Number)
nominate-courses-title = 🏛 <b>Курсы с выдвижением</b> ({ $country }): { $count }
# $country (String)
nominate-courses-none = Сейчас нет курсов, открытых для выдвижения ({ $country }). Отправьте /nominate позже.
button-nominate-countries = ‹ Страны
# $country (String), $used (Number), $quota (Number), $reserve (Number)
nominate-quota-use = { $country }: занято { $used } из { $quota } { $quota ->
        [one] места
       *[other] мест
    }, в резерве { $reserve }
# $country (String), $used (Number), $reserve (Number)
nominate-seat-use = { $country }: занято мест — { $used }, в резерве { $reserve }
nominate-nominees-none = Вы ещё никого не выдвинули на этот курс.
nominate-nominees-title = <b>Выдвинутые вами сотрудники</b>
# $number (String), $person (String), $status (String)
nominate-nominee-line = { $number }. { $person } — { $status }
nominee-status-nominated = выдвинут(а), ждём ответа
nominee-status-confirmed = записан(а)
# $position (Number)
nominee-status-reserve = в резерве, место { $position }
nominee-status-waitlisted = в листе ожидания, место { $position }
nominee-status-pending = заявка ждёт решения организаторов
nominee-status-declined = отказался(-ась)
nominee-status-cancelled = кандидатура отозвана
button-nominate-add = ➕ Выдвинуть сотрудника
button-nominate-invite = 🔗 Ссылка-приглашение
# $name (String)
button-nominate-withdraw = ✖️ Отозвать: { $name }
button-nominate-courses = ‹ Все курсы
button-nominate-back = ‹ К курсу
# $person (String), $title (String)
nominate-withdraw-confirm = Отозвать кандидатуру { $person } на курс «{ $title }»? Мы сообщим сотруднику об этом, а закреплённое за ним место перейдёт следующему в резервном списке.
button-nominate-withdraw-yes = ✖️ Да, отозвать
button-nominate-withdraw-no = ‹ Нет, оставить
nominate-withdrawn = Кандидатура отозвана.
# $title (String), $country (String), $count (Number)
nominate-officers-title = Кого вы выдвигаете на курс «{ $title }»? Сотрудники страны «{ $country }» с профилем в боте: { $count }
# $title (String), $country (String)
nominate-officers-none = Больше ни у кого из сотрудников страны «{ $country }» нет профиля в боте. Отправьте им ссылку-приглашение: они заполнят профиль и сами ответят «Приму участие».
# $name (String)
nominate-done-seat = { $name }: кандидатура выдвинута. Место закреплено до ответа сотрудника.
# $name (String), $position (Number)
nominate-done-reserve = Места вашей страны заняты: { $name } в её резервном списке (место { $position }).
# $title (String), $country (String), $link (String)
nominate-invite-link =
    🔗 Ссылка-приглашение на курс «{ $title }»:
    { $link }

    Перешлите её сотрудникам страны «{ $country }», которых вы хотите выдвинуть. Тот, кто откроет её и нажмёт «Приму участие», будет выдвинут от вашего имени (в резервный список, если места страны заняты). Ссылка действует только для сотрудников страны «{ $country }».

## Сотрудники

# $title (String)
nominee-cannot-attend = Спасибо. Мы сообщили вашему координатору, что вы не сможете принять участие в курсе «{ $title }».
nomination-card-mode = 🏛 Места на этом курсе даются по выдвижению национальных координаторов.
# $people (String)
nomination-card-focal-points = Ваш координатор: { $people }
# $country (String), $people (String)
nomination-card-no-focal-point = У страны «{ $country }» пока нет национального координатора. Обратитесь к организаторам: { $people }
nomination-card-no-country = Заполните профиль (/profile), чтобы узнать, кто координатор вашей страны.
nomination-card-nominated = 🏛 Вас выдвинули: за вами закреплено место. Вы примете участие?
# $country (String), $position (Number)
nomination-card-reserve = ⏳ Вы в резервном списке страны «{ $country }» (место { $position }).
nomination-card-declined = Вы ответили, что не сможете принять участие.
button-ask-focal-point = 🙋 Попросить координатора выдвинуть меня
# $people (String)
nomination-asked = 🙋 Просьба отправлена: { $people }. Если вас выдвинут, мы сообщим вам здесь.
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
