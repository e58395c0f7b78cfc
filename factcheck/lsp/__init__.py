"""The language server, ``factcheck lsp`` (pygls, in the ``lsp`` extra): diagnostics,
quick fixes and hover in any editor with a language server client (``docs/editors.md``).

``lsp.checking`` checks a buffer with its project's configuration (no pygls needed);
``lsp.protocol`` turns findings and figures into the protocol's diagnostics, code actions
and hover text; ``lsp.server`` is the server.
"""
