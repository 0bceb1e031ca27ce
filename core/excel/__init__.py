"""Spreadsheets in and out: reading real-world files, mapping columns, importing, exporting."""
