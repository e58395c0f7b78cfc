"""Applying the corrections that are certain: ``factcheck.fix`` and ``factcheck fix``.

``fixes.plan`` decides which findings can be fixed (one suggested figure, in the text's own
style, over a span that still holds the figure, and no other finding asking for something
else there); ``fixes.text_files``, ``fixes.drafts`` and ``fixes.claims_yaml`` apply them
to text files, Word and OpenDocument drafts, and claims YAML; ``fixes.run`` audits, applies
and writes. A fixed file audits clean for the findings fixed.
"""

from __future__ import annotations

from factcheck.fixes.run import FileFix, FixResult, fix, fix_inputs

__all__ = ["FileFix", "FixResult", "fix", "fix_inputs"]
