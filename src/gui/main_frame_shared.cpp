// SPDX-License-Identifier: GPL-3.0-or-later
// MainFrame's shared-project parts: File > Open shared project... and the status bar's word
// on the server connection. The URI goes into the recent list and the settings without a
// password: a password typed into the URI or asked for is put in PGPASSWORD for this process
// only, where libpq looks for it, and never written anywhere.
#include <wx/textdlg.h>

#include <cstdlib>

#include "core/error.h"
#include "gui/main_frame.h"
#include "gui/wx_text.h"
#include "store_pg/open_store.h"
#include "store_pg/pg_connection.h"

namespace comb::gui {

namespace {

// Takes a password out of `uri` (postgresql://user:secret@host/db -> postgresql://user@host/db),
// returning it.
std::optional<std::string> take_password(std::string& uri) {
    const auto scheme = uri.find("://");
    const auto at = uri.find('@');
    if (scheme == std::string::npos || at == std::string::npos) return std::nullopt;
    const auto colon = uri.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return std::nullopt;
    std::string password = uri.substr(colon + 1, at - colon - 1);
    uri.erase(colon, at - colon);
    return password;
}

bool wants_password(const std::string& message) {
    return message.find("password") != std::string::npos;  // "no password supplied", "password authentication failed"
}

}  // namespace

void MainFrame::on_open_shared(wxCommandEvent&) {
    wxTextEntryDialog dialog(this,
                             "The project's PostgreSQL URI, for example\n"
                             "postgresql://alex@db.example.org/mecc?sslmode=require\n"
                             "(a password is asked for when the server wants one; ~/.pgpass works too)",
                             "Open shared project", "postgresql://");
    if (dialog.ShowModal() != wxID_OK) return;
    open_shared(from_wx(dialog.GetValue()));
}

bool MainFrame::open_shared(std::string uri) {
    if (!store::is_server_location(uri)) {
        wb_.report_error("not a PostgreSQL URI (postgresql://user@host/database): " + uri);
        return false;
    }
    if (const auto password = take_password(uri)) setenv("PGPASSWORD", password->c_str(), 1);
    for (int attempt = 0; attempt < 3; ++attempt) {
        try {
            store::PgConnection probe(uri);  // asks nothing of the project yet
            break;
        } catch (const core::InputError& e) {
            if (!wants_password(e.what())) break;  // open_project says what is wrong
            wxPasswordEntryDialog ask(this, to_wx("Password for " + uri + (attempt ? " (try again)" : "")), "Open shared project");
            if (ask.ShowModal() != wxID_OK) return false;
            setenv("PGPASSWORD", from_wx(ask.GetValue()).c_str(), 1);
        }
    }
    return open_project(uri);
}

void MainFrame::watch_connection() {
    connection_ = wb_.connection_changed().subscribe([this](const ConnectionChanged& e) {
        SetStatusText(e.lost ? wxString("Server out of reach: showing what was last read; connecting again...")
                             : wxString("Connected to the server again; caught up"),
                      3);
    });
}

}  // namespace comb::gui
