// SPDX-License-Identifier: GPL-3.0-or-later
// comb_corpus [--scale S] [--seed N] DIR: writes the benchmark transcripts as DIR/P0001.txt ...
// (2,000 x 8,000 words at scale 1), to time `comb import DIR` end to end.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "corpus.h"

int main(int argc, char** argv) {
    comb::bench::CorpusSpec spec;
    double scale = 1.0;
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--scale" && i + 1 < argc) scale = std::atof(argv[++i]);
        else if (a == "--seed" && i + 1 < argc) spec.seed = std::strtoull(argv[++i], nullptr, 10);
        else dir = a;
    }
    if (dir.empty() || scale <= 0) {
        std::cerr << "usage: comb_corpus [--scale S] [--seed N] DIR\n";
        return 1;
    }
    spec.transcripts = std::max(1, static_cast<int>(spec.transcripts * scale + 0.5));
    std::filesystem::create_directories(dir);
    for (int n = 0; n < spec.transcripts; ++n) {
        const auto d = comb::bench::transcript(spec, n);
        std::ofstream(std::filesystem::path(dir) / d.name, std::ios::binary) << d.text;
    }
    std::cout << "Wrote " << spec.transcripts << " transcripts to " << dir << "\n";
    return 0;
}
