// SPDX-License-Identifier: GPL-3.0-or-later
// MainFrame's shared-project parts: File > Open shared project... and the status bar's word
// on the server connection. The URI goes into the recent list and the settings without a
// password: a password typed into the URI or asked for is put in PGPASSWORD for this process
// only, where libpq looks for it, and never written anywhere.
#include <wx/progdlg.h>
#include <wx/textdlg.h>

#include <chrono>
#include <cstdlib>
#include <future>

#include "core/error.h"
#include "gui/main_frame.h"
#include "gui/wx_text.h"
#include "store_pg/open_store.h"
#include "store_pg/pg_connection.h"
#include "store_pg/pg_project.h"
#include "store_pg/wakeup.h"

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

// What connecting on the worker gave: the open project, or why not (cancelled: empty error).
struct MainFrame::Connected {
    std::unique_ptr<core::Repository> repo;
    std::string error;
    bool cancelled = false;
};

MainFrame::Connected MainFrame::connect_shared(const std::string& uri) {
    store::Wakeup cancel;
    auto work = std::async(std::launch::async, [&uri, &cancel]() -> Connected {
        try {
            return {store::PgProject::open(uri, &cancel), {}, false};
        } catch (const core::Cancelled&) {
            return {nullptr, {}, true};
        } catch (const std::exception& e) {
            return {nullptr, e.what(), false};
        }
    });
    // The window keeps answering (repaints, other events) while the worker waits for the server.
    wxProgressDialog busy("Open shared project", to_wx("Connecting to " + store::redact_uri(uri) + "..."), 100, this,
                          wxPD_CAN_ABORT | wxPD_APP_MODAL | wxPD_ELAPSED_TIME);
    const auto start = std::chrono::steady_clock::now();
    bool cancelling = false;
    while (work.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) {
        const int elapsed = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                 std::chrono::steady_clock::now() - start).count());
        const bool go_on = busy.Pulse() && !(connect_watch_ && connect_watch_(elapsed));
        if (!go_on && !cancelling) {
            cancelling = true;
            cancel.signal();  // the worker stops waiting at once
        }
    }
    return work.get();
}

bool MainFrame::open_shared(std::string uri) {
    if (!store::is_server_location(uri)) {
        wb_.report_error("not a PostgreSQL URI (postgresql://user@host/database): " + uri);
        return false;
    }
    if (const auto password = take_password(uri)) setenv("PGPASSWORD", password->c_str(), 1);
    for (int attempt = 0;; ++attempt) {
        auto connected = connect_shared(uri);
        if (connected.cancelled) {
            SetStatusText(to_wx("Not connected to " + store::redact_uri(uri) + ": cancelled"), 3);
            return false;
        }
        if (connected.repo) return open_project(uri, std::move(connected.repo));
        if (!wants_password(connected.error) || attempt == 3) {
            wb_.report_error(connected.error);
            return false;
        }
        wxPasswordEntryDialog ask(this, to_wx("Password for " + uri + (attempt ? " (try again)" : "")), "Open shared project");
        if (ask.ShowModal() != wxID_OK) return false;
        setenv("PGPASSWORD", from_wx(ask.GetValue()).c_str(), 1);
    }
}

void MainFrame::watch_connection() {
    connection_ = wb_.connection_changed().subscribe([this](const ConnectionChanged& e) {
        SetStatusText(e.lost ? wxString("Server out of reach: showing what was last read; connecting again...")
                             : wxString("Connected to the server again; caught up"),
                      3);
    });
}

}  // namespace comb::gui
