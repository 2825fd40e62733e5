"""My Profile (issue 9): the personal details, the completeness meter with its tips, skills and
experience. Built the first time the screen is shown; nothing here is imported at start-up."""
