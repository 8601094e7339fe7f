## Per-user throttle: one hint when someone sends faster than a person can.

throttle-slow-down = Too many messages at once, so I skipped some of them. Please wait a few seconds, then try again.
