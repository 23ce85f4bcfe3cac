// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/coded_segments.h"

#include "export/atomic_file.h"
#include "export/text_format.h"

namespace comb::exporters {

void write_coded_segments_csv(const std::vector<CodedSegment>& segments, const std::filesystem::path& path) {
    std::string out;
    text::append_csv_record(out, {"Code", "Document", "Case", "Speaker", "Coder", "Start", "End", "Text", "Memo", "Pinned"});
    for (const auto& s : segments) {
        text::append_csv_record(out, {s.code, s.document, s.case_name, s.speaker, s.coder, std::to_string(s.start),
                                      std::to_string(s.end), s.text, s.memo, s.pinned ? "yes" : ""});
    }
    AtomicFile file(path);
    file.write(out);
    file.commit();
}

}  // namespace comb::exporters
