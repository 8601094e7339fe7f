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
