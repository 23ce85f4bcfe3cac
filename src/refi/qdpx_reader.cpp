// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/qdpx_reader.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/error.h"
#include "core/utf8.h"
#include "import/speaker_turns.h"
#include "import/text_encoding.h"
#include "import/xml_part.h"
#include "import/zip_reader.h"
#include "refi/code_xml.h"
#include "refi/comb_extension.h"
#include "refi/comb_markers.h"
#include "refi/positions.h"
#include "refi/qdpx_layout.h"
#include "refi/xml_util.h"

namespace comb::refi {
namespace {

using nlohmann::json;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

struct RawCoding {
    std::string guid, code_guid, user, created;
    std::vector<std::string> note_refs;
};

// A selection as the file has it, before its positions are converted.
struct RawSelection {
    std::string guid, source_guid, name, description, user, created;
    std::int64_t start = 0, end = 0;
    std::vector<RawCoding> codings;
    std::vector<std::string> note_refs;
};

struct RawNote {
    std::string guid, title, text, author, created, description;
    std::optional<RawSelection> selection;
};

class QdpxReader {
public:
    QdpxReader(std::string_view bytes, std::string path) : zip_(bytes, path), path_(std::move(path)) {
        for (const auto& n : zip_.names()) entries_[lower(n)] = n;
    }

    RefiProject read();

private:
    std::string find_qde() const;
    std::optional<std::string> entry_for(std::string_view reference) const;
    std::optional<std::string> read_source_text(const pugi::xml_node& node, const std::string& what);
    std::string user(const pugi::xml_node& node, const char* attribute) const;
    RawCoding raw_coding(const pugi::xml_node& coding, const std::string& fallback_user) const;
    RawSelection raw_selection(const pugi::xml_node& sel, const std::string& source) const;
    void read_users(const pugi::xml_node& root);
    void read_variables(const pugi::xml_node& root);
    void read_cases(const pugi::xml_node& root);
    void read_sources(const pugi::xml_node& root);
    void read_text_source(const pugi::xml_node& node);
    void skip_source(const pugi::xml_node& node, std::string_view kind);
    void read_notes(const pugi::xml_node& root);
    void place_selections();
    PositionUnit choose_unit();
    void place_selection(const RawSelection& s, std::size_t n, PositionUnit unit);
    void resolve_notes(const pugi::xml_node& root);

