// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_FUZZ_TARGETS_PATH_SEGMENT_HPP
#define CORTI_ADMIN_FUZZ_TARGETS_PATH_SEGMENT_HPP

/*  fuzz_path_segment: check_path_parameter and append_path_segment on a
    fuzzed value, against documented acceptance and Boost.URL's decoding.
*/

#include "../support.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

namespace corti_fuzz {

/// [config] value. Config: bit 0 parameter (projectId/256, customerId/64),
/// bits 1-2 base path.
inline void fuzz_path_segment(std::uint8_t const* data, std::size_t size)
{
    static constexpr std::string_view bases[4] = {"/functions/v1/public", "", "/a%2Fb/c", "/x/"};
    input in(data, size);
    std::uint8_t const c = in.byte();
    std::string_view const name = (c & 1) ? "customerId" : "projectId";
    std::size_t const max = (c & 1) ? ca::max_customer_id_length : ca::max_project_id_length;
    std::string_view const base = bases[(c >> 1) & 3];
    std::string_view const value = in.rest();

    // Documented acceptance, computed independently.
    auto const cps = utf8_length(value);
    bool const want = !value.empty() && value != "." && value != ".." && cps && !has_c0_or_del(value) && *cps <= max;

    auto const checked = ca::check_path_parameter(name, value, max);
    CORTI_FUZZ_CHECK(checked.has_value() == want, show(value) + (want ? " rejected" : " accepted"));
    if(!checked)
    {
        CORTI_FUZZ_CHECK(checked.error().code == ca::errc::invalid_argument, describe(checked.error()));
        CORTI_FUZZ_CHECK(checked.error().field == name, describe(checked.error()));
        CORTI_FUZZ_CHECK(!checked.error().message.empty(), describe(checked.error()));
    }
    if(value.empty())
        return;

    // The encoder is checked for every value: it does not validate.
    std::string target(base);
    ca::append_path_segment(target, value);
    CORTI_FUZZ_CHECK(std::string_view(target).substr(0, base.size()) == base, show(target));
    std::string_view const seg = std::string_view(target).substr(base.size());
    CORTI_FUZZ_CHECK(!seg.empty() && seg.front() == '/', show(target));
    std::size_t expected_size = 1;
    for(char ch : value)
    {
        auto const u = static_cast<unsigned char>(ch);
        bool const unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                                u == '-' || u == '.' || u == '_' || u == '~';
        expected_size += unreserved ? 1 : 3;
    }
    CORTI_FUZZ_CHECK(seg.size() == expected_size, show(seg));
    auto const upper_hex = [](char h) { return (h >= '0' && h <= '9') || (h >= 'A' && h <= 'F'); };
    for(std::size_t i = 1; i < seg.size(); ++i)
        if(seg[i] == '%')
        {
            CORTI_FUZZ_CHECK(i + 2 < seg.size() && upper_hex(seg[i + 1]) && upper_hex(seg[i + 2]), show(seg));
            i += 2;
        }

    // Boost.URL as the oracle: exactly one more segment, decoding to the value.
    auto const before = boost::urls::parse_origin_form(base.empty() ? "/" : base);
    auto const after = boost::urls::parse_origin_form(target);
    CORTI_FUZZ_CHECK(before && after, show(target));
    CORTI_FUZZ_CHECK(after->segments().size() == before->segments().size() + 1, show(target));
    CORTI_FUZZ_CHECK(!after->has_query() && !after->has_fragment(), show(target));
    std::string const last = *std::prev(after->segments().end());
    CORTI_FUZZ_CHECK(last == value, show(target) + " decodes to " + show(last));
}

} // namespace corti_fuzz

#endif
