#include "reply.hpp"

#include <boost/json/serialize.hpp>

namespace local_server {

Reply json_reply(http::status status, boost::json::value const& body) {
    Reply reply;
    reply.status = status;
    reply.body = boost::json::serialize(body);
    reply.content_type = "application/json";
    return reply;
}

Reply error_reply(http::status status, std::string_view code, std::string_view message) {
    boost::json::object error;
    error["code"] = code;
    error["message"] = message;
    return json_reply(status, boost::json::object{{"error", std::move(error)}});
}

Reply no_content_reply() {
    Reply reply;
    reply.status = http::status::no_content;
    return reply;
}

}  // namespace local_server
