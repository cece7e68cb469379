"""The hostile-input files, one module per provider (run `_generate.py` in the folder above)."""
