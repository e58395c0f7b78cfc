"""The editor's desk: ``factcheck serve``, a local web page where an editor pastes or
uploads a draft, sees it audited as ``report.html`` shows an article, accepts corrections
and takes the corrected draft back; and its JSON API (docs/desk.md).

- ``desk.drafts``: a request read (the draft, its language and date, the locale, the
  corrections accepted);
- ``desk.work``: the draft audited and corrected, in memory;
- ``desk.page``: the page, from the report's templates;
- ``desk.guard``: the request size limit and the security headers of every response;
- ``desk.app``: the routes; ``desk.server``: uvicorn.

A top layer, like the command line: it imports the library, which never imports it. It
needs the ``desk`` extra (Starlette, uvicorn, python-multipart).
"""
