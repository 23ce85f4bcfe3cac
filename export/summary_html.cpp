// SPDX-License-Identifier: GPL-3.0-or-later
// The barrier/facilitator summary for programme leads: one self-contained HTML file (inline CSS
// and SVG; no scripts, fonts or images fetched) that reads on screen and prints on A4. It opens
// with the totals and two charts (barriers against facilitators by level; a COM-B by level heat
// map), then gives each level (and actor) its barriers and facilitators side by side: how many
// participants raised each, its COM-B labels and one or two quotes. Colour always comes with a
// text label; headings are in order; charts carry titles and text descriptions.
#include <string>

#include "export/summary_charts.h"
#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

constexpr const char* kStyle = R"css(
:root { --ink: #1f2933; --muted: #52606d; --rule: #d9dee4; --paper: #ffffff;
  --barrier: #b34700; --barrier-bg: #fdf3ec; --facilitator: #005b8e; --facilitator-bg: #edf5fb; }
* { box-sizing: border-box; }
/* Sizes are in rem, so print scales everything by setting the root size alone. */
html { background: #f4f6f8; font-size: 15px; }
body { max-width: 74rem; margin: 0 auto; padding: 2rem 2.5rem 3rem; background: var(--paper);
  color: var(--ink); font: 1rem/1.5 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans",
  sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .6rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .3rem; padding-bottom: .3rem;
  border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 0 0 .6rem; }
h4 { font-size: 1rem; margin: 0 0 .25rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: var(--muted);
  margin: 0; }
.lede { font-size: 1.05rem; max-width: 48rem; margin: 0 0 1rem; }
.facts { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0; padding: 0; }
.facts div { border: 1px solid var(--rule); border-radius: 6px; padding: .4rem .9rem;
  min-width: 8rem; }
.facts dt { font-size: .78rem; color: var(--muted); text-transform: uppercase;
  letter-spacing: .05em; }
.facts dd { margin: 0; font-size: 1.35rem; font-weight: 600; }
nav ol { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: 0; margin: 1rem 0 0;
  list-style: none; font-size: .9rem; }
a { color: var(--facilitator); }
/* Charts keep their own size and sit side by side only when both fit: scaled down, their
   labels get too small. A table-caption figcaption wraps at its chart's width. */
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
figure { display: table; margin: .6rem 0 0; }
figcaption { display: table-caption; caption-side: bottom; font-size: .85rem;
  color: var(--muted); margin-top: .3rem; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
.chart text { font-size: 13px; fill: var(--ink); }
.chart .col { text-anchor: middle; font-weight: 600; font-size: 12px; }
.chart .row { text-anchor: end; }
.chart .code, .chart .sub { fill: var(--muted); }
.chart .cell { text-anchor: middle; font-weight: 600; }
.chart .cell.dark { fill: #ffffff; }
.chart .level { font-weight: 600; }
.level-counts { color: var(--muted); margin: 0 0 1rem; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.column > h3 { padding: .3rem .6rem; border-radius: 4px; }
.barriers > h3 { color: var(--barrier); background: var(--barrier-bg);
  border-left: 4px solid var(--barrier); }
.facilitators > h3 { color: var(--facilitator); background: var(--facilitator-bg);
  border-left: 4px solid var(--facilitator); }
.item { border: 1px solid var(--rule); border-radius: 6px; padding: .7rem .9rem .8rem;
  margin: 0 0 .9rem; }
.barriers .item { border-left: 4px solid var(--barrier); }
.facilitators .item { border-left: 4px solid var(--facilitator); }
.reach { display: flex; align-items: center; gap: .5rem; margin: 0 0 .35rem; font-size: .88rem;
  color: var(--muted); }
.reach svg { flex: none; }
.tags { margin: 0 0 .45rem; }
.tag { display: inline-block; font-size: .78rem; border: 1px solid var(--muted);
  border-radius: 3px; padding: 0 .35rem; margin: 0 .25rem .2rem 0; color: var(--ink); }
.tag b { font-weight: 600; }
.item p.desc { margin: 0 0 .5rem; }
blockquote { margin: .45rem 0 0; padding: .1rem 0 .1rem .75rem; border-left: 2px solid var(--rule);
  font-style: italic; }
blockquote p { margin: 0; }
blockquote footer { font-style: normal; font-size: .85rem; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.none { color: var(--muted); font-style: italic; }
.about { margin-top: 2.5rem; font-size: .88rem; color: var(--muted); }
.about h2 { font-size: 1.05rem; color: var(--ink); border-bottom-width: 1px; }
.about dl { display: grid; grid-template-columns: repeat(3, max-content 1fr); gap: .1rem 1rem; }
.about dt { font-weight: 600; color: var(--ink); }
.about dd { margin: 0; }
@media screen and (max-width: 44rem) {
  body { padding: 1rem; }
  .columns { grid-template-columns: 1fr; }
  .about dl { grid-template-columns: max-content 1fr; }
  figure { display: block; }
}
@page { size: A4; margin: 14mm 13mm 16mm; }
@media print {
  html { background: none; font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { margin-top: 1.2rem; }
  h2, h3, h4, .level-counts { break-after: avoid; page-break-after: avoid; }
  .item, figure, blockquote, .facts div { break-inside: avoid; page-break-inside: avoid; }
  .about { margin-top: 1.2rem; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)css";

std::string plural(int n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string html_lines(const std::string& s) {
    std::string out;
    for (const auto& line : text::lines(s)) out += (out.empty() ? "" : "<br>") + text::html(line);
    return out;
}

std::string title_of(const Summary& s, const SummaryOptions& options) {
    if (!options.title.empty()) return options.title;
    return s.meta.project.empty() ? "Barriers and facilitators"
                                  : "Barriers and facilitators: " + s.meta.project;
}

std::string group_heading(const SummaryGroup& g) {
    return g.heading.empty() ? text::level_heading(g.level) : g.heading;
}

std::string fact(const std::string& label, const std::string& value) {
    return "<div><dt>" + text::html(label) + "</dt><dd>" + text::html(value) + "</dd></div>";
}

std::string masthead(const Summary& s, const SummaryOptions& options) {
    const auto& t = s.totals;
    std::string out = "<header>\n<p class=\"kicker\">Barrier and facilitator summary</p>\n";
    out += "<h1>" + text::html(title_of(s, options)) + "</h1>\n";
    out += "<p class=\"lede\">What helps and what gets in the way, level by level, and how many "
           "participants said so, in their own words.</p>\n<dl class=\"facts\">";
    out += fact("Participants", std::to_string(t.participants));
    out += fact("Documents", std::to_string(t.documents));
    out += fact("Coded segments", std::to_string(t.codings));
    if (!s.meta.date.empty()) out += fact("Date", s.meta.date);
    out += "</dl>\n";
    if (!s.groups.empty()) {
        out += "<nav aria-label=\"Levels\"><ol>";
        for (std::size_t i = 0; i < s.groups.size(); ++i) {
            out += "<li><a href=\"#level-" + std::to_string(i + 1) + "\">" +
                   text::html(group_heading(s.groups[i])) + "</a></li>";
        }
        out += "</ol></nav>\n";
    }
    return out + "</header>\n";
}

std::string overview(const Summary& s) {
    const auto balance = charts::balance_svg(s, "chart-balance");
    const auto heat = charts::heat_map_svg(s, "chart-heat");
    if (balance.empty() && heat.empty()) return {};
    std::string out = "<section aria-labelledby=\"overview\">\n<h2 id=\"overview\">At a glance"
                      "</h2>\n<div class=\"charts\">\n";
    if (!balance.empty()) {
        out += "<figure>\n" + balance + "<figcaption>Barriers and facilitators at each level, in " +
               text::html(s.count_unit) + ".</figcaption>\n</figure>\n";
    }
    if (!heat.empty()) {
        out += "<figure>\n" + heat + "<figcaption>Where the " + text::html(s.count_unit) +
               " fall in the COM-B model (capability, opportunity, motivation) at each level; "
               "darker means more.</figcaption>\n</figure>\n";
    }
    return out + "</div>\n</section>\n";
}

// How many participants raised an item, as words and as a small bar (decorative: the words say
// it all, so the bar is hidden from screen readers).
std::string reach(const SummaryItem& item, int participants, const char* colour) {
    std::string words = "Raised by " + std::to_string(item.n_participants);
    words += participants > 0 ? " of " + plural(participants, "participant", "participants")
                              : (item.n_participants == 1 ? " participant" : " participants");
    std::string out = "<p class=\"reach\">";
    if (participants > 0) {
        const int w = std::min(item.n_participants, participants) * 80 / participants;
        out += "<svg width=\"80\" height=\"8\" viewBox=\"0 0 80 8\" aria-hidden=\"true\" "
               "focusable=\"false\"><rect width=\"80\" height=\"8\" rx=\"2\" fill=\"#E4E7EB\"/>"
               "<rect width=\"" + std::to_string(w) + "\" height=\"8\" rx=\"2\" fill=\"" +
               colour + "\"/></svg>";
    }
    return out + "<span>" + text::html(words) + "</span></p>\n";
}

std::string item_card(const SummaryItem& item, int participants, const char* colour) {
    std::string out = "<article class=\"item\">\n<h4>" + text::html(item.label) + "</h4>\n";
    out += reach(item, participants, colour);
    if (!item.comb.empty()) {
        out += "<p class=\"tags\"><span class=\"visually-hidden\">COM-B: </span>";
        for (const auto c : item.comb) {
            out += "<span class=\"tag\"><b>" + text::html(core::to_string(c)) + "</b> " +
                   text::html(core::label(c)) + "</span>";
        }
        out += "</p>\n";
    }
    if (!item.description.empty()) {
        out += "<p class=\"desc\">" + html_lines(item.description) + "</p>\n";
    }
    for (const auto& q : item.quotes) {
        out += "<blockquote><p>\u201c" + html_lines(text::inner_quotes(q.text)) + "\u201d</p>";
        const auto who = text::attribution(q, true);
        if (!who.empty()) out += "<footer>\u2014 " + text::html(who) + "</footer>";
        out += "</blockquote>\n";
    }
    return out + "</article>\n";
}

std::string column(const char* cls, const char* icon, const char* name, const char* none,
                   const std::vector<SummaryItem>& items, int participants, const char* colour) {
    std::string out = std::string("<div class=\"column ") + cls + "\">\n<h3><span aria-hidden=\"true\">" +
                      icon + "</span> " + name + " (" + std::to_string(items.size()) + ")</h3>\n";
    if (items.empty()) out += std::string("<p class=\"none\">") + none + "</p>\n";
    for (const auto& item : items) out += item_card(item, participants, colour);
    return out + "</div>\n";
}

std::string group_section(const Summary& s, std::size_t index) {
    const auto& g = s.groups[index];
    const auto id = "level-" + std::to_string(index + 1);
    std::string out = "<section class=\"level\" aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id +
                      "\">" + text::html(group_heading(g)) + "</h2>\n";
    out += "<p class=\"level-counts\">" +
           plural(static_cast<int>(g.barriers.size()), "barrier", "barriers") + " and " +
           plural(static_cast<int>(g.facilitators.size()), "facilitator", "facilitators") +
           "</p>\n<div class=\"columns\">\n";
    const int n = s.totals.participants;
    out += column("barriers", "\u25BC", "Barriers", "No barriers found at this level.",
                  g.barriers, n, charts::kBarrierColour);
    out += column("facilitators", "\u25B2", "Facilitators", "No facilitators found at this level.",
                  g.facilitators, n, charts::kFacilitatorColour);
    return out + "</div>\n</section>\n";
}

std::string about(const Summary& s) {
    std::string out = "<footer class=\"about\" aria-labelledby=\"about\">\n<h2 id=\"about\">About "
                      "this summary</h2>\n<p>Participant counts are distinct participants who "
                      "raised a point, interviewers excluded. The charts count " +
                      text::html(s.count_unit) + ". COM-B is the capability, opportunity and "
                      "motivation model of behaviour:</p>\n<dl>";
    for (const auto c : core::kAllComB) {
        out += "<dt>" + text::html(core::to_string(c)) + "</dt><dd>" + text::html(core::label(c)) +
               "</dd>";
    }
    out += "</dl>\n";
    if (!s.meta.quote_rule.empty()) out += "<p>" + text::html(s.meta.quote_rule) + "</p>\n";
    const auto source = text::provenance(s.meta);
    if (!source.empty()) out += "<p>" + text::html(source) + "</p>\n";
    return out + "</footer>\n";
}

}  // namespace

void write_summary_html(const Summary& summary, const SummaryOptions& options, AtomicFile& file) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"" + text::html(summary.meta.software) + "\">\n";
    out += "<title>" + text::html(title_of(summary, options)) + "</title>\n";
    out += std::string("<style>") + kStyle + "</style>\n</head>\n<body>\n";
    out += masthead(summary, options) + "<main>\n" + overview(summary);
    for (std::size_t i = 0; i < summary.groups.size(); ++i) out += group_section(summary, i);
    out += "</main>\n" + about(summary) + "</body>\n</html>\n";
    file.write(out);
}

}  // namespace comb::exporters
