// SPDX-License-Identifier: GPL-3.0-or-later
// Subtitles and captions (.vtt, .srt) from transcription services and video calls. Each cue's
// speaker comes from a WebVTT voice (<v Name>) or a "Name:" prefix; consecutive cues of the
// same speaker merge into one turn, written "Name: text" as one paragraph, with the first
// cue's start and the last cue's end as the turn's times. Cue markup is dropped and
// character references decoded. Blocks without a valid timing line (WebVTT NOTE, STYLE,
// REGION, damaged cues) are skipped; the count of damaged ones is a warning.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "import/document_builder.h"
#include "import/html_entities.h"
#include "import/readers.h"
#include "import/speaker_turns.h"
#include "import/text_encoding.h"

namespace comb::importers {
namespace {

struct Cue {
    double start = 0, end = 0;
    std::string speaker;
    std::string text;
};

std::string trim(std::string_view s) {
    const std::size_t a = s.find_first_not_of(" \t");
    if (a == std::string_view::npos) return {};
    return std::string(s.substr(a, s.find_last_not_of(" \t") - a + 1));
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// "01:02:03.450", "02:03.450" (WebVTT) or "01:02:03,450" (SubRip), in seconds.
std::optional<double> parse_time(std::string_view s) {
    double parts[3] = {0, 0, 0};
    int count = 0;
    std::size_t i = 0;
    while (count < 3) {
        const std::size_t start = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        if (i == start || i - start > 6) return std::nullopt;
        parts[count++] = std::stod(std::string(s.substr(start, i - start)));
        if (i < s.size() && s[i] == ':') {
            ++i;
            continue;
        }
        break;
    }
    if (count < 2 || i >= s.size() || (s[i] != '.' && s[i] != ',')) return std::nullopt;
    const std::size_t frac_start = ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i != s.size() || i == frac_start || i - frac_start > 3) return std::nullopt;
    const double fraction = std::stod(std::string(s.substr(frac_start))) / std::pow(10.0, double(i - frac_start));
    const double h = count == 3 ? parts[0] : 0, m = parts[count - 2], sec = parts[count - 1];
    if (m >= 60 || sec >= 60) return std::nullopt;
    return h * 3600 + m * 60 + sec + fraction;
}

std::optional<std::pair<double, double>> parse_timing(const std::string& line) {
    const std::size_t arrow = line.find("-->");
    if (arrow == std::string::npos) return std::nullopt;
    const std::string left = trim(std::string_view(line).substr(0, arrow));
    std::string right = trim(std::string_view(line).substr(arrow + 3));
    right = right.substr(0, right.find_first_of(" \t"));  // WebVTT cue settings follow
    const auto a = parse_time(left), b = parse_time(right);
    if (!a || !b) return std::nullopt;
    return std::pair{*a, *b};
}

std::string strip_tags(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '<') {
            out += s[i];
            continue;
        }
        const std::size_t close = s.find('>', i);
        if (close == std::string_view::npos) {
            out += s.substr(i);
            break;
        }
        i = close;
    }
    return out;
}

// Speaker and text of a cue payload (its lines joined by spaces).
void read_payload(std::string payload, const SpeakerMatcher& matcher, Cue& cue) {
    if (payload.rfind("<v", 0) == 0 && payload.size() > 2 && (payload[2] == ' ' || payload[2] == '.')) {
        const std::size_t close = payload.find('>');
        if (close != std::string::npos) {
            const std::size_t space = payload.find(' ');
            if (space != std::string::npos && space < close) {
                cue.speaker = trim(decode_html_entities(payload.substr(space + 1, close - space - 1)));
            }
            payload.erase(0, close + 1);
        }
    }
    std::string text = trim(decode_html_entities(strip_tags(payload)));
    if (cue.speaker.empty()) {
        if (const auto label = matcher.match(text)) {
            cue.speaker = label->speaker;
            text.erase(0, label->length);
        }
    }
    cue.text = std::move(text);
}

std::vector<Cue> read_cues(const std::vector<std::string>& lines, bool vtt, const SpeakerMatcher& matcher,
                           std::size_t& damaged) {
    std::vector<Cue> cues;
    std::size_t i = vtt ? 1 : 0;  // the WEBVTT header line
    while (i < lines.size()) {
        std::vector<std::string> block;
        for (; i < lines.size() && !trim(lines[i]).empty(); ++i) block.push_back(trim(lines[i]));
        for (; i < lines.size() && trim(lines[i]).empty(); ++i) {}
        if (block.empty()) continue;
        const std::size_t timing = std::find_if(block.begin(), std::min(block.end(), block.begin() + 2),
                                                [](const std::string& l) { return l.find("-->") != std::string::npos; }) -
                                   block.begin();
        const auto times = timing < block.size() ? parse_timing(block[timing]) : std::nullopt;
        if (!times) {
            const bool header = vtt && (block[0].rfind("NOTE", 0) == 0 || block[0] == "STYLE" || block[0] == "REGION");
            if (!header) ++damaged;
            continue;
        }
        Cue cue{times->first, times->second, {}, {}};
        std::string payload;
        for (std::size_t k = timing + 1; k < block.size(); ++k) payload += (payload.empty() ? "" : " ") + block[k];
        read_payload(payload, matcher, cue);
        if (!cue.text.empty() || !cue.speaker.empty()) cues.push_back(std::move(cue));
    }
    return cues;
}

void write_turns(const std::vector<Cue>& cues, DocumentBuilder& out) {
    for (std::size_t i = 0; i < cues.size();) {
        std::size_t j = i + 1;
        while (j < cues.size() && cues[j].speaker == cues[i].speaker) ++j;
        std::string text;
        for (std::size_t k = i; k < j; ++k) {
            if (!cues[k].text.empty()) text += (text.empty() ? "" : " ") + cues[k].text;
        }
        if (!cues[i].speaker.empty()) {
            out.append(cues[i].speaker + ":");
            out.mark_label(cues[i].speaker);
            out.set_times(cues[i].start, cues[j - 1].end);
            out.append(" ");
        }
        out.append(text);
        out.end_paragraph();
        i = j;
    }
}

}  // namespace

ImportedDocument read_subtitles(const SourceFile& file, const ReadOptions& options) {
    const DecodedText decoded = decode_text(file.bytes, file.path);
    const std::string text = clean_text(decoded.text);
    const bool vtt = file.extension == ".vtt";
    const std::vector<std::string> lines = split_lines(text);
    if (vtt && (lines[0].rfind("WEBVTT", 0) != 0 || (lines[0].size() > 6 && lines[0][6] != ' ' && lines[0][6] != '\t'))) {
        throw core::InputError(core::SourcePos{file.path, 1, 1, 0}, "not a WebVTT file (first line must be WEBVTT)");
    }
    const SpeakerMatcher matcher(options);
    std::size_t damaged = 0;
    const std::vector<Cue> cues = read_cues(lines, vtt, matcher, damaged);
    if (cues.empty()) throw core::InputError(core::SourcePos{file.path, {}, {}, {}}, "no subtitle cues found");
    DocumentBuilder out;
    write_turns(cues, out);
    out.add_metadata("encoding", decoded.encoding);
    if (damaged > 0) out.add_warning("skipped " + std::to_string(damaged) + " blocks without a valid cue timing");
    return out.finish(options);
}

}  // namespace comb::importers
