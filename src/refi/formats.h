// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// REFI-QDA as a format like the others: registers .qdpx with the import registry (a project
// merged by ImportProject) and .qdc (codebook) and .qdpx (project) with the export registry,
// so `comb import`, `comb export` and the GUI's import and export lists reach them through
// the registries. Front ends call register_formats() once at start-up (more calls do nothing).
namespace comb::refi {

void register_formats();

}  // namespace comb::refi
