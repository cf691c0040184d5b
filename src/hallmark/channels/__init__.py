"""Channels bring listings and posts in: the canonical import format now, one per platform next."""
