"""Ici & Là-bas core: everything that is not drawing. No Qt import anywhere below it."""
