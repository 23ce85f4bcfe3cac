// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point for the REFI-QDA readers: read_qdpx_bytes (fuzz_qdpx) or, with
// COMB_FUZZ_QDC, read_qdc_bytes (fuzz_qdc). Refusing input with core::InputError is fine;
// anything else escaping, a sanitizer report, or a RefiProject that breaks the promises
// ImportProject relies on is a bug.
//
// A mutated zip rarely survives its CRCs, so for .qdpx the input is an archive only when it
// starts with a zip signature; otherwise it is the archive's parts, separated by NUL bytes:
// the first is project.qde, each further one "NAME\nBYTES" (e.g. "sources/a.txt\nHello").
// The archive is then made here, so mutations reach the XML and the texts.
#include <zip.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/utf8.h"
#include "refi/codebook.h"
#include "refi/qdpx_reader.h"

namespace {

using comb::core::Span;

void require(bool ok) {
    if (!ok) std::abort();
}

bool inside(const Span& s, std::int64_t length) {
    return 0 <= s.start.value && s.start.value <= s.end.value && s.end.value <= length;
}

// What the readers promise: UTF-8 texts with LF only, every span inside its text, every
// coding on a known document and code, non-empty.
void check(const comb::refi::RefiProject& p) {
    std::set<std::string> codes;
    for (const auto& c : p.codes) codes.insert(c.guid);
    for (const auto& c : p.codes) require(!c.parent_guid || codes.count(*c.parent_guid));
    std::map<std::string, std::int64_t> lengths;
    for (const auto& d : p.documents) {
        require(!comb::core::utf8::first_invalid(d.text));
        require(d.text.find('\r') == std::string::npos);
        const std::int64_t length = comb::core::utf8::length(d.text);
        lengths[d.guid] = length;
        for (const auto& s : d.paragraphs) require(inside(s, length));
        for (const auto& t : d.turns) require(inside(t.span, length) && inside(t.body, length));
    }
    for (const auto& c : p.codings) {
        const auto it = lengths.find(c.document_guid);
        require(it != lengths.end() && codes.count(c.code_guid));
        require(inside(c.span, it->second) && !c.span.empty());
    }
}

#ifndef COMB_FUZZ_QDC
// The "NAME\nBYTES" parts after the first NUL, as zip entries.
std::vector<std::pair<std::string, std::string>> parts_of(std::string_view input) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t at = input.find('\0');
    out.emplace_back("project.qde", std::string(input.substr(0, at)));
    while (at != std::string_view::npos) {
        const std::size_t next = input.find('\0', at + 1);
        const std::string_view part = input.substr(at + 1, next == std::string_view::npos ? next : next - at - 1);
        const std::size_t nl = part.find('\n');
        if (nl != std::string_view::npos && nl > 0) out.emplace_back(part.substr(0, nl), part.substr(nl + 1));
        at = next;
    }
    return out;
}

// A stored (uncompressed) zip of `entries`, made in memory; empty if libzip refuses a name.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    std::string out;
    if (z) {
        for (const auto& [name, bytes] : entries) {
            zip_source_t* s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
            const zip_int64_t i = s ? zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
            if (i < 0) {
                if (s) zip_source_free(s);
                continue;
            }
            zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
        }
        if (zip_close(z) != 0) zip_discard(z);
        zip_stat_t st;
        if (zip_source_open(buffer) == 0) {
            if (zip_source_stat(buffer, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
                out.resize(st.size);
                if (zip_source_read(buffer, out.data(), st.size) != static_cast<zip_int64_t>(st.size)) out.clear();
            }
            zip_source_close(buffer);
        }
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    try {
#ifdef COMB_FUZZ_QDC
        check(comb::refi::read_qdc_bytes(std::string(input), "fuzz.qdc"));
#else
        if (input.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
            check(comb::refi::read_qdpx_bytes(input, "fuzz.qdpx"));
        } else {
            const std::string archive = zip_of(parts_of(input));
            if (!archive.empty()) check(comb::refi::read_qdpx_bytes(archive, "fuzz.qdpx"));
        }
#endif
    } catch (const comb::core::InputError&) {
        // Refused cleanly: what bad input should get.
    }
    return 0;
}
