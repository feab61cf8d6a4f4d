"""The pipeline contract: order checked at build time, one bad document isolated from its batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

import pytest

from flashpoint.errors import FlashpointError, PipelineError
from flashpoint.pipeline import Pipeline, Stage
from flashpoint.records import Document, Rejection


class Upper:
    name = "upper"
    requires = frozenset({"text"})
    provides = frozenset({"upper"})

    def __call__(self, doc: Document) -> Document:
        if "boom" in doc.text:
            raise RuntimeError("exploded")
        if "refuse" in doc.text:
            raise FlashpointError("refused on purpose")
        return replace(doc, title=doc.text.upper())

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in docs)


class NeedsUpper(Upper):
    name = "needs-upper"
    requires = frozenset({"upper"})
    provides = frozenset({"done"})

    def __call__(self, doc: Document) -> Document:
        return replace(doc, author="done")


def test_pipeline_refuses_wrong_order() -> None:
    with pytest.raises(PipelineError, match="needs-upper"):
        Pipeline([NeedsUpper(), Upper()])


def test_pipeline_runs_stages_in_order() -> None:
    pipeline = Pipeline([Upper(), NeedsUpper()])
    doc = pipeline(Document(id="a", text="calm"))
    assert (doc.title, doc.author) == ("CALM", "done")
    assert pipeline.names == ("upper", "needs-upper")


def test_pipeline_stages_satisfy_protocol() -> None:
    assert isinstance(Upper(), Stage)


@pytest.mark.parametrize(
    ("bad_text", "reason_part"),
    [("boom", "internal error in upper: RuntimeError: exploded"), ("refuse", "refused on purpose")],
)
def test_pipeline_pipe_isolates_a_failing_document(bad_text: str, reason_part: str) -> None:
    pipeline = Pipeline([Upper(), NeedsUpper()])
    docs = [Document(id=str(i), text=t, source=f"in{i}") for i, t in enumerate(["one", bad_text, "three"])]
    out = list(pipeline.pipe(docs))
    assert [type(x).__name__ for x in out] == ["Document", "Rejection", "Document"]
    rejection = out[1]
    assert isinstance(rejection, Rejection)
    assert rejection.source == "in1"
    assert reason_part in rejection.reason
    assert rejection.stage == "upper"


def test_pipeline_pipe_passes_rejections_through_in_order() -> None:
    pipeline = Pipeline([Upper()])
    items: list[Document | Rejection] = [
        Document(id="1", text="a"),
        Rejection(source="x", reason="empty file"),
        Document(id="2", text="b"),
    ]
    out = list(pipeline.pipe(items))
    assert [getattr(x, "id", getattr(x, "source", None)) for x in out] == ["1", "x", "2"]


def test_pipeline_drops_the_parse_from_results() -> None:
    class Parse(Upper):
        name = "parse"
        provides = frozenset({"parsed"})

        def __call__(self, doc: Document) -> Document:
            return replace(doc, parsed=object())

    out = list(Pipeline([Parse()]).pipe([Document(id="1", text="x")]))
    assert isinstance(out[0], Document)
    assert out[0].parsed is None
