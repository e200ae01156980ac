"""Fuzzing wpparse with atheris: see ``fuzz_parse.py``."""
