// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Settings: the one typed facade over wxConfig. Each key and its default are written once,
// in settings.cpp; callers see typed getters and setters only.
#include <cstdint>
#include <string>

class wxConfigBase;

namespace comb::gui {

enum class HighlightStyle { box, underline, text };  // how coded text is marked

class Settings {
public:
    explicit Settings(wxConfigBase& config) : config_(config) {}

    std::string perspective() const;  // wxAuiManager layout; empty: default layout
    void set_perspective(const std::string& value);
    std::string frame_geometry() const;  // "x,y,width,height,maximized"; empty: default
    void set_frame_geometry(const std::string& value);
    std::string last_project() const;
    void set_last_project(const std::string& path);
    std::int64_t last_document() const;  // id in the last project; 0: none
    void set_last_document(std::int64_t id);
    std::int64_t last_position() const;  // code point in the last document
    void set_last_position(std::int64_t cp);
    std::int64_t last_code() const;  // the selected code in the last project; 0: none
    void set_last_code(std::int64_t id);
    std::string font_face() const;  // empty: the system's fixed-width font
    void set_font_face(const std::string& face);
    int font_size() const;
    void set_font_size(int points);
    HighlightStyle highlight_style() const;
    void set_highlight_style(HighlightStyle style);
    // The name recorded on your codings and memos; empty until asked on first use.
    std::string coder_name() const;
    void set_coder_name(const std::string& name);

    bool snap_to_words() const;  // mouse selections in the transcript grow to whole words
    void set_snap_to_words(bool on);
    std::string last_import_folder() const;  // where File > Import last found files; empty: none
    void set_last_import_folder(const std::string& folder);

    wxConfigBase& config() { return config_; }  // for wxFileHistory's own keys
    void flush();

private:
    wxConfigBase& config_;
};

}  // namespace comb::gui
