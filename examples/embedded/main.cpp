// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
//
// Create a user from firmware: a Cortex-M4 image built with -fno-exceptions
// -fno-rtti and newlib-nano. The transport answers with canned HTTP bytes
// (a modem or a TLS socket would go there); the parser's working memory is
// a static arena; every failure is a value, including running out of that
// arena.
//
// scripts/embedded-size builds it, runs it under qemu-arm, checks its output
// and prints its size. By hand, with inc/boost a link to /usr/include/boost:
//
//   arm-none-eabi-g++ -mcpu=cortex-m4 -mthumb -Os -flto -fno-exceptions -fno-rtti -fno-threadsafe-statics -std=c++17
//       -ffunction-sections -fdata-sections -DNDEBUG -isystem inc -I include
//       --specs=nano.specs --specs=nosys.specs -Wl,--gc-sections
//       examples/embedded/main.cpp examples/embedded/linux_syscalls.cpp -o create-user.elf
//   qemu-arm -cpu any create-user.elf

#define CORTI_ADMIN_EMBEDDED_IMPLEMENTATION // in one file of the firmware
#include <corti/admin/embedded.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace admin = corti::admin;

extern "C" {
// From linux_syscalls.cpp: the board's stack and heap.
extern unsigned char corti_stack[];
extern std::size_t const corti_stack_size;
std::size_t corti_heap_used();
}