    importers::ZipReader zip_;
    std::string path_;
    std::map<std::string, std::string> entries_;  // lower-case name -> name
    RefiProject out_;
    std::map<std::string, std::string> users_;       // guid -> name
    std::map<std::string, std::string> variables_;   // guid -> name
    std::map<std::string, SourceText> texts_;        // source guid -> text
    std::vector<RawSelection> selections_;
    std::map<std::string, RawNote> notes_;
    std::vector<std::string> note_order_;
    std::vector<NoteRef> note_refs_;
    std::set<std::string> code_guids_;
    PositionUnit unit_ = PositionUnit::code_points_lf;
};

std::string QdpxReader::find_qde() const {
    std::vector<std::string> found;
    for (const auto& n : zip_.names()) {
        if (n.find('/') == std::string::npos && lower(n).size() > 4 && lower(n).ends_with(".qde")) found.push_back(n);
    }
    if (found.size() == 1) return found.front();
    for (const auto& n : found) if (lower(n) == "project.qde") return n;
    if (found.empty()) throw core::InputError({path_}, "not a REFI-QDA project: no .qde file at the root of the archive");
    throw core::InputError({path_}, "not a REFI-QDA project: " + std::to_string(found.size()) +
                                        " .qde files at the root of the archive");
}

// "internal://X.txt", "X.txt" (qc) or "sources/X.txt" -> the zip entry, folder name in any case.
std::optional<std::string> QdpxReader::entry_for(std::string_view reference) const {
    std::string ref(reference);
    if (ref.rfind("internal://", 0) == 0) ref = ref.substr(11);
    else if (ref.find("://") != std::string::npos) return std::nullopt;  // relative://, absolute://: outside
    for (const std::string& candidate : {"sources/" + ref, ref}) {
        const auto it = entries_.find(lower(candidate));
        if (it != entries_.end()) return it->second;
    }
    return std::nullopt;
}

std::string QdpxReader::user(const pugi::xml_node& node, const char* attribute) const {
    const auto g = normalise_guid(node.attribute(attribute).as_string());
    if (!g) return {};
    const auto it = users_.find(*g);
    return it == users_.end() ? *g : it->second;
}

// The text of a TextSource or Note: PlainTextContent, or the file plainTextPath points to.
std::optional<std::string> QdpxReader::read_source_text(const pugi::xml_node& node, const std::string& what) {
    if (kid(node, "PlainTextContent")) return kid_text(node, "PlainTextContent");
    const std::string ref = node.attribute("plainTextPath").as_string();
    if (ref.empty()) {
        out_.warnings.push_back(what + ": no text (neither PlainTextContent nor plainTextPath)");
        return std::nullopt;
    }
    const auto entry = entry_for(ref);
    if (!entry) {
        out_.warnings.push_back(what + ": text file \"" + ref + "\" is not in the archive");
        return std::nullopt;
    }
    const std::string bytes = zip_.read(*entry);
    std::string_view body = bytes;
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    if (body.empty()) return std::string();
    return importers::decode_text(bytes, path_ + "/" + *entry).text;
}

void QdpxReader::read_users(const pugi::xml_node& root) {
    for (const auto& u : kids(kid(root, "Users"), "User")) {
        const auto g = normalise_guid(u.attribute("guid").as_string());
        if (!g) continue;
        ++out_.counts.users;
        std::string name = u.attribute("name").as_string();
        if (name.empty()) name = u.attribute("id").as_string();
        users_[*g] = name.empty() ? *g : name;
    }
}

void QdpxReader::read_variables(const pugi::xml_node& root) {
    for (const auto& v : kids(kid(root, "Variables"), "Variable")) {
        RefiVariable var;
        var.guid = normalise_guid(v.attribute("guid").as_string()).value_or("");
        var.name = v.attribute("name").as_string();
        const std::string type = v.attribute("typeOfVariable").as_string();
        if (type == "Integer" || type == "Float") var.type = core::AttributeType::number;
        else if (type == "Date") var.type = core::AttributeType::date;
        const Marked m = split_marker(kid_text(v, "Description"), kChoicesMarker);
        if (m.json) {
            const auto j = json::parse(*m.json, nullptr, false);
            if (j.is_array()) {
                var.type = core::AttributeType::choice;
                for (const auto& c : j) if (c.is_string()) var.choices.push_back(c.get<std::string>());
            }
        }
        ++out_.counts.variables;
        if (var.name.empty()) {
            out_.warnings.push_back("a variable without a name was skipped");
            continue;
        }
        variables_[var.guid] = var.name;
        out_.variables.push_back(std::move(var));
    }
}

// VariableValue children as (name, value) pairs; the value is kept as written.
std::vector<std::pair<std::string, std::string>> values_of(const pugi::xml_node& node,
                                                           const std::map<std::string, std::string>& variables) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& vv : kids(node, "VariableValue")) {
        const auto g = normalise_guid(kid(vv, "VariableRef").attribute("targetGUID").as_string());
        const auto it = g ? variables.find(*g) : variables.end();
        if (it == variables.end()) continue;
        std::string value;
        for (auto c = vv.first_child(); c; c = c.next_sibling()) {
            if (c.type() == pugi::node_element && local_name(c) != "VariableRef") value = c.text().as_string();
        }
        out.emplace_back(it->second, value);
    }
    return out;
}

void QdpxReader::read_cases(const pugi::xml_node& root) {
    for (const auto& c : kids(kid(root, "Cases"), "Case")) {
        RefiCase rc;
        rc.guid = normalise_guid(c.attribute("guid").as_string()).value_or("");
        rc.name = c.attribute("name").as_string();
        if (rc.name.empty()) rc.name = rc.guid;
        rc.description = kid_text(c, "Description");
        rc.values = values_of(c, variables_);
        for (const auto& s : kids(c, "SourceRef")) {
            if (auto g = normalise_guid(s.attribute("targetGUID").as_string())) rc.sources.push_back(*g);
        }
        const auto codes = kids(c, "CodeRef"), selections = kids(c, "SelectionRef");
        if (!codes.empty() || !selections.empty()) {
            out_.warnings.push_back("case \"" + rc.name + "\": " + std::to_string(codes.size()) + " code and " +
                                    std::to_string(selections.size()) +
                                    " selection references not kept (Comb links cases to documents)");
        }
        ++out_.counts.cases;
        out_.cases.push_back(std::move(rc));
    }
}

