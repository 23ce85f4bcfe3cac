// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/formats.h"

#include <mutex>

#include "export/registry.h"
#include "import/registry.h"
#include "refi/import_project.h"
#include "refi/qdpx_reader.h"
#include "refi/qdpx_writer.h"

namespace comb::refi {
namespace {

importers::ProjectImport read_project(const std::filesystem::path& file) {
    RefiProject p = read_qdpx(file);
    importers::ProjectImport out;
    out.documents = p.documents.size();
    for (const auto& d : p.documents) out.turns += d.turns.size();
    out.warnings = p.warnings;
    const auto& n = p.counts;
    out.description = "Read " + file.string() + " (" + (p.origin.empty() ? "unknown tool" : p.origin) + "): " +
                      std::to_string(n.sources) + " sources, " + std::to_string(n.codes) + " codes, " +
                      std::to_string(n.selections) + " selections, " + std::to_string(n.codings) + " codings, " +
                      std::to_string(n.cases) + " cases, " + std::to_string(n.variables) + " variables, " +
                      std::to_string(n.notes) + " notes, " + std::to_string(n.sets) + " sets";
    if (!p.codings.empty()) out.description += "; positions read as " + p.position_unit;
    out.command = std::make_unique<ImportProject>(std::move(p), "Import " + file.filename().string());
    return out;
}

}  // namespace

void register_formats() {
    static std::once_flag once;
    std::call_once(once, [] {
        importers::register_project_format({".qdpx", "REFI-QDA project", read_project});
        using exporters::Report;
        exporters::register_project_writer(Report::codebook, ".qdc", "REFI-QDA codebook",
                                           [](const core::Repository& repo, const std::filesystem::path& path,
                                              const std::string&) { export_qdc(repo, path); });
        exporters::register_project_writer(Report::project, ".qdpx", "REFI-QDA project", export_qdpx);
    });
}

}  // namespace comb::refi
