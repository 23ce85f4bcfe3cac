#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes Comb's built-in framework codebooks (REFI-QDA .qdc) into this directory.

The .qdc files are generated from the tables below and committed; run this script again
after editing a definition:

    python3 codebooks/make_codebooks.py
    for f in codebooks/*.qdc; do
        xmllint --noout --schema /work/shared/corpora/refi-qda/Codebook.xsd "$f"; done

GUIDs are deterministic: uuid5(NAMESPACE_URL, "comb:codebook:<file>:<code path>"), where
<file> is the file name (e.g. "comb.qdc") and <code path> the code names joined by "/"
(e.g. "Capability/Physical capability"). Renaming or moving a code changes its GUID.

Every definition is our own short paraphrase (see README.md); check it against the primary
paper before release. A Description is "definition", optionally followed by a blank line and
"CFIR: <id>" or "Comb tags: <tags>" (the tag line is always last).
"""
import os
import uuid
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))


def code(name, definition, *, tags=None, cfir=None, codable=True, color, children=()):
    return dict(name=name, definition=definition, tags=tags, cfir=cfir, codable=codable,
                color=color, children=list(children))


# --------------------------------------------------------------------------------------
# COM-B (Michie, van Stralen & West 2011)
COMB = [
    code("Capability",
         "Whether the person has the mental and bodily capacity to carry out the behaviour, "
         "including the know-how and skills it calls for.",
         codable=False, color="#1F77B4", children=[
             code("Physical capability",
                  "Bodily capacity to do the behaviour: physical skill, strength, dexterity or stamina.",
                  tags="comb=C.Ph", color="#6BAED6"),
             code("Psychological capability",
                  "Capacity for the mental work the behaviour needs: knowing what to do and how, "
                  "understanding, reasoning, remembering and keeping attention on it.",
                  tags="comb=C.Ps", color="#9ECAE1"),
         ]),
    code("Opportunity",
         "Things outside the person that make the behaviour possible or prompt it.",
         codable=False, color="#2CA02C", children=[
             code("Physical opportunity",
                  "What the surroundings provide or withhold: time, money, materials, places, "
                  "equipment and cues to act.",
                  tags="comb=O.Ph", color="#74C476"),
             code("Social opportunity",
                  "What other people and the culture provide: norms, expectations, support, "
                  "examples and social cues that make the behaviour easier or harder.",
                  tags="comb=O.So", color="#A1D99B"),
         ]),
    code("Motivation",
         "Processes in the mind that energise and steer behaviour, covering deliberate choices "
         "as well as habits, emotions and impulses.",
         codable=False, color="#FF7F0E", children=[
             code("Reflective motivation",
                  "Deliberate thinking about the behaviour: plans, intentions and judgements about "
                  "whether it is worthwhile, right or likely to work.",
                  tags="comb=M.Re", color="#FDAE6B"),
             code("Automatic motivation",
                  "Less deliberate drivers of behaviour: feelings, wants, impulses, habits and "
                  "reactions that arise without conscious weighing.",
                  tags="comb=M.Au", color="#FDD0A2"),
         ]),
]

# --------------------------------------------------------------------------------------
# TDF v2 (Cane, O'Connor & Michie 2012); COM-B links after Michie, Atkins & West 2014.
# Colours follow the COM-B link: blues capability, greens opportunity, oranges/reds motivation.
TDF = [
    code("Knowledge",
         "Being aware of something and knowing about it, including how a task is done and what "
         "the situation requires. COM-B link: psychological capability.",
         tags="tdf=Knowledge", color="#4292C6"),
    code("Skills",
         "Abilities and competence built up through practice and training. COM-B link: physical "
         "capability (physical skills) and psychological capability (cognitive and "
         "interpersonal skills).",
         tags="tdf=Skills", color="#6BAED6"),
    code("Social/professional role and identity",
         "How people see their role and who they are at work or in a group, and the conduct and "
         "qualities they take to go with it. COM-B link: reflective and automatic motivation.",
         tags="tdf=Social/professional role and identity", color="#E6550D"),
    code("Beliefs about capabilities",
         "What people believe about their own ability to carry out the behaviour, such as their "
         "confidence or sense of self-efficacy. COM-B link: reflective motivation.",
         tags="tdf=Beliefs about capabilities", color="#FD8D3C"),
    code("Optimism",
         "Expecting that things will go well or that hoped-for results will be reached. COM-B "
         "link: reflective and automatic motivation.",
         tags="tdf=Optimism", color="#F16913"),
    code("Beliefs about consequences",
         "What people believe will result from doing the behaviour, good or bad, for "
         "themselves or others. COM-B link: reflective motivation.",
         tags="tdf=Beliefs about consequences", color="#FDAE6B"),
    code("Reinforcement",
         "Rewards, incentives, penalties or other contingencies that make the behaviour more or "
         "less likely to be repeated. COM-B link: automatic motivation.",
         tags="tdf=Reinforcement", color="#D6616B"),
    code("Intentions",
         "A conscious decision or settled readiness to act in a particular way. COM-B link: "
         "reflective motivation.",
         tags="tdf=Intentions", color="#FDD0A2"),
    code("Goals",
         "Outcomes people want to reach, how they rank them against other aims, and the plans "
         "they make to get there. COM-B link: reflective motivation.",
         tags="tdf=Goals", color="#F5B97F"),
    code("Memory, attention and decision processes",
         "Remembering what to do, keeping attention on what matters and choosing between "
         "options, including overload and mental fatigue. COM-B link: psychological capability.",
         tags="tdf=Memory, attention and decision processes", color="#9ECAE1"),
    code("Environmental context and resources",
         "Features of the person's situation, such as resources, setting, organisational "
         "climate and events, that help or hinder the behaviour. COM-B link: physical "
         "opportunity.",
         tags="tdf=Environmental context and resources", color="#74C476"),
    code("Social influences",
         "Ways in which other people change what someone thinks, feels or does, such as norms, "
         "pressure, support and role models. COM-B link: social opportunity.",
         tags="tdf=Social influences", color="#A1D99B"),
    code("Emotion",
         "Feelings such as fear, anxiety, stress or enthusiasm that the behaviour or its "
         "situation stirs up and that shape what people do. COM-B link: automatic motivation.",
         tags="tdf=Emotion", color="#E7969C"),
    code("Behavioural regulation",
         "Ways of managing or changing one's own actions, such as monitoring oneself, planning "
         "ahead and breaking habits. COM-B link: psychological capability.",
         tags="tdf=Behavioural regulation", color="#C6DBEF"),
]

# --------------------------------------------------------------------------------------
# Levels (macro / organisational / individual, as in Turner et al. 2023)
LEVELS = [
    code("Macro",
         "Factors at the level of the wider system: national or regional policy and strategy, "
         "commissioning and funding, regulation, targets and system governance.",
         tags="level=macro", color="#6A51A3"),
    code("Organisational",
         "Factors within the organisations that deliver the work: leadership, culture and "
         "priorities, staffing, time, resources, training provision and infrastructure.",
         tags="level=organisational", color="#3182BD"),
    code("Individual",
         "Factors about the people involved: their knowledge, skills, confidence, view of their "
         "role, feelings and motivation. Use a child code when it matters which actor is meant.",
         tags="level=individual", color="#31A354", children=[
             code("Trainers",
                  "Individual-level factors about the people who train others to deliver the "
                  "programme (for example MECC trainers).",
                  tags="level=individual:trainer", color="#74C476"),
             code("Agents",
                  "Individual-level factors about the front-line staff or volunteers who deliver "
                  "the intervention in their contacts with people (for example MECC agents).",
                  tags="level=individual:agent", color="#A1D99B"),
         ]),
]

# --------------------------------------------------------------------------------------
# Valence
VALENCE = [
    code("Barrier",
         "The passage describes something that hinders, delays or blocks the behaviour or its "
         "implementation.",
         tags="valence=barrier", color="#E6194B"),
    code("Facilitator",
         "The passage describes something that helps, enables or speeds up the behaviour or its "
         "implementation.",
         tags="valence=facilitator", color="#3CB44B"),
    code("Mixed",
         "The passage describes something that helps in some respects, for some people or at "
         "some times, and hinders in others.",
         tags="valence=mixed", color="#F58231"),
    code("Neutral",
         "The factor is mentioned without a clear helping or hindering effect.",
         tags="valence=neutral", color="#A9A9A9"),
]

# --------------------------------------------------------------------------------------
# CFIR 2.0 (Damschroder, Reardon, Opra Widerquist & Lowery 2022): 5 domains, 48 constructs,
# 19 subconstructs. The Individuals domain keeps its two subdomains as non-codable groups.
def cfir_group(roman, name, definition, color, children):
    return code(name, definition, cfir=roman, codable=False, color=color, children=children)


INNOVATION = "#8C6BB1"
OUTER = "#2B8CBE"
INNER = "#41AB5D"
INDIV = "#EC7014"
PROCESS = "#CB181D"

CFIR = [
    cfir_group("I", "Innovation",
               "The thing being implemented, such as a programme, practice, policy or tool, and "
               "its own features.", INNOVATION, [
        code("Innovation Source",
             "Whether the group that developed or backs the innovation is seen as credible, "
             "trustworthy and legitimate.", cfir="I.A", color="#9E9AC8"),
        code("Innovation Evidence-Base",
             "How convincing the evidence is that the innovation works, whether it comes from "
             "research, experience or local data.", cfir="I.B", color="#9E9AC8"),
        code("Innovation Relative Advantage",
             "Whether the innovation is seen as better than current practice or the other "
             "options available.", cfir="I.C", color="#9E9AC8"),
        code("Innovation Adaptability",
             "How easily the innovation can be changed, tailored or refined to suit local needs.",
             cfir="I.D", color="#9E9AC8"),
        code("Innovation Trialability",
             "Whether the innovation can be tried out on a small scale first and stopped or "
             "withdrawn if needed.", cfir="I.E", color="#9E9AC8"),
        code("Innovation Complexity",
             "How complicated the innovation is, for example its scope and the number and "
             "difficulty of the steps it involves.", cfir="I.F", color="#9E9AC8"),
        code("Innovation Design",
             "How well the innovation is designed and packaged, including its materials and "
             "the way it is presented.", cfir="I.G", color="#9E9AC8"),
        code("Innovation Cost",
             "Whether the costs of acquiring and running the innovation can be afforded.",
             cfir="I.H", color="#9E9AC8"),
    ]),
    cfir_group("II", "Outer Setting",
               "The wider context around the setting where implementation happens; it can span "
               "several levels, such as community, region or nation.", OUTER, [
        code("Critical Incidents",
             "Large, unexpected events outside the setting, such as a pandemic or a disaster, "
             "that disrupt implementation or delivery.", cfir="II.A", color="#74A9CF"),
        code("Local Attitudes",
             "Whether values and beliefs held in the local community or wider context favour "
             "the innovation.", cfir="II.B", color="#74A9CF"),
        code("Local Conditions",
             "Whether economic, environmental, political or technological conditions in the "
             "wider context make implementation easier.", cfir="II.C", color="#74A9CF"),
        code("Partnerships & Connections",
             "How well the setting is linked to outside organisations through networks, "
             "partnerships and referral routes.", cfir="II.D", color="#74A9CF"),
        code("Policies & Laws",
             "Whether laws, regulations, guidance and accreditation standards from outside the "
             "setting support implementation.", cfir="II.E", color="#74A9CF"),
        code("Financing",
             "Whether outside money, such as grants, reimbursement or commissioning, is "
             "available for implementation and delivery.", cfir="II.F", color="#74A9CF"),
        code("External Pressure",
             "Pressure from outside the setting that pushes it to implement the innovation.",
             cfir="II.G", color="#74A9CF", children=[
                 code("Societal Pressure",
                      "Pressure from public campaigns, advocacy groups or the media.",
                      cfir="II.G1", color="#A6BDDB"),
                 code("Market Pressure",
                      "Pressure to keep up with, or get ahead of, competing or peer "
                      "organisations.", cfir="II.G2", color="#A6BDDB"),
                 code("Performance-Measurement Pressure",
                      "Pressure from external quality measures, targets, benchmarks or "
                      "league tables.", cfir="II.G3", color="#A6BDDB"),
             ]),
    ]),
    cfir_group("III", "Inner Setting",
               "The setting in which the innovation is put into practice, such as a hospital, "
               "practice, school or team; it may have several nested levels.", INNER, [
        code("Structural Characteristics",
             "Whether the setting's infrastructure supports the work of implementing and "
             "delivering the innovation.", cfir="III.A", color="#78C679", children=[
                 code("Physical Infrastructure",
                      "Buildings, layout and other physical features of the setting.",
                      cfir="III.A1", color="#C2E699"),
                 code("Information Technology Infrastructure",
                      "Technology systems for records, data, remote care and communication.",
                      cfir="III.A2", color="#C2E699"),
                 code("Work Infrastructure",
                      "How tasks, teams and responsibilities are organised, including staffing "
                      "and workload.", cfir="III.A3", color="#C2E699"),
             ]),
        code("Relational Connections",
             "How well people within and across units are linked through formal and informal "
             "relationships and networks.", cfir="III.B", color="#78C679"),
        code("Communications",
             "How well formal and informal channels pass information around the setting.",
             cfir="III.C", color="#78C679"),
        code("Culture",
             "The values, beliefs and norms that people across the setting share.",
             cfir="III.D", color="#78C679", children=[
                 code("Human Equality-Centeredness",
                      "A shared commitment to the equal worth of all people and to fairness "
                      "and equity.", cfir="III.D1", color="#C2E699"),
                 code("Recipient-Centeredness",
                      "Shared attention to the needs, wellbeing and preferences of the people "
                      "who receive the innovation.", cfir="III.D2", color="#C2E699"),
                 code("Deliverer-Centeredness",
                      "Shared attention to the needs, wellbeing and development of the people "
                      "who deliver the innovation.", cfir="III.D3", color="#C2E699"),
                 code("Learning-Centeredness",
                      "A climate in which people feel safe to try things, learn from mistakes "
                      "and keep improving.", cfir="III.D4", color="#C2E699"),
             ]),
        code("Tension for Change",
             "How strongly people feel that the current situation cannot continue and that "
             "change is needed.", cfir="III.E", color="#78C679"),
        code("Compatibility",
             "How well the innovation fits existing workflows, systems, values and ways of "
             "working.", cfir="III.F", color="#78C679"),
        code("Relative Priority",
             "How high the innovation ranks against other initiatives and demands on the "
             "setting.", cfir="III.G", color="#78C679"),
        code("Incentive Systems",
             "Whether rewards, recognition, appraisal or sanctions in the setting encourage "
             "implementation.", cfir="III.H", color="#78C679"),
        code("Mission Alignment",
             "How well implementing the innovation matches the setting's mission and goals.",
             cfir="III.I", color="#78C679"),
        code("Available Resources",
             "Whether enough resources are at hand to implement and deliver the innovation.",
             cfir="III.J", color="#78C679", children=[
                 code("Funding", "Money within the setting for implementation and delivery.",
                      cfir="III.J1", color="#C2E699"),
                 code("Space", "Physical room for the work.", cfir="III.J2", color="#C2E699"),
                 code("Materials & Equipment",
                      "Supplies, tools and equipment the work needs.", cfir="III.J3",
                      color="#C2E699"),
             ]),
        code("Access to Knowledge & Information",
             "How easily people can get guidance, training and information about the innovation "
             "and how to use it.", cfir="III.K", color="#78C679"),
    ]),
    cfir_group("IV", "Individuals",
               "The people involved in implementation: the roles they hold and what they bring "
               "to them.", INDIV, [
        code("Roles",
             "Who is involved: the roles people take in or around implementation, inside or "
             "outside the setting; one person may hold several.", cfir="IV.Roles",
             codable=False, color="#FE9929", children=[
                 code("High-level Leaders",
                      "People with senior authority over the setting, such as executives or "
                      "board members.", cfir="IV.Roles.A", color="#FEC44F"),
                 code("Mid-level Leaders",
                      "Managers and supervisors who lead teams or services, between senior "
                      "leaders and front-line staff.", cfir="IV.Roles.B", color="#FEC44F"),
                 code("Opinion Leaders",
                      "People whose views informally sway the attitudes and actions of others.",
                      cfir="IV.Roles.C", color="#FEC44F"),
                 code("Implementation Facilitators",
                      "People with implementation expertise, often from outside the setting, "
                      "who help others put the innovation into practice.",
                      cfir="IV.Roles.D", color="#FEC44F"),
                 code("Implementation Leads",
                      "People who lead the implementation effort.", cfir="IV.Roles.E",
                      color="#FEC44F"),
                 code("Implementation Team Members",
                      "People who work with the leads to plan and carry out implementation.",
                      cfir="IV.Roles.F", color="#FEC44F"),
                 code("Other Implementation Support",
                      "Anyone else who supports implementation in a role not covered above.",
                      cfir="IV.Roles.G", color="#FEC44F"),
                 code("Innovation Deliverers",
                      "People who deliver the innovation, directly or indirectly, to those "
                      "who receive it.", cfir="IV.Roles.H", color="#FEC44F"),
                 code("Innovation Recipients",
                      "People who receive or benefit from the innovation, such as patients, "
                      "clients or members of the public.", cfir="IV.Roles.I", color="#FEC44F"),
             ]),
        code("Characteristics",
             "What the people in those roles bring: need, capability, opportunity and "
             "motivation (the last three based on COM-B). Best coded together with a role.",
             cfir="IV.Characteristics", codable=False, color="#FE9929", children=[
                 code("Need",
                      "Whether implementation will meet gaps the person has in survival, "
                      "wellbeing or personal fulfilment.", cfir="IV.Characteristics.A",
                      color="#FEE391"),
                 code("Capability",
                      "Whether the person has the know-how, skills and interpersonal competence "
                      "their part in implementation calls for (COM-B capability).",
                      cfir="IV.Characteristics.B", color="#FEE391"),
                 code("Opportunity",
                      "Whether the person has the time, remit and authority their part in "
                      "implementation calls for (COM-B opportunity).",
                      cfir="IV.Characteristics.C", color="#FEE391"),
                 code("Motivation",
                      "Whether the person is committed to their part in implementation "
                      "(COM-B motivation).", cfir="IV.Characteristics.D", color="#FEE391"),
             ]),
    ]),
    cfir_group("V", "Implementation Process",
               "The activities and strategies used to put the innovation into practice.",
               PROCESS, [
        code("Teaming",
             "Working together across roles, with shared responsibility, to implement the "
             "innovation.", cfir="V.A", color="#FB6A4A"),
        code("Assessing Needs",
             "Finding out the priorities, preferences and needs of the people involved.",
             cfir="V.B", color="#FB6A4A", children=[
                 code("Innovation Deliverers",
                      "Finding out what those who deliver the innovation need and prefer.",
                      cfir="V.B1", color="#FCAE91"),
                 code("Innovation Recipients",
                      "Finding out what those who receive the innovation need and prefer.",
                      cfir="V.B2", color="#FCAE91"),
             ]),
        code("Assessing Context",
             "Finding out what in the setting is likely to help or hinder implementation and "
             "delivery.", cfir="V.C", color="#FB6A4A"),
        code("Planning",
             "Setting out roles, tasks, timelines and measures for implementation in advance.",
             cfir="V.D", color="#FB6A4A"),
        code("Tailoring Strategies",
             "Choosing implementation strategies and fitting them to the barriers and "
             "facilitators that were found.", cfir="V.E", color="#FB6A4A"),
        code("Engaging",
             "Drawing people in to take part in the innovation or its implementation.",
             cfir="V.F", color="#FB6A4A", children=[
                 code("Innovation Deliverers",
                      "Drawing in the people who will deliver the innovation.", cfir="V.F1",
                      color="#FCAE91"),
                 code("Innovation Recipients",
                      "Drawing in the people who will receive the innovation.", cfir="V.F2",
                      color="#FCAE91"),
             ]),
        code("Doing",
             "Carrying out implementation as planned, often in small steps, tests or phases.",
             cfir="V.G", color="#FB6A4A"),
        code("Reflecting & Evaluating",
             "Gathering and discussing numbers, feedback and experience about how things are "
             "going.", cfir="V.H", color="#FB6A4A", children=[
                 code("Implementation",
                      "Reflection and evaluation aimed at the implementation effort.",
                      cfir="V.H1", color="#FCAE91"),
                 code("Innovation",
                      "Reflection and evaluation aimed at the innovation itself.",
                      cfir="V.H2", color="#FCAE91"),
             ]),
        code("Adapting",
             "Changing the innovation or the setting so that the two fit together better.",
             cfir="V.I", color="#FB6A4A"),
    ]),
]

FILES = {
    "comb.qdc": COMB,
    "tdf.qdc": TDF,
    "levels.qdc": LEVELS,
    "valence.qdc": VALENCE,
    "cfir.qdc": CFIR,
}


def description(c):
    text = c["definition"]
    if c["cfir"]:
        text += "\n\nCFIR: " + c["cfir"]
    if c["tags"]:
        text += "\n\nComb tags: " + c["tags"]
    return text


def write_code(out, c, file, parent_path, depth):
    path = c["name"] if not parent_path else parent_path + "/" + c["name"]
    guid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"comb:codebook:{file}:{path}"))
    pad = "  " * depth
    out.append(f'{pad}<Code guid="{guid}" name={quoteattr(c["name"])} '
               f'isCodable="{"true" if c["codable"] else "false"}" color="{c["color"]}">')
    out.append(f"{pad}  <Description>{escape(description(c))}</Description>")
    for child in c["children"]:
        write_code(out, child, file, path, depth + 1)
    out.append(f"{pad}</Code>")


def count(codes):
    return sum(1 + count(c["children"]) for c in codes)


def main():
    for file, codes in FILES.items():
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Comb 0.1">',
               "  <Codes>"]
        for c in codes:
            write_code(out, c, file, "", 2)
        out += ["  </Codes>", "</CodeBook>", ""]
        with open(os.path.join(HERE, file), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(out))
        print(f"{file}: {count(codes)} codes")


if __name__ == "__main__":
    main()
