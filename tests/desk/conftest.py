"""What the desk's tests share: drafts in sentences of our own, and a client of the app."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("starlette", reason="pip install 'factcheck[desk]'")

from starlette.testclient import TestClient

from factcheck.desk.app import create_app
from factcheck.desk.work import DeskSettings

#: Four conversions of one article; the third (line 3) disagrees with the others: at the
#: rate they agree on, US$ 4 miliar is about Rp 65 triliun.
DRAFT = (
    "Perusahaan rintisan itu membukukan pendapatan US$ 5 miliar (sekitar Rp 81 triliun) "
    "pada 2024.\n\n"
    "Belanja pusat data mencapai US$ 7 miliar (sekitar Rp 114 triliun), sementara biaya "
    "lisensi menelan US$ 4 miliar (sekitar Rp 64 triliun).\n\n"
    "Investor menilai perusahaan itu US$ 80 miliar (sekitar Rp 1.303 triliun).\n"
)
FIELDS = {"lang": "id", "published": "2025-06-01"}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(DeskSettings())) as test_client:
        yield test_client
