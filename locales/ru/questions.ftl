## Вопросы организаторам (issue 15)

button-ask-organisers = ❓ Задать вопрос организаторам
button-question-general = Общий вопрос
question-pick-course = К какому курсу относится ваш вопрос?
# $course (String)
question-ask-course = ❓ Ваш вопрос о курсе «{ $course }».
question-ask-general = ❓ Ваш вопрос организаторам.
question-ask-prompt = Напишите вопрос — можно приложить фотографию или документ (тогда текст станет подписью к нему).
question-sent = Ваш вопрос отправлен организаторам; ответ придёт сюда.
question-error-kind = Это нельзя передать организаторам. Отправьте текст или фотографию либо документ с подписью.
# $max (Number)
question-error-too-long = Текст слишком длинный: допустимо не более { $max } { $max ->
    [one] символа
   *[other] символов
}. Пожалуйста, сократите его.
# $max (Number)
question-error-caption-too-long = С фотографией или документом текст может содержать не более { $max } { $max ->
    [one] символа
   *[other] символов
}; сократите его или отправьте текст отдельно, без файла.
question-error-gone = Этого вопроса больше нет: участник удалил свои данные.
question-error-no-organisers = Сейчас передать вопрос некому: в боте не указаны организаторы. Пожалуйста, обратитесь в учебный отдел напрямую.

# Что получают организаторы.
# $person (person-line), $course (String)
question-copy-course =
    ❓ { $person } задаёт вопрос
    о курсе «{ $course }»:
# $person (person-line)
question-copy-general = ❓ { $person } задаёт вопрос (не о конкретном курсе):
question-reply-hint = <i>Чтобы ответить участнику, выберите «Ответить» на этом сообщении.</i>
# $name (String)
question-answer-sent = Ответ отправлен участнику: { $name }.
# $name (String), $organisers (String): кто ответил раньше
question-answer-sent-after = Ответ отправлен участнику: { $name }. На этот вопрос уже отвечали ({ $organisers }) — участник получит все ответы.
question-another-organiser = другой организатор
# $organiser (String), $words (String)
question-answered-note = ✅ Ответ уже отправлен ({ $organiser }): «{ $words }»
question-note-photo = 📷 фотография
question-note-document = 📎 документ
question-note-empty = …

# Что получает участник.
# $question (String): its first words, $course (String)
question-answer-course = 💬 Организаторы ответили на ваш вопрос «{ $question }» о курсе «{ $course }»:
# $question (String): its first words
question-answer-general = 💬 Организаторы ответили на ваш вопрос «{ $question }»:
question-answer-hint = <i>Чтобы задать ещё вопрос, ответьте на это сообщение.</i>

# /questions
questions-none = Вопросов от участников пока нет.
# $count (Number)
questions-title = { $count ->
    [one] <b>Вопросы участников: { $count } переписка</b> (сначала ожидающие ответа)
    [few] <b>Вопросы участников: { $count } переписки</b> (сначала ожидающие ответа)
    [many] <b>Вопросы участников: { $count } переписок</b> (сначала ожидающие ответа)
   *[other] <b>Вопросы участников: { $count } переписки</b> (сначала ожидающие ответа)
}
questions-waiting = ⏳
questions-answered = ✅
# $course (String)
questions-about-course = о курсе «{ $course }»
questions-about-general = общий вопрос
# $number (String), $status (String), $person (person-line), $about (String), $words (String)
questions-item =
    <b>{ $number }.</b> { $status } { $person }, { $about }:
    { $words }
# $number (String)
button-question-answer = ✍️ Ответить { $number }
# $person (person-line), $words (String)
question-answer-prompt =
    Ответ участнику: { $person }. Вопрос:
    { $words }

    Напишите ответ — можно приложить фотографию или документ. Участник не увидит вашего имени.

# Исправленный вопрос или ответ (Telegram позволяет изменить уже отправленное сообщение).
question-edit-not-passed = Изменения в уже отправленном сообщении до организаторов не доходят: у них ваш вопрос в первоначальном виде. Чтобы его исправить, ответьте на свой вопрос исправленным текстом.
question-answer-edit-not-passed = Изменения в уже отправленном сообщении до участника не доходят: у него ваш ответ в первоначальном виде. Чтобы его исправить, отправьте исправление ещё одним ответом.
# $max (Number): здесь не показывается (его показывают другие тексты этой ошибки)
question-error-too-many-signs = Текст слишком длинный для отправки: каждый знак &amp;, &lt; и &gt; занимает несколько символов. Пожалуйста, сократите его.
