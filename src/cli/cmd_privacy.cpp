// SPDX-License-Identifier: GPL-3.0-or-later
// comb edit (correct a transcript) and comb pseudonymise (docs/privacy.md).
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "store/backup.h"
#include "core/code_paths.h"
#include "core/commands/edit_text.h"
#include "core/commands/pseudonymise.h"
#include "core/error.h"
#include "core/utf8.h"
#include "privacy/candidates.h"
#include "privacy/preview.h"

namespace comb::cli {
namespace {

namespace fs = std::filesystem;

std::int64_t offset_arg(const std::string& s, const char* what) {
    std::size_t used = 0;
    long long v = -1;
    try { v = std::stoll(s, &used); } catch (const std::exception&) { used = 0; }
    if (used != s.size() || v < 0) throw core::InputError::argument(std::string(what) + " must be a whole number ≥ 0, got \"" + s + "\"");
    return v;
}

void register_edit(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("edit", "Correct a transcript: DOC START END TEXT (codings realigned)");
    struct Args { std::string project, doc, start, end, text; bool json = false; };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("doc", a->doc, "Document id or name")->required();
    cmd->add_option("start", a->start, "First code point replaced")->required();
    cmd->add_option("end", a->end, "End of the replaced text (exclusive; START inserts)")->required();
    cmd->add_option("text", a->text, "The new text (\"\" deletes)")->required();
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->callback([&action, a] {
        action = [a] {
            Session s(a->project);
            const auto doc = s.document(a->doc);
            const std::string old_text = s.text_of(doc);
            const core::Span span{core::CodePoint(offset_arg(a->start, "START")), core::CodePoint(offset_arg(a->end, "END"))};
            const auto changes = s.run(core::EditText(doc.id, span, a->text));
            const auto removed = core::removed_codings(changes);
            std::size_t moved = 0;
            for (const auto& c : changes.changes) {
                if (c.before && c.after && std::holds_alternative<core::Coding>(*c.after)) ++moved;
            }
            const auto now = *s.repo().find_document(doc.id);
            const core::CodeTree tree(s.repo().codes());
            json out = {{"doc", doc.id.value}, {"start", span.start.value}, {"end", span.end.value},
                        {"text", a->text}, {"chars", now.chars}, {"realigned", moved}, {"removed", json::array()}};
            for (const auto& c : removed) {
                out["removed"].push_back({{"id", c.id.value}, {"code", tree.path(c.code)}, {"start", c.span.start.value},
                                          {"end", c.span.end.value}, {"text", std::string(core::utf8::slice(old_text, c.span))}});
            }
            if (a->json) {
                print_json(out);
            } else {
                std::cout << "Edited " << doc.name << " " << span.start.value << "-" << span.end.value << ": "
                          << now.chars << " characters; " << moved << " codings realigned, " << removed.size() << " removed\n";
                for (const auto& r : out["removed"]) {
                    std::cout << "  removed coding " << r["id"].get<std::int64_t>() << " (" << r["code"].get<std::string>()
                              << "): \"" << r["text"].get<std::string>() << "\"\n";
                }
            }
            return 0;
        };
    });
}

int print_candidates(Session& s, bool as_json, const std::string& write_to) {
    const auto candidates = privacy::suggest_candidates(s.repo());
    if (!write_to.empty()) {
        if (fs::exists(write_to)) throw core::InputError::argument(write_to + " exists; the key template is written only to a new file");
        privacy::PseudonymKey key;
        std::map<std::string, int> numbers;
        for (const auto& c : candidates) {
            const std::string cat = c.category.empty() ? "NAME" : c.category;
            key.entries.push_back({c.text, "[" + cat + " " + std::to_string(++numbers[cat]) + "]", c.category});
        }
        privacy::write_key(write_to, key);
        std::cerr << "comb: wrote " << key.entries.size() << " candidates to " << write_to
                  << "; review every row, remove what is not identifying, and keep the file outside the project\n";
    }
    json out = json::array();
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : candidates) {
        out.push_back({{"text", c.text}, {"category", c.category}, {"reason", c.reason}, {"documents", c.documents}});
        rows.push_back({c.text, c.category.empty() ? "-" : c.category, std::to_string(c.documents), c.reason});
    }
    if (as_json) print_json(out);
    else print_table({"candidate", "category", "documents", "why"}, rows);
    return 0;
}

int print_preview(Session& s, const privacy::KeyMatcher& key, bool as_json) {
    const auto all = privacy::preview(s.repo(), key);
    json out = json::array();
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : all) {
        out.push_back({{"where", r.where}, {"doc", r.document ? json(r.document->value) : json(nullptr)},
                       {"start", r.span.start.value}, {"end", r.span.end.value}, {"original", r.found},
                       {"pseudonym", r.replacement}, {"before", r.before}, {"after", r.after}});
        std::string ctx = r.before + "[" + r.found + " -> " + r.replacement + "]" + r.after;
        for (auto& ch : ctx) if (ch == '\n') ch = ' ';
        rows.push_back({r.where, std::to_string(r.span.start.value), ctx});
    }
    if (as_json) print_json(out);
    else print_table({"where", "at", "in context"}, rows);
    return 0;
}

