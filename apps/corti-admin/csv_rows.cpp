// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "csv_rows.hpp"

#include <csv.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace corti_cli {

namespace {

struct collector
{
    csv_file* out;
    csv_row row;
    std::size_t line = 1;     // the line of the byte being fed
    std::size_t row_line = 0; // where the record being read began
};

void on_field(void* data, std::size_t len, void* user)
{
    auto* c = static_cast<collector*>(user);
    c->row.fields.emplace_back(data ? static_cast<char const*>(data) : "", data ? len : 0);
}

void on_row_end(int, void* user)
{
    auto* c = static_cast<collector*>(user);
    c->row.line = c->row_line;
    c->out->rows.push_back(std::move(c->row));
    c->row = {};
}

// libcsv's parser state before any byte of a record (ROW_NOT_BEGUN in libcsv.c).
constexpr int row_not_begun = 0;

} // namespace

csv_file read_csv(std::string const& path)
{
    csv_file out;
    std::ifstream in(path, std::ios::binary);
    if(!in)
    {
        out.error = std::string("cannot open: ") + std::strerror(errno);
        return out;
    }
    std::string const text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if(in.bad())
    {
        out.error = "cannot read";
        return out;
    }
    std::size_t start = 0;
    if(text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        start = 3;

    csv_parser p;
    if(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
    {
        out.error = "out of memory";
        return out;
    }
    collector c{&out, {}, 1, 0};
    // One byte at a time: libcsv reports no positions, and the line a record
    // starts on is only known by watching its state leave "row not begun".
    for(std::size_t i = start; i < text.size(); ++i)
    {
        bool const before = p.pstate == row_not_begun;
        if(csv_parse(&p, &text[i], 1, on_field, on_row_end, &c) != 1)
        {
            out.error = std::to_string(c.line) + ": " + csv_strerror(csv_error(&p));
            csv_free(&p);
            return out;
        }
        if(before && p.pstate != row_not_begun)
            c.row_line = c.line;
        if(text[i] == '\n')
            ++c.line;
    }
    if(csv_fini(&p, on_field, on_row_end, &c) != 0)
        out.error = std::to_string(c.row_line) + ": " + csv_strerror(csv_error(&p)) + " (a quoted field is not closed)";
    csv_free(&p);
    return out;
}

std::size_t invalid_utf8_at(std::string const& s) noexcept
{
    auto const* b = reinterpret_cast<unsigned char const*>(s.data());
    std::size_t const n = s.size();
    std::size_t i = 0;
    while(i < n)
    {
        unsigned char const c = b[i];
        std::size_t len = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if(c < 0x80)
        {
            ++i;
            continue;
        }
        else if((c & 0xE0) == 0xC0)
            len = 2, min = 0x80, cp = c & 0x1F;
        else if((c & 0xF0) == 0xE0)
            len = 3, min = 0x800, cp = c & 0x0F;
        else if((c & 0xF8) == 0xF0)
            len = 4, min = 0x10000, cp = c & 0x07;
        else
            return i + 1;
        if(i + len > n)
            return i + 1;
        for(std::size_t k = 1; k < len; ++k)
        {
            if((b[i + k] & 0xC0) != 0x80)
                return i + 1;
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        if(cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i + 1;
        i += len;
    }
    return 0;
}

} // namespace corti_cli
