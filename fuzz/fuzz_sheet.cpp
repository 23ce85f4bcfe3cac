// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point for the case attribute sheet reader (read_sheet): fuzz_csv feeds the
// bytes as a .csv, fuzz_xlsx as a .xlsx (chosen at compile time by COMB_FUZZ_EXTENSION).
// read_sheet takes a path, so each input is written to a file of this process first.
// Refusing input with core::InputError is fine; anything else escaping, a sanitizer report,
// or a sheet that breaks its promises (a header, rows numbered upwards) is a bug.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.h"
#include "core/utf8.h"
#include "import/sheet_reader.h"

namespace {

void require(bool ok) {
    if (!ok) std::abort();
}

const std::filesystem::path& input_path() {
    static const std::filesystem::path path = std::filesystem::temp_directory_path() /
        ("comb-fuzz-sheet-" + std::to_string(::getpid()) + COMB_FUZZ_EXTENSION);
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(input_path(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const auto sheet = comb::importers::read_sheet(input_path());
        std::int64_t line = 0;
        for (const auto& h : sheet.header) require(!comb::core::utf8::first_invalid(h));
        for (const auto& row : sheet.rows) {
            require(row.line > line);
            line = row.line;
            for (const auto& cell : row.cells) require(!comb::core::utf8::first_invalid(cell));
        }
    } catch (const comb::core::InputError&) {
        // Refused cleanly: what bad input should get.
    }
    return 0;
}
