// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// The Admin API itself: authentication, customers, users, quotas, consumption.
#pragma once

#include "options.hpp"
#include "reply.hpp"
#include "request.hpp"
#include "routes.hpp"
#include "store.hpp"

namespace local_server {

class api
{
public:
    explicit api(server_options const& options);

    // Answers one API request (never a /_test hook). Never throws api_error.
    reply handle(request const& req, parsed_target const& target);

private:
    reply dispatch(route_match const& route, request const& req, parsed_target const& target);
    void require_bearer(request const& req) const;

    reply issue_token(request const& req);
    reply list_customers(project_record& project, parsed_target const& target);
    reply create_customer(project_record& project, request const& req);
    reply update_customer(project_record& project, customer_record& customer, request const& req);
    reply delete_customer(project_record& project, customer_record& customer);
    reply customer_quotas(customer_record const& customer) const;
    reply list_users(customer_record& customer, parsed_target const& target);
    reply create_user(customer_record& customer, request const& req);
    reply update_user(customer_record& customer, user_record& user, request const& req);
    reply delete_user(customer_record& customer, user_record& user);
    reply user_consumption(parsed_target const& target);
    reply project_quotas(project_record const& project) const;

    project_record& project_or_404(std::string const& id);
    http::status create_status() const;

    server_options const& options_;
    store store_;
    token_store tokens_;
};

} // namespace local_server
