"""Use cases over the store. They take a Store, validate with domain rules and return plain
frozen dataclasses, never ORM objects."""
