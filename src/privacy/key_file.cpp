// SPDX-License-Identifier: GPL-3.0-or-later
#include "key_file.h"

#include <fstream>
#include <map>
#include <sstream>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/error.h"
#include "core/utf8.h"
#include "privacy/key_matcher.h"

namespace comb::privacy {
namespace {

using core::InputError;

// One CSV record from `in` at `at`; false at the end. Quoted fields may hold commas,
// quotes ("") and line breaks.
bool next_record(const std::string& in, std::size_t& at, std::vector<std::string>& fields) {
    fields.clear();
    if (at >= in.size()) return false;
    std::string field;
    bool quoted = false;
    while (at < in.size()) {
        const char c = in[at++];
        if (quoted) {
            if (c == '"' && at < in.size() && in[at] == '"') { field += '"'; ++at; }
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && at < in.size() && in[at] == '\n') ++at;
            break;
        } else {
            field += c;
        }
    }
    fields.push_back(std::move(field));
    return true;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string quote(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

bool contains_word(const std::u32string& hay, const std::u32string& needle);

}  // namespace

std::string normalise(const std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    const auto* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return text;
    const auto out = nfc->normalize(icu::UnicodeString::fromUTF8(text), status);
    if (U_FAILURE(status)) return text;
    std::string s;
    out.toUTF8String(s);
    return s;
}

PseudonymKey parse_key(const std::string& csv, const std::string& source) {
    if (core::utf8::first_invalid(csv)) throw InputError({source}, "the key is not UTF-8 text");
    std::size_t at = csv.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;  // a byte order mark from Excel
    PseudonymKey key;
    std::vector<std::string> f;
    for (std::int64_t line = 1; next_record(csv, at, f); ++line) {
        if (f.size() == 1 && trim(f[0]).empty()) continue;
        if (line == 1 && trim(f[0]) == "original") continue;
        if (f.size() < 2) throw InputError({source, line}, "a row needs original,pseudonym[,category]");
        key.entries.push_back({normalise(trim(f[0])), normalise(trim(f[1])), f.size() > 2 ? trim(f[2]) : ""});
    }
    check_key(key, source);
    return key;
}

PseudonymKey read_key(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError({path.string()}, "cannot read the key file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_key(ss.str(), path.string());
}

std::string format_key(const PseudonymKey& key) {
    std::string out = "original,pseudonym,category\n";
    for (const auto& e : key.entries) out += quote(e.original) + "," + quote(e.pseudonym) + "," + quote(e.category) + "\n";
    return out;
}

void write_key(const std::filesystem::path& path, const PseudonymKey& key) {
    const auto tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << format_key(key);
        if (!out) throw InputError({path.string()}, "cannot write the key file");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw InputError({path.string()}, "cannot write the key file (" + ec.message() + ")");
}

void check_key(const PseudonymKey& key, const std::string& source) {
    std::map<std::string, std::size_t> originals, pseudonyms;
    for (std::size_t i = 0; i < key.entries.size(); ++i) {
        const auto& e = key.entries[i];
        const auto line = static_cast<std::int64_t>(i + 1);
        if (e.original.empty() || e.pseudonym.empty()) throw InputError({source, line}, "an original or pseudonym is empty");
        if (!originals.emplace(e.original, i).second) {
            throw InputError({source, line}, "\"" + e.original + "\" is given twice");
        }
        if (!pseudonyms.emplace(e.pseudonym, i).second) {
            throw InputError({source, line}, "the pseudonym \"" + e.pseudonym + "\" is given for two originals; "
                                             "undo could not tell them apart");
        }
    }
    for (const auto& e : key.entries) {
        const auto p = core::utf8::decode(e.pseudonym);
        for (const auto& o : key.entries) {
            const auto w = core::utf8::decode(o.original);
            if (contains_word({p.begin(), p.end()}, {w.begin(), w.end()})) {
                throw InputError({source}, "the pseudonym \"" + e.pseudonym + "\" contains the original \"" + o.original + "\"");
            }
        }
    }
}

namespace {
bool contains_word(const std::u32string& hay, const std::u32string& needle) {
    const auto alnum = is_word_char;
    for (auto at = hay.find(needle); at != std::u32string::npos; at = hay.find(needle, at + 1)) {
        const bool left = at == 0 || !alnum(hay[at - 1]);
        const bool right = at + needle.size() >= hay.size() || !alnum(hay[at + needle.size()]);
        if (left && right) return true;
    }
    return false;
}
}  // namespace

}  // namespace comb::privacy
