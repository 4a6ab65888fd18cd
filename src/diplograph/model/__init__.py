"""The English model as diplograph runs it: a line break ends a sentence (:mod:`.paragraphs`), and the
model's attribute ruler and lemmatizer replaced by exact table lookups (:mod:`.attribute_lookup`), each
distinct word's embedding computed once (:mod:`.embed_cache`), and archive mode, which runs the model only on the paragraphs where a contact can be (:mod:`.archive`).
:func:`diplograph.pipeline.load_pipeline` loads the model and puts these in place."""
