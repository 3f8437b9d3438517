// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_APPS_IMPORT_ROWS_HPP
#define CORTI_ADMIN_APPS_IMPORT_ROWS_HPP

/** @file
    The rows of a `users import` file, checked with the library's validators
    before anything is sent, and the journal of rows already done.
*/

#include <corti/admin/model.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace corti_cli {

/// One user to create, and where it came from.
struct import_row
{
    std::size_t line = 0;        ///< the line its record starts on
    corti::admin::new_user user; ///< what is sent; the password, if any, is a secret
};

/// The rows of a file, or every reason it cannot be imported.
struct import_file
{
    std::vector<import_row> rows;      ///< the data rows, in file order
    std::vector<std::string> problems; ///< `FILE:LINE: field: reason`, one per problem; never a value of a field
};

/** Reads and checks `path`: a header naming `email`, `firstName`, `lastName`
    and optionally `password` (any order, any case; other columns ignored),
    then one user per record. Every field must be valid UTF-8; the email must
    pass `is_valid_email` and be unique in the file (case-insensitively), the
    names `is_valid_name`, a non-empty password `is_valid_password`.
    @return the rows, or the problems found (all of them).
*/
import_file read_import_file(std::string const& path);

/// Returns `email` in lower case (ASCII), the key of a row in the journal.
std::string email_key(std::string const& email);

/** Reads a journal written by an earlier run: JSON lines with `email` and
    `outcome`. A line that is not such an object (a run cut off mid-write) is skipped.
    @return the keys (`email_key`) of the rows whose outcome was `created` or
    `exists`; empty when the file does not exist.
*/
std::set<std::string> read_journal(std::string const& path);

} // namespace corti_cli

#endif
