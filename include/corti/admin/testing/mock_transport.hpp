// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_TESTING_MOCK_TRANSPORT_HPP
#define CORTI_ADMIN_TESTING_MOCK_TRANSPORT_HPP

/** @file
    Part of `<corti/admin/testing.hpp>`: `mock_transport`, a test double for
    users' own tests that queues responses and records the requests it was
    given.
*/

#include <corti/admin/error.hpp>
#include <corti/admin/http.hpp>

#include <boost/system/errc.hpp>

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace corti {
namespace admin {
namespace testing {

/** Returns a response with `status`, `body` and, when `content_type` is not
    empty, that `Content-Type`: what a test feeds a parser or a transport double.
*/
inline http_response make_response(unsigned status, std::string body,
                                   std::string_view content_type = "application/json")
{
    http_response r;
    r.status = status;
    if(!content_type.empty())
        r.headers.add("Content-Type", content_type);
    r.body = std::move(body);
    return r;
}

/** A transport that answers from a queue and records every request.

    Each `send` records the request, then pops the oldest queued outcome (a
    response or an error). With nothing queued it returns an error with
    `boost::system::errc::no_message_available` ("mock_transport: no
    response queued").

    @par Thread Safety
    Unsafe: one thread at a time.
*/
class mock_transport
{
    std::deque<result<http_response>> queue_;
    std::vector<http_request> requests_;

public:
    /// Queues a response.
    void push(http_response r) { queue_.emplace_back(std::move(r)); }

    /// Queues a response with a status, a body and (when not empty) a `Content-Type` (see `make_response`).
    void push(unsigned status, std::string body, std::string_view content_type = "application/json")
    {
        push(make_response(status, std::move(body), content_type));
    }

    /// Queues a transport failure.
    void push_error(error e) { queue_.emplace_back(std::move(e)); }

    /// Records `req` and returns the next queued outcome.
    result<http_response> send(http_request const& req)
    {
        requests_.push_back(req);
        if(queue_.empty())
            return error(make_error_code(boost::system::errc::no_message_available),
                         "mock_transport: no response queued");
        result<http_response> r = std::move(queue_.front());
        queue_.pop_front();
        return r;
    }

    /// Returns the requests sent so far, oldest first.
    std::vector<http_request> const& requests() const noexcept { return requests_; }

    /// Returns the number of outcomes still queued.
    std::size_t pending() const noexcept { return queue_.size(); }

    /// Forgets the recorded requests and the queued outcomes.
    void clear()
    {
        queue_.clear();
        requests_.clear();
    }
};

} // namespace testing
} // namespace admin
} // namespace corti

#endif
