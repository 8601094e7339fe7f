"""The handlers' shared screens: what two features show and that needs a service to draw (the
course card, the reply to a sign-up, the current survey question, what to fix in a form). No
routers here; bot/ui holds what services may use too."""
