#include "session.h"

#include <cstdlib>
#include <iostream>

#include "core/error.h"

namespace comb::cli {

Session::Session(const std::filesystem::path& path)
    : file_(store::ProjectFile::open(path)), project_(*file_) {
    if (const auto warning = store::location_warning(path); !warning.empty()) {
        std::cerr << "comb: warning: " << warning << "\n";
    }
}

core::ChangeSet Session::run(const core::Command& command) {
    return project_.execute(command);
}

core::Document Session::document(const std::string& ref) {
    const auto docs = file_->documents();
    for (const auto& d : docs) if (d.name == ref) return d;
    if (!ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos) {
        for (const auto& d : docs) if (std::to_string(d.id.value) == ref) return d;
    }
    throw core::InputError({"<argument>"}, "no document \"" + ref + "\" (give its id or name; see comb docs)");
}

std::string Session::text_of(const core::Document& doc) { return file_->text(doc.text_id); }

std::optional<std::string> Session::case_name(std::optional<core::CaseId> id) {
    if (!id) return std::nullopt;
    for (const auto& c : file_->cases()) if (c.id == *id) return c.name;
    return std::nullopt;
}

std::string Session::coder() const {
    for (const char* var : {"COMB_CODER", "USER", "LOGNAME"}) {
        if (const char* v = std::getenv(var); v && *v) return v;
    }
    return "unknown";
}

}  // namespace comb::cli
