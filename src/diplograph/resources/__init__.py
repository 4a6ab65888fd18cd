"""Shared resources: package data files, the leaders gazetteer, the country lexicon, text helpers.

Every stage reads its data through :func:`diplograph.resources.data.data_file` and
:func:`~diplograph.resources.data.read_jsonl`; the gazetteer (:mod:`.gazetteer`) and the country lexicon
(:mod:`.countries`) are loaded once per process and shared by the people and contacts stages.
"""
