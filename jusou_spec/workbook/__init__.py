"""Workbooks (.xlsx) as documents: the sheet layout derived from the schema, values ↔ cells, and reading and
writing the files.

Only :mod:`jusou_spec.workbook.xlsx` imports openpyxl (the ``excel`` extra); the commands and the checker import
it when a workbook is asked for, so that checking YAML never loads it. The layout, the cell codec, the tables and
the checks (XL) are plain Python and are imported freely.
"""
