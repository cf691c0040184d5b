"""Linking: identifiers of accounts, the actor graph, and the service that keeps actors."""
