"""The platform account and background sync in the GUI: the runner, the status widget, the
account menu and the sign-in and refused-changes dialogs. Nothing here imports the sync engine at
start-up; workers import it when the first round runs."""
