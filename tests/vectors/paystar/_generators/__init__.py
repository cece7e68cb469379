"""The PayStar vector files, one module each (run `_generate.py` in the folder above)."""