RawCoding QdpxReader::raw_coding(const pugi::xml_node& coding, const std::string& fallback_user) const {
    RawCoding rc;
    rc.guid = normalise_guid(coding.attribute("guid").as_string()).value_or("");
    rc.code_guid = normalise_guid(kid(coding, "CodeRef").attribute("targetGUID").as_string()).value_or("");
    rc.user = user(coding, "creatingUser");
    if (rc.user.empty()) rc.user = fallback_user;
    rc.created = coding.attribute("creationDateTime").as_string();
    for (const auto& n : kids(coding, "NoteRef")) {
        if (auto g = normalise_guid(n.attribute("targetGUID").as_string())) rc.note_refs.push_back(*g);
    }
    return rc;
}

RawSelection QdpxReader::raw_selection(const pugi::xml_node& sel, const std::string& source) const {
    RawSelection rs;
    rs.guid = normalise_guid(sel.attribute("guid").as_string()).value_or("");
    rs.source_guid = source;
    rs.name = sel.attribute("name").as_string();
    rs.description = kid_text(sel, "Description");
    rs.user = user(sel, "creatingUser");
    rs.created = sel.attribute("creationDateTime").as_string();
    rs.start = sel.attribute("startPosition").as_llong(-1);
    rs.end = sel.attribute("endPosition").as_llong(-1);
    for (const auto& c : kids(sel, "Coding")) rs.codings.push_back(raw_coding(c, rs.user));
    for (const auto& n : kids(sel, "NoteRef")) {
        if (auto g = normalise_guid(n.attribute("targetGUID").as_string())) rs.note_refs.push_back(*g);
    }
    return rs;
}

void QdpxReader::skip_source(const pugi::xml_node& node, std::string_view kind) {
    // Selections and codings anywhere inside: PDF representations and transcripts hold them too.
    std::size_t selections = 0, codings = 0;
    for (const auto& d : node.select_nodes(".//*")) {
        const auto name = local_name(d.node());
        if (name.ends_with("Selection")) ++selections;
        else if (name == "Coding") ++codings;
    }
    out_.counts.selections += selections;
    out_.counts.codings += codings;
    out_.warnings.push_back(std::string(kind) + " \"" + node.attribute("name").as_string() + "\" not imported (" +
                            std::to_string(selections) + " selections, " + std::to_string(codings) +
                            " codings): Comb imports text sources only");
}

void QdpxReader::read_sources(const pugi::xml_node& root) {
    for (auto s = kid(root, "Sources").first_child(); s; s = s.next_sibling()) {
        if (s.type() != pugi::node_element) continue;
        ++out_.counts.sources;
        const std::string_view kind = local_name(s);
        if (kind == "TextSource") read_text_source(s);
        else if (kind == "PictureSource") skip_source(s, "picture");
        else if (kind == "PDFSource") skip_source(s, "PDF");
        else if (kind == "AudioSource") skip_source(s, "audio");
        else if (kind == "VideoSource") skip_source(s, "video");
        else skip_source(s, std::string(kind));
    }
}

