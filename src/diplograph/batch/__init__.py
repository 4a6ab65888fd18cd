"""Corpora: reading files and JSON Lines with bad input reported (:mod:`.corpus`), Dask clusters
(:mod:`.distributed`), and scoring against annotated gold (:mod:`.evaluate`)."""
