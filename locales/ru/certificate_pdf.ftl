## Сертификат о прохождении обучения (PDF): текст страницы. В двуязычном сертификате под каждой
## строкой на английском языке печатается строка на русском. Не HTML Telegram: обычный текст.

# Организаторы, печатаются вверху страницы.
certificate-pdf-organisers = Региональное бюро ВТамО по наращиванию потенциала для Европейского региона (ROCB Europe)  ·  Постоянный секретариат МПК ТРАСЕКА
certificate-pdf-heading = Сертификат о прохождении обучения
certificate-pdf-certify = Настоящим удостоверяется, что
certificate-pdf-attended = является участником учебного курса
# $dates (String) дни курса: «9 марта 2027», «9–11 марта 2027»
certificate-pdf-dates = { $dates } г.
# $hours (Number) учебные часы курса
certificate-pdf-hours = { $hours ->
    [one] { $hours } учебный час
    [few] { $hours } учебных часа
    [many] { $hours } учебных часов
   *[other] { $hours } учебного часа
}
# $date (String) день выдачи сертификата
certificate-pdf-issued = Выдан в Баку { $date } г.
certificate-pdf-code = Код проверки
# $code (String) вида 7KQ2-M9XD-4HPT; $bot (String) имя бота без @
certificate-pdf-verify =
    Для проверки отсканируйте QR-код
    или отправьте /verify { $code } боту @{ $bot }
# $version (String) 2 и больше: сертификат выдан повторно (после исправления имени)
certificate-pdf-issue = Экземпляр { $version }
