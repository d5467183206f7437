"""A synthetic region for demos and benchmarks.

`generator` is plain Python (no Django): `generate(n, seed)` yields households of `records.Person`.
`loader.load_people(households)` writes them to the database. Same seed, same people: names,
dates, identifiers and phone numbers are byte-identical.
"""
