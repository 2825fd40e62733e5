"""The weekly timesheet screen (objectName ``timesheetTab``)."""
