"""Living with coapp every day: the system tray, reminders, idle time while a timer runs, and
what support asks for (diagnostic information, the log). The main window only wires these."""