void QdpxReader::read_text_source(const pugi::xml_node& node) {
    ++out_.counts.text_sources;
    RefiDocument doc;
    doc.guid = normalise_guid(node.attribute("guid").as_string()).value_or("");
    doc.name = node.attribute("name").as_string();
    const std::string ref = node.attribute("plainTextPath").as_string();
    if (doc.name.empty()) {
        doc.name = ref.rfind("internal://", 0) == 0 ? ref.substr(11) : ref;
        if (doc.name.empty()) doc.name = doc.guid;
    }
    std::vector<RawSelection> selections;
    for (const auto& sel : kids(node, "PlainTextSelection")) selections.push_back(raw_selection(sel, doc.guid));
    out_.counts.selections += selections.size();
    for (const auto& s : selections) out_.counts.codings += s.codings.size();
    const auto whole = kids(node, "Coding");
    out_.counts.codings += whole.size();
    const auto raw = read_source_text(node, "text source \"" + doc.name + "\"");
    if (!raw || doc.guid.empty() || texts_.count(doc.guid)) {
        std::size_t codings = whole.size();
        for (const auto& s : selections) codings += s.codings.size();
        out_.warnings.push_back("text source \"" + doc.name + "\" skipped with its " + std::to_string(selections.size()) +
                                " selections and " + std::to_string(codings) + " codings" +
                                (raw ? " (missing or repeated GUID)" : ""));
        return;
    }
    SourceText st(*raw);
    doc.text = st.text();
    doc.created = node.attribute("creationDateTime").as_string();
    const Marked marked = split_marker(kid_text(node, "Description"), kDocumentMarker);
    const bool layout = marked.json && read_document_layout(*marked.json, doc);
    if (!marked.text.empty()) doc.metadata["description"] = marked.text;
    if (!layout) {
        doc.paragraphs = lines_of(doc.text);
        const importers::SpeakerMatcher matcher{importers::ReadOptions{}};
        for (const auto& t : importers::detect_turns(doc.text, doc.paragraphs, matcher)) {
            doc.turns.push_back({t.span, t.body, t.speaker, t.is_interviewer, t.time_start, t.time_end});
        }
        doc.metadata["format"] = "qdpx";
    }
    doc.metadata["guid"] = doc.guid;
    for (const auto& [name, value] : values_of(node, variables_)) doc.metadata["variable:" + name] = value;
    for (const auto& n : kids(node, "NoteRef")) {
        if (auto g = normalise_guid(n.attribute("targetGUID").as_string())) {
            note_refs_.push_back({*g, core::MemoTarget::document, doc.guid});
        }
    }
    for (const auto& c : whole) {
        RawSelection rs;
        rs.source_guid = doc.guid;
        rs.start = -2;  // the whole text, in any unit
        rs.codings.push_back(raw_coding(c, user(node, "creatingUser")));
        selections.push_back(rs);
    }
    texts_.emplace(doc.guid, std::move(st));
    selections_.insert(selections_.end(), selections.begin(), selections.end());
    out_.documents.push_back(std::move(doc));
}

void QdpxReader::read_notes(const pugi::xml_node& root) {
    for (const auto& n : kids(kid(root, "Notes"), "Note")) {
        ++out_.counts.notes;
        RawNote note;
        note.guid = normalise_guid(n.attribute("guid").as_string()).value_or("");
        note.title = n.attribute("name").as_string();
        note.author = user(n, "creatingUser");
        note.created = n.attribute("creationDateTime").as_string();
        note.description = kid_text(n, "Description");
        note.text = read_source_text(n, "note \"" + note.title + "\"").value_or("");
        note.text = SourceText(note.text).text();
        if (const auto sel = kid(n, "PlainTextSelection")) note.selection = raw_selection(sel, "");
        if (note.guid.empty() || notes_.count(note.guid)) note.guid = stable_guid("comb:note:" + std::to_string(notes_.size()));
        note_order_.push_back(note.guid);
        notes_.emplace(note.guid, std::move(note));
    }
}

// What a "Comb coding:" marker says about the codings of one selection: the same for all
// ({"tags":…,"pinned":true}, written for a selection of one coding) or per coding GUID
// ({"codings":{"GUID":{…}}}, written when a selection holds several).
struct CodingExtras {
    std::optional<core::TagSet> tags;
    bool pinned = false;
};

struct CodingMarker {
    CodingExtras all;
    std::map<std::string, CodingExtras> by_guid;
    const CodingExtras& of(const std::string& coding_guid) const {
        const auto it = by_guid.find(coding_guid);
        return it == by_guid.end() ? all : it->second;
    }
};

CodingExtras coding_extras(const json& j, const std::string& what, std::vector<std::string>& warnings) {
    CodingExtras out;
    if (!j.is_object()) return out;
    if (j.contains("tags") && j["tags"].is_string()) {
        try {
            out.tags = core::TagSet::parse(j["tags"].get<std::string>());
        } catch (const std::invalid_argument& e) {
            warnings.push_back(what + ": coding tags not understood (" + e.what() + ")");
        }
    }
    if (const auto p = j.find("pinned"); p != j.end() && p->is_boolean()) out.pinned = p->get<bool>();
    return out;
}

CodingMarker parse_coding_marker(const Marked& marked, const std::string& what, std::vector<std::string>& warnings) {
    CodingMarker out;
    if (!marked.json) return out;
    const auto j = json::parse(*marked.json, nullptr, false);
    if (!j.is_object()) return out;
    if (const auto per = j.find("codings"); per != j.end() && per->is_object()) {
        for (const auto& [guid, extras] : per->items()) {
            if (const auto g = normalise_guid(guid)) out.by_guid[*g] = coding_extras(extras, what, warnings);
        }
        return out;
    }
    out.all = coding_extras(j, what, warnings);
    return out;
}

