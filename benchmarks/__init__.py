"""Benchmarks: run them with `make bench` (benchmarks/run_all.py). See docs/performance.md."""
