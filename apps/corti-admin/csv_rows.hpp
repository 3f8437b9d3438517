// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_APPS_CSV_ROWS_HPP
#define CORTI_ADMIN_APPS_CSV_ROWS_HPP

/** @file
    Reading a CSV file into rows of fields with the line each row starts on,
    with libcsv (RFC 4180 quoting, CRLF or LF). A UTF-8 byte order mark is
    skipped; fields are returned as bytes (their UTF-8 is checked by the caller).
*/

#include <cstddef>
#include <string>
#include <vector>

namespace corti_cli {

/// One record of the file.
struct csv_row
{
    std::size_t line = 0;            ///< the 1-based line the record starts on
    std::vector<std::string> fields; ///< its fields, unquoted
};

/// A file's records, or why it could not be read.
struct csv_file
{
    std::vector<csv_row> rows; ///< every record, the header first; blank lines are skipped
    std::string error;         ///< empty on success, else `LINE: reason` or an I/O error
};

/// Reads `path` (strict RFC 4180: a quote inside an unquoted field is an error).
csv_file read_csv(std::string const& path);

/// Returns 0 when `s` is valid UTF-8, else the 1-based byte offset of the first bad byte.
std::size_t invalid_utf8_at(std::string const& s) noexcept;

} // namespace corti_cli

#endif
