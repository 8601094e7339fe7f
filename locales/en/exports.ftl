## Participant list exports (XLSX and CSV) for organisers: column headers and cell values.

export-column-name = Full name
export-column-country = Country
export-column-organisation = Administration
export-column-position = Position
export-column-email = E-mail
export-column-status = Status
export-column-waitlist-position = Waiting list position
export-column-signed-up = Sign-up date
export-column-attended = Attended

export-status-confirmed = Signed up
export-status-waitlisted = On the waiting list
export-status-cancelled = Cancelled

export-yes = yes
export-no = no