void register_pseudonymise(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("pseudonymise", "Replace names by pseudonyms from a key kept outside the project");
    struct Args { std::string project, key, template_out; bool json = false, dry = false, keep = false, suggest = false; };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("--key", a->key, "KEY.csv: original,pseudonym[,category]");
    cmd->add_flag("--dry-run", a->dry, "Show every replacement in context; change nothing");
    cmd->add_flag("--keep-originals", a->keep, "Keep the originals in the undo history (undo without the key)");
    cmd->add_flag("--suggest", a->suggest, "List candidate names (with --key NEW.csv: write them as a key template)");
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->callback([&action, a] {
        action = [a] {
            Session s(a->project);
            if (a->suggest) return print_candidates(s, a->json, a->key);
            if (a->key.empty()) throw core::InputError::argument("give --key KEY.csv (or --suggest to list candidates)");
            const privacy::KeyMatcher key(privacy::read_key(a->key));
            if (a->dry) return print_preview(s, key, a->json);
            const auto count = privacy::preview(s.repo(), key).size();
            // The backup is taken before: it holds the originals by nature (docs/privacy.md).
            // Every copy made afterwards holds pseudonyms only.
            const auto backup = store::backup_project(s.file(), "before-pseudonymise", s.project().now());
            // The old index holds the originals in its terms and free blocks: it is removed and
            // built again from the pseudonymised project by the command's index update.
            std::filesystem::remove_all(index::PassageIndex::folder_for(s.file().path()));
            const auto changes = s.run(core::Pseudonymise(key, a->keep));
            s.file().compact_securely();
            std::size_t docs = 0;
            for (const auto& c : changes.changes) if (c.after && std::holds_alternative<core::Document>(*c.after)) ++docs;
            const auto removed = core::removed_codings(changes);
            if (a->json) {
                print_json({{"replacements", count}, {"rows", changes.changes.size()}, {"documents", docs},
                            {"codings_removed", removed.size()}, {"originals_kept", a->keep}, {"backup", backup.string()}});
            } else {
                std::cout << "Pseudonymised: " << count << " replacements in " << changes.changes.size() << " rows ("
                          << docs << " documents); " << (a->keep ? "the originals are kept in the undo history"
                                                                  : "no original is left in the project file; undo needs the key")
                          << "\nBackup first: " << backup.string()
                          << "\n  It holds the ORIGINAL names: keep it as safely as the key, or delete it. Backups made from now on hold pseudonyms only.\n";
            }
            return 0;
        };
    });
}

}  // namespace

void register_privacy_commands(CLI::App& app, Action& action) {
    register_edit(app, action);
    register_pseudonymise(app, action);
}

}  // namespace comb::cli
