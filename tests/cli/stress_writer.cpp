// SPDX-License-Identifier: GPL-3.0-or-later
// A long-lived writer for the concurrency tests, like comb-gui: one connection kept open for
// its whole life. Usage: comb_stress_writer PROJECT DOC CODE COUNT POKE
// Codes [i, i+1) of document DOC with CODE for i < COUNT, one transaction each, printing
// "ok ID" for every coding whose command returned ("refused MESSAGE" otherwise). With POKE=1
// it opens and closes a descriptor on the project, its -wal and its -shm between actions, as
// GTK's file chooser does, which drops every POSIX lock this process holds on them. Then it
// prints "done", waits for a line on stdin and prints "view ID ID ..." (all codings it sees).
#include <fcntl.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include "core/commands/coding_commands.h"
#include "core/error.h"
#include "core/project.h"
#include "store/project_file.h"

using namespace comb;

int main(int argc, char** argv) {
    if (argc != 6) return 2;
    const std::string project = argv[1];
    const core::DocumentId doc(std::stoll(argv[2]));
    const std::string code = argv[3];
    const int count = std::stoi(argv[4]);
    const bool poke = std::string(argv[5]) == "1";
    auto file = store::ProjectFile::open(project);
    core::Project p(*file, "writer " + code);
    for (int i = 0; i < count; ++i) {
        try {
            const auto changes = p.execute(core::ApplyCodings({{doc, {core::CodePoint(i), core::CodePoint(i + 1)}}}, code, ""));
            for (const auto& c : changes.changes) {
                if (const auto* coding = c.after ? std::get_if<core::Coding>(&*c.after) : nullptr) {
                    std::cout << "ok " << coding->id.value << "\n" << std::flush;
                }
            }
        } catch (const core::Error& e) {
            std::cout << "refused " << e.what() << "\n" << std::flush;
        }
        if (poke) {
            for (const char* suffix : {"", "-wal", "-shm"}) {
                const int fd = ::open((project + suffix).c_str(), O_RDONLY | O_CLOEXEC);
                if (fd >= 0) ::close(fd);
            }
        }
    }
    std::cout << "done\n" << std::flush;
    std::string line;
    std::getline(std::cin, line);
    std::cout << "view";
    for (const auto& c : file->codings()) std::cout << " " << c.id.value;
    std::cout << "\n" << std::flush;
    return 0;
}
