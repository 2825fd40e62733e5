"""Pure rules with no I/O: durations, weeks, money, contract terms, timers, holidays."""
