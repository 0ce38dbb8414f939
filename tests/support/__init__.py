"""Helpers shared by the tests: a static server over a built site, a browser, a site builder."""