// Picks the position unit under which most selections start and end between words, then
// places every selection. Ties keep the unit the file's origin suggests.
void QdpxReader::place_selections() {
    unit_ = choose_unit();
    std::size_t n = 0;
    for (const auto& s : selections_) place_selection(s, n++, unit_);
}

PositionUnit QdpxReader::choose_unit() {
    std::vector<PositionUnit> units = {PositionUnit::code_points_lf, PositionUnit::code_points_raw,
                                       PositionUnit::utf16_raw, PositionUnit::utf16_lf};
    if (lower(out_.origin).find("nvivo") != std::string::npos) {
        units = {PositionUnit::utf16_raw, PositionUnit::utf16_lf, PositionUnit::code_points_lf,
                 PositionUnit::code_points_raw};
    }
    auto score = [&](PositionUnit unit) {
        std::size_t good = 0;
        for (const auto& s : selections_) {
            if (s.start == -2) continue;
            const auto& t = texts_.at(s.source_guid);
            const auto a = t.convert(s.start, unit), b = t.convert(s.end, unit);
            if (a && b && *a < *b && t.starts_word(*a) && t.ends_word(*b)) ++good;
        }
        return good;
    };
    PositionUnit best = units.front();
    std::size_t best_score = score(best);
    for (std::size_t i = 1; i < units.size(); ++i) {
        const std::size_t s = score(units[i]);
        if (s > best_score) best = units[i], best_score = s;
    }
    out_.position_unit = to_string(best);
    std::size_t ranged = 0;
    for (const auto& s : selections_) ranged += s.start == -2 ? 0 : 1;
    if (ranged >= 10 && best_score * 2 < ranged) {
        out_.warnings.push_back("only " + std::to_string(best_score) + " of " + std::to_string(ranged) +
                                " selections start and end between words under any reading of the positions (best: " +
                                out_.position_unit + "); check the codings' text");
    }
    return best;
}

// One selection's codings (and its comment as a memo) at their place under `unit`.
void QdpxReader::place_selection(const RawSelection& s, std::size_t n, PositionUnit unit) {
    const auto& t = texts_.at(s.source_guid);
    std::optional<std::int64_t> a = s.start == -2 ? 0 : t.convert(s.start, unit);
    std::optional<std::int64_t> b = s.start == -2 ? t.length() : t.convert(s.end, unit);
    const std::string what = "selection " + (s.guid.empty() ? std::to_string(n) : s.guid);
    if (!a || !b || *a >= *b) {
        out_.warnings.push_back(what + " (" + std::to_string(s.start) + "-" + std::to_string(s.end) +
                                ") does not fit its text; its " + std::to_string(s.codings.size()) +
                                " codings were not imported");
        return;
    }
    const core::Span span{core::CodePoint(*a), core::CodePoint(*b)};
    const Marked marked = split_marker(s.description, kCodingMarker);
    const CodingMarker marker = parse_coding_marker(marked, what, out_.warnings);
    std::string first;
    for (const auto& c : s.codings) {
        if (!code_guids_.count(c.code_guid)) {
            out_.warnings.push_back(what + ": a coding refers to an unknown code; not imported");
            continue;
        }
        RefiCoding rc;
        rc.guid = c.guid.empty() ? stable_guid("comb:coding:" + s.guid + ":" + c.code_guid) : c.guid;
        rc.document_guid = s.source_guid;
        rc.span = span;
        rc.code_guid = c.code_guid;
        rc.coder = c.user;
        rc.created = c.created.empty() ? s.created : c.created;
        const CodingExtras& extras = marker.of(c.guid);
        rc.tag_override = extras.tags;
        rc.pinned = extras.pinned;
        rc.selection_name = s.name;
        if (first.empty()) first = rc.guid;
        for (const auto& g : c.note_refs) note_refs_.push_back({g, core::MemoTarget::coding, rc.guid});
        out_.codings.push_back(std::move(rc));
    }
    const std::string anchor = first;
    if (!marked.text.empty()) {
        RefiMemo m;
        m.text = marked.text;
        m.author = s.user;
        m.created = s.created;
        if (!anchor.empty()) {
            m.target = core::MemoTarget::coding;
            m.target_guid = anchor;
        } else {
            m.target = core::MemoTarget::document;
            m.target_guid = s.source_guid;
            m.title = "Comment at " + std::to_string(*a) + "-" + std::to_string(*b);
        }
        out_.memos.push_back(std::move(m));
    }
    for (const auto& g : s.note_refs) {
        if (anchor.empty()) note_refs_.push_back({g, core::MemoTarget::document, s.source_guid});
        else note_refs_.push_back({g, core::MemoTarget::coding, anchor});
    }
}

