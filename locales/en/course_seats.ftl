# How a course gives its seats: the sign-up mode, seats per country (quotas) and the day
# unused country seats are released. Set in /newcourse, the dialog and the edit menu.

course-field-signup_mode = Sign-up mode
course-field-quotas = Seats per country
course-field-quota_release_at = Quota release
# The one-message form's own names (problems point at them).
course-field-signup = signup
course-field-quota = quota
course-field-quota_release = quota_release

course-ask-signup_mode =
    How are seats given?
    • Open sign-up — first come, first served; a waiting list once the course is full.
    • Organisers approve requests — officers ask for a seat, and you decide on each request.
    • Focal points nominate — each country’s national focal point nominates officers of its administration.
course-ask-quotas =
    Seats per country, if you want a balance between countries: one number for every country (such as 2), or per country with two-letter codes, such as AZ 3, GE 2, KZ 2, *: 1 (“*” is every other country). Requests and nominations beyond a country’s seats go to its reserve list.
    Type “-” for no quotas.
course-ask-quota_release_at =
    From which day should seats a country has not filled go to the reserve lists? A date as DD.MM.YYYY (for example 01.03.2027), no later than the first day of the course; a day already past releases them at once.
    Type “-” to keep the country seats until the start.

button-signup-mode-open = Open sign-up
button-signup-mode-approval = Organisers approve requests
button-signup-mode-nomination = Focal points nominate
# "Now: …" of a course without quotas / without a release day.
course-value-no-quotas = no quotas
course-value-never-released = quotas apply until the start

# $value (String)
course-error-signup-mode = “{ $value }” — write open, approval or nomination.
# $entry (String)
course-error-quota-entry = “{ $entry }” — write a country code and a number of seats, such as AZ 3, or “*: 1” for every other country.
# $entry (String)
course-error-quota-country = “{ $entry }” — not a country code I know: use two-letter codes such as AZ, GE or KZ.
# $entry (String)
course-error-quota-number = “{ $entry }” — a country needs at least 1 seat; leave out a country that gets none.
# $entry (String)
course-error-quota-twice = “{ $entry }” — this country is given twice.
# $value (String)
course-error-date-format = “{ $value }” is not a date as DD.MM.YYYY (for example 01.03.2027).
course-error-quota-release-after-start = the quota release day cannot be later than the start of the course.

# The course cards: organisers and participants read how seats are given.
course-signup-approval = 📝 Seats are given on request, with the organisers’ approval
course-signup-nomination = 🏛 Seats are given by nomination of the national focal points
# $quotas (String) "Azerbaijan 3, Georgia 2, others 1"
course-quotas = 🌍 Seats per country: { $quotas }
# $country (String), $seats (String)
course-quota-entry = { $country } { $seats }
# $seats (String)
course-quota-others = others { $seats }
# $seats (Number)
course-quota-each = { $seats } for each country
# $country (String), $seats (Number)
course-your-quota = 🌍 Seats for { $country }: { $seats }
# $date (String) "1 March 2027"
course-quota-release = 🔓 From { $date }, seats a country has not filled go to the reserve lists in turn
