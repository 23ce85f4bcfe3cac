// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Cases (participants) and their typed attributes.
#include <map>
#include <string>
#include <vector>

#include "core/command.h"

namespace comb::core {

// Sets attribute values of cases, creating cases and attributes as needed; one command for a
// whole sheet. A value of "" clears nothing: it is stored as empty.
struct CaseAttributeRow {
    std::string case_name;
    std::vector<std::pair<std::string, std::string>> values;  // attribute name, value
};

class SetCaseAttributes : public Command {
public:
    SetCaseAttributes(std::vector<CaseAttributeRow> rows, std::map<std::string, AttributeType> types = {})
        : rows_(std::move(rows)), types_(std::move(types)) {}
    std::string label() const override;
    ChangeSet plan(Repository& repo) const override;

private:
    std::vector<CaseAttributeRow> rows_;
    std::map<std::string, AttributeType> types_;  // for new attributes; otherwise inferred
};

class AssignCase : public Command {
public:
    AssignCase(DocumentId doc, std::string case_name) : doc_(doc), case_name_(std::move(case_name)) {}
    std::string label() const override { return "Assign document to case " + case_name_; }
    ChangeSet plan(Repository& repo) const override;

private:
    DocumentId doc_;
    std::string case_name_;
};

// Helpers shared by commands that touch cases.
CaseId ensure_case(Repository& repo, std::vector<Case>& cases, const std::string& name, ChangeSet& changes);
void plan_attribute_values(Repository& repo, CaseId case_id,
                           const std::vector<std::pair<std::string, std::string>>& values,
                           std::vector<Attribute>& attributes,
                           const std::map<std::string, AttributeType>& types, ChangeSet& changes);
// "number" if every value parses as a number, "date" if every value is YYYY-MM-DD, else "text".
AttributeType infer_attribute_type(const std::vector<std::string>& values);

}  // namespace comb::core
