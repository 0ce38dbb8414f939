"""Our code for the bilingual family and child-protection site.

One module per concern; MkDocs reaches this code only through `mkdocs_plugin`,
which stays thin and calls the pure functions defined here.
"""