namespace {

// Output through newlib's write(): printf would add its own code for nothing.
void print(std::string_view s) { ::write(1, s.data(), s.size()); }

int failures = 0;

void check(bool ok, std::string_view what)
{
    if(!ok)
    {
        print("FAILED: ");
        print(what);
        print("\n");
        ++failures;
    }
}

/// Splits canned HTTP/1.1 response bytes into status, headers and body, as
/// a device's HTTP code would after reading them from its socket.
admin::result<admin::http_response> read_response(std::string_view raw)
{
    auto const bad = [] { return admin::error(admin::errc::truncated_response, "bad canned response"); };
    admin::http_response r;
    auto eol = raw.find("\r\n");
    if(raw.substr(0, 9) != "HTTP/1.1 " || eol == raw.npos || eol < 12)
        return bad();
    r.status = static_cast<unsigned>((raw[9] - '0') * 100 + (raw[10] - '0') * 10 + (raw[11] - '0'));
    raw.remove_prefix(eol + 2);
    while(raw.substr(0, 2) != "\r\n")
    {
        eol = raw.find("\r\n");
        auto const colon = raw.find(':');
        if(eol == raw.npos || colon > eol)
            return bad();
        auto value = raw.substr(colon + 1, eol - colon - 1);
        while(!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
        r.headers.add(raw.substr(0, colon), value);
        raw.remove_prefix(eol + 2);
    }
    r.body = std::string(raw.substr(2));
    return r;
}

/// A transport that answers each request with the next canned response.
class canned_transport
{
    std::string_view const* next_;
    std::string_view const* end_;

public:
    std::size_t bytes_sent = 0;

    template<std::size_t N>
    explicit canned_transport(std::string_view const (&replies)[N]) : next_(replies), end_(replies + N)
    {
    }

    admin::result<admin::http_response> send(admin::http_request const& req)
    {
        // What would go on the wire. It holds the token and the password:
        // wipe it once written.
        std::string wire = admin::serialize_http1(req);
        bytes_sent = wire.size();
        admin::detail::secure_wipe(wire);
        if(next_ == end_)
            return admin::error(admin::errc::connection_failed, "no canned response left");
        return read_response(*next_++);
    }
};
static_assert(admin::is_transport_v<canned_transport>, "canned_transport must be a transport");

constexpr std::string_view replies[] = {
    "HTTP/1.1 201 Created\r\n"
    "Content-Type: application/json; charset=utf-8\r\n"
    "x-request-id: req-201\r\n"
    "\r\n"
    R"({"id":"123e4567-e89b-12d3-a456-426614174000","email":"user@example.com","firstName":"John",)"
    R"("lastName":"Doe","emailVerified":false,"enabled":true,"createdAt":"2023-10-01T12:00:00Z"})",

    "HTTP/1.1 409 Conflict\r\n"
    "Content-Type: application/json\r\n"
    "x-request-id: req-409\r\n"
    "\r\n"
    R"({"error":{"code":"user_exists","message":"A user with this email already exists"}})",
};

// The parser's working memory: no heap allocation depends on the response
// beyond the fields of the result. arena.peak() tells how much was used.
unsigned char arena_buffer[256];
admin::parse_arena arena(arena_buffer);

/// Paints the unused part of the stack, to measure its high-water mark.
void paint_stack()
{
    unsigned char here = 0;
    auto const sp = reinterpret_cast<std::uintptr_t>(&here);
    auto const bottom = reinterpret_cast<std::uintptr_t>(corti_stack);
    for(std::uintptr_t p = bottom; p + 256 < sp; ++p) // keep clear of this frame
        *reinterpret_cast<unsigned char volatile*>(p) = 0xA5;
}

std::size_t stack_used()
{
    std::size_t untouched = 0;
    while(untouched < corti_stack_size && corti_stack[untouched] == 0xA5)
        ++untouched;
    return corti_stack_size - untouched;
}

void run()
{
    // Where requests go, field by field: no URL parsing on the device.
    admin::config cfg;
    cfg.endpoint.tls = true;
    cfg.endpoint.host = "api.console.corti.app";
    cfg.endpoint.port = 443;
    cfg.endpoint.encoded_base_path = "/functions/v1/public";
    // Bounds for a small device: they also bound the heap and the stack the
    // parser can use, whatever the server sends.
    cfg.limits.max_body_size = 2048;
    cfg.limits.max_string_length = 320;
    cfg.limits.max_depth = 8;

    admin::secret const token("eyJhbGciOiJIUzI1NiJ9.device-token");
    admin::new_user u;
    u.email = "user@example.com";
    u.first_name = "John";
    u.last_name = "Doe";
    u.password = admin::secret("My$ecureP@ssw0rd123!");

    canned_transport transport(replies);

    // 1. Build, send, parse the 201.
    auto req = admin::make_create_user_request(cfg, token, "consoleproject", "contosohospital", u);
    check(req.has_value(), "request built");
    if(!req)
        return;
    auto res = transport.send(*req);
    print("request: POST ");
    print(req->target);
    print(" (" + std::to_string(transport.bytes_sent) + " bytes)\n");
    check(res.has_value(), "canned 201 read");
    if(!res)
        return;
    auto created = admin::parse_create_user_response(*res, cfg, arena);
    if(created)
    {
        print("created: " + created->email + " enabled=" + (created->enabled ? "true" : "false") +
              " id=" + (created->id ? created->id->to_string() : "-") + "\n");
    }
    check(created && created->email == "user@example.com" && created->id && created->created_at, "201 parsed");

    // 2. The same request again: the server answers 409, an error value.
    res = transport.send(*req);
    check(res.has_value(), "canned 409 read");
    if(!res)
        return;
    auto again = admin::parse_create_user_response(*res, cfg, arena);
    if(!again)
        print("rejected: " + again.error().to_string() + "\n");
    check(!again && again.error() == admin::errc::api_error && again.error().http_status == 409, "409 is api_error");

    // 3. An arena too small for the body: an error value, not an abort.
    unsigned char tiny_buffer[8];
    admin::parse_arena tiny(tiny_buffer);
    res = read_response(replies[0]);
    auto starved = admin::parse_create_user_response(*res, cfg, tiny);
    if(!starved)
        print("tiny arena: " + starved.error().to_string() + "\n");
    check(!starved && starved.error() == admin::errc::out_of_memory, "out of memory is an error value");
}

} // namespace

int main()
{
    paint_stack();
    run();
    print("memory: arena peak " + std::to_string(arena.peak()) + " of " + std::to_string(arena.size()) +
          " bytes, heap " + std::to_string(corti_heap_used()) + " bytes, stack " + std::to_string(stack_used()) +
          " bytes\n");
    print(failures == 0 ? "ok\n" : "FAILED\n");
    return failures == 0 ? 0 : 1;
}
