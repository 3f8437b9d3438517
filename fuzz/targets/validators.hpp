// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_TARGETS_VALIDATORS_HPP
#define CORTI_ADMIN_FUZZ_TARGETS_VALIDATORS_HPP

/*  fuzz_validators: uuid::parse, date_time::parse, is_valid_email,
    is_valid_name and is_valid_password on fuzzed text, against grammars
    written from the RFCs and an independent UTF-8 decoder.
*/

#include "../support.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace corti_fuzz {

/// The RFC 3339 date-time grammar and calendar, written from the RFC.
inline bool oracle_date_time(std::string_view s)
{
    auto const num = [&](std::size_t at, std::size_t len, int& v) {
        if(at + len > s.size())
            return false;
        v = 0;
        for(std::size_t k = at; k < at + len; ++k)
        {
            if(s[k] < '0' || s[k] > '9')
                return false;
            v = v * 10 + (s[k] - '0');
        }
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if(s.size() < 20 || !num(0, 4, y) || s[4] != '-' || !num(5, 2, mo) || s[7] != '-' || !num(8, 2, d) ||
       lower(s[10]) != 't' || !num(11, 2, h) || s[13] != ':' || !num(14, 2, mi) || s[16] != ':' || !num(17, 2, se))
        return false;
    std::size_t i = 19;
    if(s[i] == '.')
    {
        auto const end = s.find_first_not_of("0123456789", i + 1);
        if(end == i + 1 || end == std::string_view::npos)
            return false;
        i = end;
    }
    int off = 0;
    if(lower(s[i]) == 'z' && i + 1 == s.size())
        off = 0;
    else if((s[i] == '+' || s[i] == '-') && i + 6 == s.size())
    {
        int oh = 0, om = 0;
        if(!num(i + 1, 2, oh) || s[i + 3] != ':' || !num(i + 4, 2, om) || oh > 23 || om > 59)
            return false;
        off = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
    }
    else
        return false;
    static constexpr int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool const leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    if(mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] + (mo == 2 && leap ? 1 : 0) || h > 23 || mi > 59 || se > 60)
        return false;
    if(se == 60) // RFC 3339 5.7: leap seconds happen at 23:59:60 UTC
    {
        int const utc = ((h * 60 + mi - off) % 1440 + 1440) % 1440;
        if(utc != 23 * 60 + 59)
            return false;
    }
    return true;
}

inline bool oracle_uuid(std::string_view s)
{
    if(s.size() != 36)
        return false;
    for(std::size_t i = 0; i < 36; ++i)
    {
        bool const dash = i == 8 || i == 13 || i == 18 || i == 23;
        bool const hex = (s[i] >= '0' && s[i] <= '9') || (lower(s[i]) >= 'a' && lower(s[i]) <= 'f');
        if(dash ? s[i] != '-' : !hex)
            return false;
    }
    return true;
}

/// The whole input is given to every validator.
inline void fuzz_validators(std::uint8_t const* data, std::size_t size)
{
    std::string_view const s = input(data, size).rest();

    auto const u = ca::uuid::parse(s);
    CORTI_FUZZ_CHECK(u.has_value() == oracle_uuid(s), show(s));
    if(u)
    {
        std::string text = u->to_string();
        std::string lowered(s);
        std::transform(lowered.begin(), lowered.end(), lowered.begin(), lower);
        CORTI_FUZZ_CHECK(text == lowered, show(text));
        CORTI_FUZZ_CHECK(ca::uuid::parse(text) == u, show(text));
        CORTI_FUZZ_CHECK(u->is_nil() == (lowered == "00000000-0000-0000-0000-000000000000"), show(text));
    }

    auto const t = ca::date_time::parse(s);
    CORTI_FUZZ_CHECK(t.has_value() == oracle_date_time(s), show(s));
    if(t)
    {
        CORTI_FUZZ_CHECK(t->nanosecond <= 999'999'999 && t->offset_minutes > -1440 && t->offset_minutes < 1440,
                         show(s));
        std::string const text = t->to_string();
        auto const again = ca::date_time::parse(text);
        CORTI_FUZZ_CHECK(again == t, show(s) + " printed as " + show(text));
        // The same instant, whatever the offset.
        ca::date_time utc = *t;
        utc.offset_minutes = 0;
        auto const shift = t->to_unix_seconds() - utc.to_unix_seconds();
        CORTI_FUZZ_CHECK(shift == -60 * t->offset_minutes, show(s));
    }

    bool const email = ca::is_valid_email(s);
    if(email)
    {
        auto const at = s.rfind('@');
        CORTI_FUZZ_CHECK(s.size() <= 254 && utf8_length(s) && !has_c0_or_del(s), show(s));
        CORTI_FUZZ_CHECK(at != std::string_view::npos && at >= 1 && at <= 64 && at + 1 < s.size(), show(s));
    }

    auto const n = utf8_length(s);
    bool const name = n && *n >= 1 && *n <= 255 && !has_c0_or_del(s);
    CORTI_FUZZ_CHECK(ca::is_valid_name(s) == name, show(s));
    bool const password = n && *n >= 16 && *n <= 64;
    CORTI_FUZZ_CHECK(ca::is_valid_password(s) == password, show(s));
}

} // namespace corti_fuzz

#endif
