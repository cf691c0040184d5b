"""Rules as data: scorer weights, the wording lexicon, currency rates."""
