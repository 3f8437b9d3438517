// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_HPP
#define CORTI_ADMIN_HPP

/** @file
    The core of corti-admin: models, request builders, response parsers, the
    client over a transport of your choice. No I/O: nothing here includes
    Asio, Beast or OpenSSL. For the Beast HTTPS transport include
    `<corti/admin/beast.hpp>`; for test doubles `<corti/admin/testing.hpp>`.

    Link Boost.JSON and Boost.URL (CMake: `corti::admin`; pkg-config:
    `corti-admin`), or include `<boost/json/src.hpp>` and
    `<boost/url/src.hpp>` in exactly one of your translation units.
    Responses are tokenized by Boost.JSON's `basic_parser`, request strings
    escaped by its `serializer`, and every model converts with `value_from`
    / `value_to` (`<corti/admin/json.hpp>`).
*/

#include <corti/admin/client.hpp>
#include <corti/admin/config.hpp>
#include <corti/admin/date_time.hpp>
#include <corti/admin/encode.hpp>
#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>
#include <corti/admin/json.hpp>
#include <corti/admin/model.hpp>
#include <corti/admin/parse_arena.hpp>
#include <corti/admin/requests.hpp>
#include <corti/admin/responses.hpp>
#include <corti/admin/secret.hpp>
#include <corti/admin/settings.hpp>
#include <corti/admin/transport.hpp>
#include <corti/admin/uuid.hpp>
#include <corti/admin/validate.hpp>

#endif
