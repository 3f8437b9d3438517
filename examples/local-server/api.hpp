// The Admin API itself: authentication, customers, users, quotas, consumption.
#pragma once

#include "options.hpp"
#include "reply.hpp"
#include "request.hpp"
#include "routes.hpp"
#include "store.hpp"

namespace local_server {

class Api {
public:
    explicit Api(Options const& options);

    // Answers one API request (never a /_test hook). Never throws ApiError.
    Reply handle(Request const& req, Target const& target);

private:
    Reply dispatch(RouteMatch const& route, Request const& req, Target const& target);
    void require_bearer(Request const& req) const;

    Reply issue_token(Request const& req);
    Reply list_customers(Project& project, Target const& target);
    Reply create_customer(Project& project, Request const& req);
    Reply update_customer(Project& project, Customer& customer, Request const& req);
    Reply delete_customer(Project& project, Customer& customer);
    Reply customer_quotas(Customer const& customer) const;
    Reply list_users(Customer& customer, Target const& target);
    Reply create_user(Customer& customer, Request const& req);
    Reply update_user(Customer& customer, User& user, Request const& req);
    Reply delete_user(Customer& customer, User& user);
    Reply user_consumption(Target const& target);
    Reply project_quotas(Project const& project) const;

    Project& project_or_404(std::string const& id);
    http::status create_status() const;

    Options const& options_;
    Store store_;
    TokenStore tokens_;
};

}  // namespace local_server
