"""coapp: the freelancer desktop app."""
