// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/settings.h"

#include <wx/config.h>

#include "gui/wx_text.h"

namespace comb::gui {
namespace {

template <class T>
struct Key {
    const char* name;
    T fallback;
};

constexpr Key<const char*> kPerspective{"/Layout/Perspective", ""};
constexpr Key<const char*> kFrameGeometry{"/Layout/Frame", ""};
constexpr Key<const char*> kLastProject{"/Session/LastProject", ""};
constexpr Key<long> kLastDocument{"/Session/LastDocument", 0};
constexpr Key<long> kLastPosition{"/Session/LastPosition", 0};
constexpr Key<long> kLastCode{"/Session/LastCode", 0};
constexpr Key<const char*> kFontFace{"/View/FontFace", ""};
constexpr Key<long> kFontSize{"/View/FontSize", 11};
constexpr Key<long> kHighlightStyle{"/View/HighlightStyle", 0};
constexpr Key<const char*> kCoderName{"/Team/Coder", ""};
constexpr Key<long> kSnapToWords{"/View/SnapToWords", 1};
constexpr Key<const char*> kLastImportFolder{"/Session/LastImportFolder", ""};

std::string read(const wxConfigBase& c, const Key<const char*>& k) {
    return from_wx(c.Read(k.name, wxString::FromUTF8(k.fallback)));
}
long read(const wxConfigBase& c, const Key<long>& k) { return c.ReadLong(k.name, k.fallback); }
void write(wxConfigBase& c, const Key<const char*>& k, const std::string& v) { c.Write(k.name, to_wx(v)); }
void write(wxConfigBase& c, const Key<long>& k, long v) { c.Write(k.name, v); }

}  // namespace

std::string Settings::perspective() const { return read(config_, kPerspective); }
void Settings::set_perspective(const std::string& value) { write(config_, kPerspective, value); }
std::string Settings::frame_geometry() const { return read(config_, kFrameGeometry); }
void Settings::set_frame_geometry(const std::string& value) { write(config_, kFrameGeometry, value); }
std::string Settings::last_project() const { return read(config_, kLastProject); }
void Settings::set_last_project(const std::string& path) { write(config_, kLastProject, path); }
std::int64_t Settings::last_document() const { return read(config_, kLastDocument); }
void Settings::set_last_document(std::int64_t id) { write(config_, kLastDocument, static_cast<long>(id)); }
std::int64_t Settings::last_position() const { return read(config_, kLastPosition); }
void Settings::set_last_position(std::int64_t cp) { write(config_, kLastPosition, static_cast<long>(cp)); }
std::int64_t Settings::last_code() const { return read(config_, kLastCode); }
void Settings::set_last_code(std::int64_t id) { write(config_, kLastCode, static_cast<long>(id)); }
std::string Settings::font_face() const { return read(config_, kFontFace); }
void Settings::set_font_face(const std::string& face) { write(config_, kFontFace, face); }
int Settings::font_size() const { return static_cast<int>(read(config_, kFontSize)); }
void Settings::set_font_size(int points) { write(config_, kFontSize, points); }

std::string Settings::coder_name() const { return read(config_, kCoderName); }
void Settings::set_coder_name(const std::string& name) { write(config_, kCoderName, name); }

HighlightStyle Settings::highlight_style() const {
    const long v = read(config_, kHighlightStyle);
    return v == 1 ? HighlightStyle::underline : v == 2 ? HighlightStyle::text : HighlightStyle::box;
}
void Settings::set_highlight_style(HighlightStyle style) {
    write(config_, kHighlightStyle, static_cast<long>(style));
}

bool Settings::snap_to_words() const { return read(config_, kSnapToWords) != 0; }
void Settings::set_snap_to_words(bool on) { write(config_, kSnapToWords, on ? 1 : 0); }
std::string Settings::last_import_folder() const { return read(config_, kLastImportFolder); }
void Settings::set_last_import_folder(const std::string& folder) { write(config_, kLastImportFolder, folder); }

void Settings::flush() { config_.Flush(); }

}  // namespace comb::gui
