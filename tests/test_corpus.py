"""Corpus loading and sentence segmentation."""
from __future__ import annotations

from kzanalysis.corpus.sentences import load_sentences, split_sentences
from kzanalysis.corpus.sources import load_documents
from kzanalysis.io.files import sha256_of
from kzanalysis.io.paths import layout, project_root


def test_seeds_are_the_shared_originals_byte_for_byte():
    shared = project_root().parent / "shared" / "seeds"
    if not shared.is_dir():  # outside the workspace the comparison is done by hash in sources.csv
        return
    for original in sorted(shared.glob("*.txt")):
        assert sha256_of(layout().seeds / original.name) == sha256_of(original)


def test_documents_have_text_and_dates_in_order():
    docs = load_documents()
    assert len(docs) == 5
    assert docs["date"].is_monotonic_increasing
    assert (docs["n_chars"] > 5000).all()


def test_sentences_offsets_point_at_their_text():
    sents = load_sentences()
    from kzanalysis.corpus import load_texts
    texts = load_texts()
    for row in sents.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.sentence


def test_split_sentences_keeps_abbreviations_and_splits_after_initialism_before_opener():
    text = "Mr. Tokayev met Dr. Casser in the U.S. capital. It went well. After Sweden and the U.S. According to data, yes."
    spans = [text[s:e] for s, e, _ in split_sentences(text)]
    assert spans == ["Mr. Tokayev met Dr. Casser in the U.S. capital.", "It went well.",
                     "After Sweden and the U.S.", "According to data, yes."]


def test_split_sentences_marks_headings_and_bullets_and_handles_crlf():
    text = "Russia\r\n\r\n  • The message was given. It holds.\r\nA sentence here.\r\n"
    spans = split_sentences(text)
    kinds = [(text[s:e], k) for s, e, k in spans]
    assert kinds == [("Russia", "heading"), ("The message was given.", "bullet"), ("It holds.", "bullet"),
                     ("A sentence here.", "sentence")]


def test_excluded_furniture_yields_no_sentence():
    sents = load_sentences()
    assert not sents["sentence"].str.contains("Leave a Reply|Similar Posts|ehealthfacts").any()
