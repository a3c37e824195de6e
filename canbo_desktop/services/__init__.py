"""Use cases: plain functions taking a unit-of-work factory; no Qt, no engine building of their own."""
