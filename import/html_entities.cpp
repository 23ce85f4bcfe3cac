// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/html_entities.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "core/utf8.h"

namespace comb::importers {
namespace {

// The named references that occur in real transcripts; the full HTML5 table has 2,231.
constexpr std::pair<std::string_view, char32_t> kNamed[] = {
    {"amp", U'&'},       {"lt", U'<'},        {"gt", U'>'},        {"quot", U'"'},      {"apos", U'\''},
    {"nbsp", 0xA0},      {"ensp", 0x2002},    {"emsp", 0x2003},    {"thinsp", 0x2009},  {"ndash", 0x2013},
    {"mdash", 0x2014},   {"lsquo", 0x2018},   {"rsquo", 0x2019},   {"sbquo", 0x201A},   {"ldquo", 0x201C},
    {"rdquo", 0x201D},   {"bdquo", 0x201E},   {"hellip", 0x2026},  {"bull", 0x2022},    {"middot", 0xB7},
    {"laquo", 0xAB},     {"raquo", 0xBB},     {"lsaquo", 0x2039},  {"rsaquo", 0x203A},  {"copy", 0xA9},
    {"reg", 0xAE},       {"trade", 0x2122},   {"deg", 0xB0},       {"plusmn", 0xB1},    {"times", 0xD7},
    {"divide", 0xF7},    {"euro", 0x20AC},    {"pound", 0xA3},     {"yen", 0xA5},       {"cent", 0xA2},
    {"sect", 0xA7},      {"para", 0xB6},      {"iexcl", 0xA1},     {"iquest", 0xBF},    {"shy", 0xAD},
    {"zwj", 0x200D},     {"zwnj", 0x200C},    {"lrm", 0x200E},     {"rlm", 0x200F},     {"agrave", 0xE0},
    {"aacute", 0xE1},    {"acirc", 0xE2},     {"atilde", 0xE3},    {"auml", 0xE4},      {"aring", 0xE5},
    {"aelig", 0xE6},     {"ccedil", 0xE7},    {"egrave", 0xE8},    {"eacute", 0xE9},    {"ecirc", 0xEA},
    {"euml", 0xEB},      {"igrave", 0xEC},    {"iacute", 0xED},    {"icirc", 0xEE},     {"iuml", 0xEF},
    {"ntilde", 0xF1},    {"ograve", 0xF2},    {"oacute", 0xF3},    {"ocirc", 0xF4},     {"otilde", 0xF5},
    {"ouml", 0xF6},      {"oslash", 0xF8},    {"ugrave", 0xF9},    {"uacute", 0xFA},    {"ucirc", 0xFB},
    {"uuml", 0xFC},      {"yacute", 0xFD},    {"yuml", 0xFF},      {"szlig", 0xDF},     {"Agrave", 0xC0},
    {"Aacute", 0xC1},    {"Acirc", 0xC2},     {"Atilde", 0xC3},    {"Auml", 0xC4},      {"Aring", 0xC5},
    {"AElig", 0xC6},     {"Ccedil", 0xC7},    {"Egrave", 0xC8},    {"Eacute", 0xC9},    {"Ecirc", 0xCA},
    {"Euml", 0xCB},      {"Igrave", 0xCC},    {"Iacute", 0xCD},    {"Icirc", 0xCE},     {"Iuml", 0xCF},
    {"Ntilde", 0xD1},    {"Ograve", 0xD2},    {"Oacute", 0xD3},    {"Ocirc", 0xD4},     {"Otilde", 0xD5},
    {"Ouml", 0xD6},      {"Oslash", 0xD8},    {"Ugrave", 0xD9},    {"Uacute", 0xDA},    {"Ucirc", 0xDB},
    {"Uuml", 0xDC},      {"Yacute", 0xDD},    {"oelig", 0x153},    {"OElig", 0x152},    {"scaron", 0x161},
    {"Scaron", 0x160},   {"larr", 0x2190},    {"rarr", 0x2192},    {"uarr", 0x2191},    {"darr", 0x2193},
};

// Length of the reference starting at text[0] == '&' and its code point, or 0 if none.
std::size_t parse_reference(std::string_view text, char32_t& cp) {
    const std::size_t semi = text.find(';', 1);
    if (semi == std::string_view::npos || semi > 32) return 0;
    const std::string_view body = text.substr(1, semi - 1);
    if (body.size() >= 2 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        const std::string_view digits = body.substr(hex ? 2 : 1);
        std::uint32_t value = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
        if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) return 0;
        // Surrogates, NUL and out-of-range values become U+FFFD, as in HTML.
        cp = (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) ? 0xFFFD : value;
        return semi + 1;
    }
    const auto it = std::find_if(std::begin(kNamed), std::end(kNamed), [&](const auto& e) { return e.first == body; });
    if (it == std::end(kNamed)) return 0;
    cp = it->second;
    return semi + 1;
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t n = text[i] == '&' ? parse_reference(text.substr(i), cp) : 0;
        if (n == 0) {
            out += text[i++];
            continue;
        }
        core::utf8::append(out, cp);
        i += n;
    }
    return out;
}

}  // namespace comb::importers
