// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The writers behind the registry, one per format and file. Each renders a whole model into an
// AtomicFile; the registry commits it. Internal to comb_export.
#include "export/atomic_file.h"
#include "export/registry.h"
#include "export/report_models.h"

namespace comb::exporters {

void write_theme_table_csv(const ThemeTable&, const ThemeTableOptions&, AtomicFile&);
void write_theme_table_md(const ThemeTable&, const ThemeTableOptions&, AtomicFile&);
void write_theme_table_tex(const ThemeTable&, const ThemeTableOptions&, AtomicFile&);
void write_theme_table_html(const ThemeTable&, const ThemeTableOptions&, AtomicFile&);
void write_theme_table_docx(const ThemeTable&, const ThemeTableOptions&, AtomicFile&);
void write_theme_table_xlsx(const ThemeTable&, const ThemeTableOptions&, AtomicFile&);

void write_summary_html(const Summary&, const SummaryOptions&, AtomicFile&);

void write_codebook_csv(const Codebook&, const CodebookOptions&, AtomicFile&);
void write_codebook_docx(const Codebook&, const CodebookOptions&, AtomicFile&);

void write_agreement_csv(const AgreementReport&, AtomicFile&);
void write_agreement_md(const AgreementReport&, AtomicFile&);
void write_agreement_docx(const AgreementReport&, AtomicFile&);
void write_agreement_xlsx(const AgreementReport&, AtomicFile&);

}  // namespace comb::exporters
