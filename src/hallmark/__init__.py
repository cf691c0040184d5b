"""Hallmark: find counterfeits and infringements of a brand, explain them, review them."""

__version__ = "0.1.0"