void QdpxReader::resolve_notes(const pugi::xml_node& root) {
    for (const auto& n : kids(root, "NoteRef")) {
        if (auto g = normalise_guid(n.attribute("targetGUID").as_string())) note_refs_.push_back({*g, core::MemoTarget::project, ""});
    }
    std::map<std::string, NoteRef> target;
    for (const auto& r : note_refs_) target.emplace(r.note_guid, r);  // the first reference wins
    for (const auto& guid : note_order_) {
        const RawNote& note = notes_.at(guid);
        RefiMemo m;
        m.title = note.title;
        m.text = note.text;
        m.author = note.author;
        m.created = note.created;
        const Marked marked = split_marker(note.description, kCaseMemoMarker);
        if (const auto it = target.find(guid); it != target.end()) {
            m.target = it->second.target;
            m.target_guid = it->second.target_guid;
        } else if (marked.json) {
            m.target = core::MemoTarget::case_;
            m.target_guid = normalise_guid(trim(*marked.json)).value_or("");
        }
        if (m.target == core::MemoTarget::document && note.selection && m.title.empty()) {
            // An annotation (QualCoder): a note on a passage of the source that refers to it.
            if (const auto t = texts_.find(m.target_guid); t != texts_.end()) {
                const auto a = t->second.convert(note.selection->start, unit_);
                const auto b = t->second.convert(note.selection->end, unit_);
                if (a && b) m.title = "Comment at " + std::to_string(*a) + "-" + std::to_string(*b);
            }
        }
        out_.memos.push_back(std::move(m));
    }
}

RefiProject QdpxReader::read() {
    const std::string qde = find_qde();
    const std::string qde_bytes = zip_.read(qde);
    const auto xml_doc = importers::parse_xml_part(qde_bytes, path_, qde);
    const auto root = xml_doc.document_element();
    if (local_name(root) != "Project") {
        throw core::InputError({path_ + "/" + qde}, "not a REFI-QDA project: the root element is <" +
                                                         std::string(root.name()) + ">, not <Project>");
    }
    out_.name = root.attribute("name").as_string();
    out_.path = path_;
    out_.origin = root.attribute("origin").as_string();
    read_users(root);
    read_codes(kid(kid(root, "CodeBook"), "Codes"), out_, note_refs_);
    for (const auto& c : out_.codes) code_guids_.insert(c.guid);
    read_variables(root);
    read_cases(root);
    read_sources(root);
    read_notes(root);
    place_selections();
    std::optional<json> ext;  // comb.json: Comb's own data, when this .qde is the one it was written with
    if (const auto e = entries_.find(std::string(kExtensionEntry)); e != entries_.end()) {
        ext = parse_extension(zip_.read(e->second), qde_bytes, out_.warnings);
    }
    read_sets(kid(root, "Sets"), out_, note_refs_, ext ? extension_themes(*ext) : std::set<std::string>{});
    resolve_notes(root);
    if (const std::string memo = trim(kid_text(root, "Description")); !memo.empty()) {
        RefiMemo m;  // the project's memo, where QualCoder and Comb write it
        m.text = memo;
        out_.memos.push_back(std::move(m));
    }
    if (ext) apply_extension(*ext, out_);
    if (const auto links = kids(kid(root, "Links"), "Link"); !links.empty()) {
        out_.warnings.push_back(std::to_string(links.size()) + " links not imported: Comb has no links yet");
    }
    if (const auto graphs = kids(kid(root, "Graphs"), "Graph"); !graphs.empty()) {
        out_.warnings.push_back(std::to_string(graphs.size()) + " graphs not imported: Comb has no graphs");
    }
    return std::move(out_);
}

}  // namespace

RefiProject read_qdpx_bytes(std::string_view bytes, const std::string& path) {
    try {
        return QdpxReader(bytes, path).read();
    } catch (const nlohmann::json::exception& e) {
        throw core::InputError({path}, std::string("Comb's own data (a marker or comb.json) is malformed (") + e.what() + ")");
    } catch (const std::invalid_argument& e) {
        throw core::InputError({path}, std::string("Comb's own data (comb.json) holds tags not understood (") + e.what() + ")");
    }
}

RefiProject read_qdpx(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::InputError({path.string()}, "cannot open the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return read_qdpx_bytes(ss.str(), path.string());
}

}  // namespace comb::refi
