"""Benchmarks: `make bench` (python -m benchmarks) prints a table of our steps against baselines."""
