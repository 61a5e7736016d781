"""Small helpers more than one stage needs; each has exactly one home here."""
