// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#include "import_rows.hpp"

#include "csv_rows.hpp"

#include <corti/admin/validate.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <fstream>
#include <map>
#include <optional>

namespace corti_cli {

namespace admin = corti::admin;

std::string email_key(std::string const& email)
{
    std::string k = email;
    for(char& ch : k)
        if(ch >= 'A' && ch <= 'Z')
            ch = static_cast<char>(ch - 'A' + 'a');
    return k;
}

namespace {

std::string trimmed_lower(std::string s)
{
    auto const b = s.find_first_not_of(" \t");
    auto const e = s.find_last_not_of(" \t");
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    return email_key(s);
}

} // namespace

import_file read_import_file(std::string const& path)
{
    import_file out;
    auto const where = [&](std::size_t line) { return path + ":" + std::to_string(line) + ": "; };
    csv_file csv = read_csv(path);
    if(!csv.error.empty())
    {
        // read_csv's error starts with the line when it has one.
        out.problems.push_back(path + ":" + csv.error);
        return out;
    }
    if(csv.rows.empty())
    {
        out.problems.push_back(where(1) + "header: the file is empty (expected email,firstName,lastName[,password])");
        return out;
    }
    auto const& header = csv.rows.front();
    std::map<std::string, std::size_t> columns;
    for(std::size_t i = 0; i < header.fields.size(); ++i)
        columns.emplace(trimmed_lower(header.fields[i]), i);
    auto column = [&](char const* name) -> std::optional<std::size_t> {
        auto it = columns.find(email_key(name));
        if(it == columns.end())
            return std::nullopt;
        return it->second;
    };
    auto const email = column("email");
    auto const first = column("firstName");
    auto const last = column("lastName");
    auto const password = column("password");
    for(auto const& [col, name] :
        {std::pair{email, "email"}, std::pair{first, "firstName"}, std::pair{last, "lastName"}})
        if(!col)
            out.problems.push_back(where(header.line) + "header: no `" + name + "` column");
    if(!out.problems.empty())
        return out;

    std::map<std::string, std::size_t> seen; // email key -> line
    for(std::size_t r = 1; r < csv.rows.size(); ++r)
    {
        auto& row = csv.rows[r];
        std::size_t const before = out.problems.size();
        // Every field, named columns or not, must be UTF-8.
        for(std::size_t i = 0; i < row.fields.size(); ++i)
            if(auto at = invalid_utf8_at(row.fields[i]))
            {
                std::string const name =
                    i < header.fields.size() ? header.fields[i] : "column " + std::to_string(i + 1);
                out.problems.push_back(where(row.line) + name + ": not valid UTF-8 (byte " + std::to_string(at) +
                                       " of the field)");
            }
        if(out.problems.size() != before)
            continue;
        auto field = [&](std::optional<std::size_t> col, char const* name) -> std::string const* {
            if(*col < row.fields.size())
                return &row.fields[*col];
            out.problems.push_back(where(row.line) + name + ": missing (the record has " +
                                   std::to_string(row.fields.size()) + " fields)");
            return nullptr;
        };
        auto const* e = field(email, "email");
        auto const* f = field(first, "firstName");
        auto const* l = field(last, "lastName");
        if(e)
        {
            if(e->empty())
                out.problems.push_back(where(row.line) + "email: required");
            else if(!admin::is_valid_email(*e))
                out.problems.push_back(where(row.line) + "email: not a valid email address");
            else if(auto [it, fresh] = seen.emplace(email_key(*e), row.line); !fresh)
                out.problems.push_back(where(row.line) + "email: the same address as line " +
                                       std::to_string(it->second));
        }
        for(auto const& [v, name] : {std::pair{f, "firstName"}, std::pair{l, "lastName"}})
            if(v && v->empty())
                out.problems.push_back(where(row.line) + name + ": required");
            else if(v && !admin::is_valid_name(*v))
                out.problems.push_back(where(row.line) + name + ": must be 1 to " +
                                       std::to_string(admin::max_name_length) +
                                       " characters without control characters");
        std::optional<admin::secret> pw;
        if(password && *password < row.fields.size() && !row.fields[*password].empty())
        {
            if(!admin::is_valid_password(row.fields[*password]))
                out.problems.push_back(where(row.line) + "password: must be " +
                                       std::to_string(admin::min_password_length) + " to " +
                                       std::to_string(admin::max_password_length) + " characters");
            else
                pw.emplace(row.fields[*password]);
        }
        if(out.problems.size() != before)
            continue;
        import_row ir;
        ir.line = row.line;
        ir.user.email = *e;
        ir.user.first_name = *f;
        ir.user.last_name = *l;
        ir.user.password = std::move(pw);
        out.rows.push_back(std::move(ir));
    }
    return out;
}

std::set<std::string> read_journal(std::string const& path)
{
    std::set<std::string> done;
    std::ifstream in(path);
    std::string line;
    while(std::getline(in, line))
    {
        boost::system::error_code ec;
        auto v = boost::json::parse(line, ec);
        if(ec || !v.is_object())
            continue;
        auto const& o = v.get_object();
        auto const* email = o.if_contains("email");
        auto const* outcome = o.if_contains("outcome");
        if(!email || !outcome || !email->is_string() || !outcome->is_string())
            continue;
        if(outcome->get_string() == "created" || outcome->get_string() == "exists")
            done.insert(email_key(std::string(email->get_string())));
    }
    return done;
}

} // namespace corti_cli
