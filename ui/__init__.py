"""Ici & Là-bas desktop interface: PySide6 widgets, thin, calling core/ and never SQL."""
