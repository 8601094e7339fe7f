## Organiser commands.

# $total, $active, $complete (Number) user counts
stats-summary =
    <b>Users</b>
    { $total ->
        [one] { $total } user has
       *[other] { $total } users have
    } started the bot; { $active } can be reached, { $complete ->
        [one] { $complete } has
       *[other] { $complete } have
    } a complete profile.
stats-by-language = <b>Language</b>
stats-by-country = <b>Country</b>
stats-language-none = not chosen yet
stats-country-none = no country yet
# $label (String), $count (Number)
stats-row = { $label }: { $count }
button-stats-refresh = 🔄 Refresh
stats-refreshed = Updated

## /stats: seats of courses given by request, nomination or country quota.

stats-seats-heading = <b>Seats by country</b> (courses with requests, nominations or quotas)
# $title, $seats (String): the country parts joined
stats-seats-course = <b>{ $title }</b>: { $seats }
# $country (String) code, $seats (Number) held, $quota (Number) 0 without one, $reserve (Number)
stats-seats-country = { $country } { $quota ->
    [0] { $seats }
   *[other] { $seats }/{ $quota }
} { $seats ->
    [one] seat
   *[other] seats
}{ $reserve ->
    [0] {""}
   *[other] {" "}+ { $reserve } in reserve
}
# $count (Number)
stats-seats-waitlisted = { $count } on the waiting list
stats-seats-requests = { $count ->
    [one] 1 request waiting
   *[other] { $count } requests waiting
}
# $count (Number)
stats-seats-more = …and { $count } more: each course’s participants are in /admin.
