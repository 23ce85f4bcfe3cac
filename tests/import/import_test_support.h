// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers for import tests: read bytes as a named file, compare spans as numbers and text.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "core/error.h"
#include "core/utf8.h"
#include "import/readers.h"

namespace comb::importers::test {

inline ImportedDocument read_bytes(const std::string& name, std::string bytes, const ReadOptions& options = {}) {
    const auto dot = name.rfind('.');
    return read_source(SourceFile{name, name.substr(dot), std::move(bytes)}, options);
}

inline core::Span span(std::int64_t start, std::int64_t end) {
    return core::Span{core::CodePoint(start), core::CodePoint(end)};
}

inline std::string slice(const ImportedDocument& doc, core::Span s) {
    return std::string(core::utf8::slice(doc.text, s));
}

// The InputError `read_bytes` throws, or a failure if it throws none.
inline core::InputError read_error(const std::string& name, std::string bytes, const ReadOptions& options = {}) {
    try {
        read_bytes(name, std::move(bytes), options);
    } catch (const core::InputError& e) {
        return e;
    }
    FAIL("expected an InputError for " << name);
    throw;  // unreachable
}

}  // namespace comb::importers::test

namespace Catch {
template <>
struct StringMaker<comb::core::Span> {
    static std::string convert(const comb::core::Span& s) {
        return "[" + std::to_string(s.start.value) + ", " + std::to_string(s.end.value) + ")";
    }
};
}  // namespace Catch
