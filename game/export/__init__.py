"""Printed and exported material a teacher hands out or grades: debriefs, decision tables, handouts.
Plain HTML and CSV built from the engine and the scenario; no pygame (the window and the command line share it)."""
