// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTING_HPP
#define CORTI_ADMIN_TESTING_HPP

/** @file
    Test doubles and checks for users' own tests: `mock_transport` queues
    responses and records the requests it was given; `check_transport` runs
    the transport conformance kit against a running local server. Include
    this header, not the parts under `testing/`. Like the core, it needs
    nothing of Asio, Beast or OpenSSL.
*/

#include <corti/admin/testing/conformance.hpp>
#include <corti/admin/testing/mock_transport.hpp>

#endif
