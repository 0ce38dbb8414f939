"""Quality gates over the real built site, one module per gate (issue 8)."""
