# How a course gives its seats: the sign-up mode, seats per country (quotas) and the day
# unused country seats are released. Set in /newcourse, the dialog and the edit menu.

course-field-signup_mode = Порядок записи
course-field-quotas = Квоты стран
course-field-quota_release_at = Снятие квот
# The one-message form's own names (problems point at them).
course-field-signup = signup
course-field-quota = quota
course-field-quota_release = quota_release

course-ask-signup_mode =
    Как распределяются места?
    • Свободная запись — в порядке очереди; когда места закончатся, открывается лист ожидания.
    • По заявкам — сотрудники подают заявки на место, организаторы рассматривают каждую.
    • По выдвижению — национальный координатор каждой страны выдвигает сотрудников своей таможенной администрации.
course-ask-quotas =
    Квоты мест для стран, если нужно соблюсти баланс между странами: одно число для каждой страны (например, 2) или по странам с двухбуквенными кодами, например AZ 3, GE 2, KZ 2, *: 1 («*» — все остальные страны). Заявки и выдвижения сверх квоты страны попадают в её резервный список.
    Напишите «-», если квоты не нужны.
course-ask-quota_release_at =
    С какого дня места, не занятые странами, передаются резервным спискам? Дата в формате ДД.ММ.ГГГГ (например, 01.03.2027), не позднее дня начала курса; если этот день уже прошёл, места передаются сразу.
    Напишите «-», чтобы квоты действовали до начала курса.

button-signup-mode-open = Свободная запись
button-signup-mode-approval = По заявкам
button-signup-mode-nomination = По выдвижению координаторов
# "Now: …" of a course without quotas / without a release day.
course-value-no-quotas = без квот
course-value-never-released = квоты действуют до начала курса

# $value (String)
course-error-signup-mode = «{ $value }» — укажите open (свободная запись), approval (по заявкам) или nomination (по выдвижению).
# $entry (String)
course-error-quota-entry = «{ $entry }» — укажите код страны и число мест, например AZ 3, или «*: 1» для всех остальных стран.
# $entry (String)
course-error-quota-country = «{ $entry }» — неизвестный код страны: используйте двухбуквенные коды, например AZ, GE или KZ.
# $entry (String)
course-error-quota-number = «{ $entry }» — стране нужно не менее 1 места; страну без мест просто не указывайте.
# $entry (String)
course-error-quota-twice = «{ $entry }» — эта страна указана дважды.
# $value (String)
course-error-date-format = «{ $value }» — это не дата в формате ДД.ММ.ГГГГ (например, 01.03.2027).
course-error-quota-release-after-start = день снятия квот не может быть позже начала курса.

# The course cards: organisers and participants read how seats are given.
course-signup-approval = 📝 Места предоставляются по заявкам, с одобрения организаторов
course-signup-nomination = 🏛 Места предоставляются по выдвижению национальных координаторов
# $quotas (String) "Azerbaijan 3, Georgia 2, others 1"
course-quotas = 🌍 Квоты стран: { $quotas }
# $country (String), $seats (String)
course-quota-entry = { $country } — { $seats }
# $seats (String)
course-quota-others = остальные — { $seats }
# $seats (Number)
course-quota-each = { $seats ->
    [one] { $seats } место
    [few] { $seats } места
   *[many] { $seats } мест
} на каждую страну
# $country (String), $seats (Number)
course-your-quota = 🌍 Мест для вашей страны ({ $country }): { $seats }
# $date (String) "1 марта 2027"
course-quota-release = 🔓 С { $date } места, не занятые странами, передаются резервным спискам по очереди
