// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_EMBEDDED_HPP
#define CORTI_ADMIN_EMBEDDED_HPP

/** @file
    corti-admin in firmware: `-fno-exceptions -fno-rtti`, newlib, no Boost
    library to link (checked for a Cortex-M4 with arm-none-eabi-g++ 12 and
    Boost 1.81 by `scripts/embedded-size`; `examples/embedded/` is the
    program it builds).

    Two steps:

    1. Give the cross compiler Boost's headers, and only them:
       `mkdir inc && ln -s /usr/include/boost inc/boost`, then `-isystem inc`.
       (`-I/usr/include` would bring the host's glibc headers.)

    2. In exactly one `.cpp` of the firmware:

           #define CORTI_ADMIN_EMBEDDED_IMPLEMENTATION
           #include <corti/admin/embedded.hpp>

       With exceptions off, that defines the two `boost::throw_exception`
       overloads Boost requires (they call `std::abort()`; define
       `CORTI_ADMIN_EMBEDDED_CUSTOM_THROW` to write your own, e.g. to log and
       reset). Other files include `<corti/admin.hpp>` or this header.

    Nothing else to define or compile: the core uses no compiled part of
    any Boost library (its JSON reader and writer are its own, Boost.URL's
    percent-encoder and Boost.System are header-only).

    What the library calls, and what it does not:
    - `boost::throw_exception` is never reached from any input: errors are
      values. Only `result<T>::value()` on an error (use `has_value()`
      first) gets there.
    - Build requests with an `endpoint` filled field by field: `parse_base_url`
      needs Boost.URL's compiled part, which is not included here (and whose
      `src.hpp` needs `std::mutex`).
    - Parse with a `parse_arena` to keep the parser's working memory off the
      heap; a too small arena is `errc::out_of_memory`, not an abort.
    - The request builders, your transport and the response parsers are all
      a firmware needs, as the example shows; `client<T>` links too (its
      clocks are `std::chrono`'s; give the retry policy your own `sleep`).

    Recommended flags (`scripts/embedded-size` uses them and reports sizes):
    `-Os -ffunction-sections -fdata-sections -Wl,--gc-sections -DNDEBUG
    --specs=nano.specs`.

    Stack: the JSON parser is a loop, not a recursion, whatever the nesting;
    a response parser's state (32 levels of 40 bytes, key and string
    buffers) is about 1.6 KB of stack. The example's whole run peaks at
    about 4 KB.
*/

#include <corti/admin.hpp>

#endif // CORTI_ADMIN_EMBEDDED_HPP

#if defined(CORTI_ADMIN_EMBEDDED_IMPLEMENTATION) && !defined(CORTI_ADMIN_EMBEDDED_IMPLEMENTATION_DONE)
#define CORTI_ADMIN_EMBEDDED_IMPLEMENTATION_DONE

#if defined(BOOST_NO_EXCEPTIONS) && !defined(CORTI_ADMIN_EMBEDDED_CUSTOM_THROW)
#include <boost/throw_exception.hpp>

#include <cstdlib>
#include <exception>

namespace boost {
// Required by Boost when exceptions are off. `BOOST_NORETURN`, not
// [[noreturn]]: clang rejects the attribute on a redeclaration.
BOOST_NORETURN void throw_exception(std::exception const&)
{
    std::abort();
}
BOOST_NORETURN void throw_exception(std::exception const&, boost::source_location const&)
{
    std::abort();
}
} // namespace boost
#endif

#endif // CORTI_ADMIN_EMBEDDED_IMPLEMENTATION
