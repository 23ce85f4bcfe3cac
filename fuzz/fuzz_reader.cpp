// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point for one reader, chosen at compile time by COMB_FUZZ_EXTENSION.
// Refusing input with core::InputError is fine; anything else escaping, a sanitizer report,
// or a document that breaks ImportedDocument's invariants is a bug.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/error.h"
#include "core/utf8.h"
#include "import/readers.h"

namespace {

using comb::core::Span;

void require(bool ok) {
    if (!ok) std::abort();
}

void check_span(const Span& s, std::int64_t length) {
    require(0 <= s.start.value && s.start.value <= s.end.value && s.end.value <= length);
}

// What every reader promises: valid UTF-8 with LF only, spans inside the text, paragraphs in
// order without overlap, each turn's body inside its span.
void check(const comb::importers::ImportedDocument& doc) {
    require(!comb::core::utf8::first_invalid(doc.text));
    require(doc.text.find('\r') == std::string::npos);
    require(doc.content_hash.size() == 64);
    const std::int64_t length = comb::core::utf8::length(doc.text);
    std::int64_t previous_end = 0;
    for (const Span& p : doc.paragraphs) {
        check_span(p, length);
        require(p.start.value >= previous_end);
        previous_end = p.end.value;
    }
    for (const auto& turn : doc.turns) {
        check_span(turn.span, length);
        check_span(turn.body, length);
        require(turn.span.contains(turn.body));
        require(!comb::core::utf8::first_invalid(turn.speaker));
    }
    for (const auto& memo : doc.memos) check_span(memo.anchor, length);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    comb::importers::SourceFile file{"fuzz" COMB_FUZZ_EXTENSION, COMB_FUZZ_EXTENSION,
                                     std::string(reinterpret_cast<const char*>(data), size)};
    try {
        check(comb::importers::read_source(file));
    } catch (const comb::core::InputError&) {
        // Refused cleanly: what bad input should get.
    }
    return 0;
}
