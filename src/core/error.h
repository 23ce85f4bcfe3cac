// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The error tree. Inside Comb code throws; boundaries (CLI main, GUI command runner) catch.
//   Error       any failure Comb reports to the user (std::runtime_error).
//   InputError  the user's data is wrong: a file, a sheet, an argument. Carries where.
//   ConflictError (an InputError) someone else changed what this action depended on: a stale
//               edit, an undo over another person's change, a new row whose id was taken.
//               Nothing changed; the message names who and when where known.
//   StoreError  the project file could not be read or written; names the operation.
//   IndexError  the full-text index failed; names the operation. Callers rebuild, never show it.
//   Cancelled   the user asked long work to stop (Progress::cancelled()); the work left
//               nothing changed. A boundary reports it as "cancelled", not as a failure.
// Broken invariants are bugs and use assert, not these.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace comb::core {

// Where in the user's input something went wrong. Any part may be unknown.
struct SourcePos {
    SourcePos() = default;
    // Implicit from a path, so `InputError({path}, reason)` reads naturally.
    SourcePos(std::string path_, std::optional<std::int64_t> line_ = std::nullopt,
              std::optional<std::int64_t> column_ = std::nullopt,
              std::optional<std::int64_t> offset_ = std::nullopt)
        : path(std::move(path_)), line(line_), column(column_), offset(offset_) {}

    std::string path;                 // file name; empty if none
    std::optional<std::int64_t> line;  // 1-based
    std::optional<std::int64_t> column;  // 1-based
    std::optional<std::int64_t> offset;  // byte offset in the file, 0-based

    // "path:line:col" (or "path: byte N"), the prefix of messages.
    std::string describe() const;
};

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class InputError : public Error {
public:
    InputError(SourcePos pos, const std::string& reason);
    // The caller's arguments or options are wrong, not a file: the message is the reason alone.
    static InputError argument(const std::string& reason);
    const SourcePos& pos() const { return pos_; }
    const std::string& reason() const { return reason_; }
    bool is_argument() const { return argument_; }

private:
    SourcePos pos_;
    std::string reason_;
    bool argument_ = false;
};

class ConflictError : public InputError {
public:
    explicit ConflictError(const std::string& reason) : InputError({}, reason) {}
};

class StoreError : public Error {
public:
    StoreError(const std::string& operation, const std::string& detail);
    const std::string& operation() const { return operation_; }

private:
    std::string operation_;
};

class IndexError : public Error {
public:
    IndexError(const std::string& operation, const std::string& detail);
};

class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

}  // namespace comb::core
