"""Benchmarks (``make bench``): medians, budgets and ratios to the bare library's floor in the same run."""
