// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12: a coding made as comb-gui makes it (no coder, no time from the front end) is
// stamped by the core, so the .qdpx export carries its creatingUser and creationDateTime.
#include <catch2/catch.hpp>

#include "core/commands/coding_commands.h"
#include "refi/comb_markers.h"
#include "refi/qdpx_writer.h"
#include "support/project_builder.h"

using namespace comb;

TEST_CASE("GUI codings are exported with their coder and creation time", "[refi][several][attribution]") {
    test::ProjectBuilder b;
    b.project().set_coder("Robin");
    const auto doc = b.add_document("P1", "P1: no time at all\n", "P1");
    b.project().execute(core::ApplyCodings({{doc, {core::CodePoint(4), core::CodePoint(11)}}}, "Time", ""));
    const std::string xml = refi::project_xml(b.file(), "test");
    const std::string user = refi::stable_guid("comb:user:Robin");
    CHECK(xml.find("<User guid=\"" + user + "\" name=\"Robin\"") != std::string::npos);
    CHECK(xml.find("<Coding guid=\"") != std::string::npos);
    CHECK(xml.find("creatingUser=\"" + user + "\" creationDateTime=\"2025-01-01T00:00:00Z\"") != std::string::npos);
}
