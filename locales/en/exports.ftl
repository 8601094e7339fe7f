## Participant list exports (XLSX and CSV) for organisers: column headers and cell values.

export-column-name = Full name
export-column-country = Country
export-column-organisation = Administration
export-column-position = Position
export-column-email = E-mail
export-column-status = Status
export-column-waitlist-position = Waiting list position
export-column-reserve-position = Reserve list position
export-column-nominated-by = Nominated by
export-column-reason = Organisers' reason
export-column-signed-up = Sign-up date
export-column-attended = Attended

export-status-confirmed = Signed up
export-status-waitlisted = On the waiting list
export-status-cancelled = Cancelled
export-status-pending = Requested a seat
export-status-nominated = Nominated, answer awaited
export-status-reserve = On the reserve list
export-status-declined = Declined

# The second sheet of an export (courses with country quotas), and the same numbers as
# extra columns of a CSV export.
export-quota-sheet = Country quotas
export-quota-column-country = Country
export-quota-column-quota = Quota (seats)
export-quota-column-held = Seats held
export-quota-column-reserve = Reserve list
export-quota-column-requests = Requests waiting
export-csv-country-quota = Country’s quota
export-csv-country-held = Seats held by the country
export-csv-country-reserve = Country’s reserve list
export-csv-country-requests = Country’s requests waiting

export-yes = yes
export-no = no
