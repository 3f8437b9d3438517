// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
#ifndef CORTI_ADMIN_EMBEDDED_HPP
#define CORTI_ADMIN_EMBEDDED_HPP

/** @file
    corti-admin in firmware: `-fno-exceptions -fno-rtti`, newlib, no Boost
    library to link: Boost.JSON's compiled parts are compiled in (checked for a Cortex-M4 with arm-none-eabi-g++ 12 and
    Boost 1.81 by `scripts/embedded-size`; `examples/embedded/` is the
    program it builds).

    Two steps:

    1. Give the cross compiler Boost's headers, and only them:
       `mkdir inc && ln -s /usr/include/boost inc/boost`, then `-isystem inc`.
       (`-I/usr/include` would bring the host's glibc headers.)

    2. In exactly one `.cpp` of the firmware:

           #define CORTI_ADMIN_EMBEDDED_IMPLEMENTATION
           #include <corti/admin/embedded.hpp>

       That compiles the parts of Boost.JSON the library uses and, with
       exceptions off, defines the two `boost::throw_exception` overloads
       Boost requires (they call `std::abort()`; define
       `CORTI_ADMIN_EMBEDDED_CUSTOM_THROW` to write your own, e.g. to log and
       reset). Other files include `<corti/admin.hpp>` or this header.

    Nothing else to define or compile (Boost.URL's percent-encoder and
    Boost.System are header-only). On newlib, link with `--gc-sections`
    (firmware does anyway): Boost.JSON's DOM parsers are then not compiled,
    because on a single-threaded libstdc++ they need
    `BOOST_SYSTEM_DISABLE_THREADS`, and the library does not use them. If you
    define that macro anyway, define it for every file alike: it changes the
    layout of `boost::system::error_code`.

    Flash: define `CORTI_ADMIN_COMPACT_JSON` for every file to tokenize
    responses with the library's compact tokenizer instead of Boost.JSON's
    `basic_parser` (about 2 KB instead of about 28 KB on a Cortex-M4; the
    same reader, the same results; `scripts/embedded-size` builds both).

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
    `-Os -flto -fno-threadsafe-statics -ffunction-sections -fdata-sections
    -Wl,--gc-sections -DNDEBUG --specs=nano.specs`. `-flto` takes about 12 KB
    off the default image; `-DNDEBUG` matters: Boost.JSON's assertion texts
    and `__assert_func` are about 14 KB of a Cortex-M image.

    Stack: Boost.JSON's parser recurses once per nesting level, never
    deeper than `limits::max_depth` (at most 32), and decodes escaped
    strings in a `BOOST_JSON_STACK_BUFFER_SIZE` buffer (256 bytes on non-x86
    targets); the compact tokenizer is a loop. The reader's state (32 levels
    of 40 bytes, key and string buffers) is about 1.6 KB of stack.
*/

#include <corti/admin.hpp>

#endif // CORTI_ADMIN_EMBEDDED_HPP

#if defined(CORTI_ADMIN_EMBEDDED_IMPLEMENTATION) && !defined(CORTI_ADMIN_EMBEDDED_IMPLEMENTATION_DONE)
#define CORTI_ADMIN_EMBEDDED_IMPLEMENTATION_DONE

// Boost.JSON's compiled parts: what <boost/json/src.hpp> holds, file by
// file. The library needs the error category, the parser's and the
// serializer's state stack, the default memory resource and the serializer
// (request strings); the serializer needs value's destructor (its `read`
// keeps a static null value), hence the DOM. value.ipp's operator>> brings
// libstdc++'s istream and its locale initialisers (about 6 KB that
// --gc-sections cannot drop: the archive members are pulled before it runs).
// The DOM parsers and JSON Pointer (parse.ipp, parser.ipp, stream_parser.ipp,
// pointer.ipp) are compiled only when Boost.System has its std::error_code
// interop, which on newlib's single-threaded libstdc++ means
// BOOST_SYSTEM_DISABLE_THREADS (it needs std::mutex otherwise).
#include <boost/json.hpp>
#include <boost/json/detail/hash_combine.hpp>

#include <cstring>
#include <istream>
#include <limits>
#include <new>
#include <utility>

#if defined(BOOST_NO_EXCEPTIONS)
// Boost 1.81's value.ipp has a try/catch in operator>>(std::istream&, value&)
// that it does not guard for -fno-exceptions. Everything value.ipp includes
// is included above, so these macros only rewrite value.ipp itself: the try
// block always runs, the handlers never do.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wkeyword-macro"
#endif
#define try if(true)
#define catch(...) if(false)
#define throw
#include <boost/json/impl/value.ipp>
#undef try
#undef catch
#undef throw
#if defined(__clang__)
#pragma clang diagnostic pop
#endif
#else
#include <boost/json/impl/value.ipp>
#endif

#include <boost/json/impl/array.ipp>
#include <boost/json/impl/kind.ipp>
#include <boost/json/impl/monotonic_resource.ipp>
#include <boost/json/impl/null_resource.ipp>
#include <boost/json/impl/object.ipp>
#include <boost/json/impl/serialize.ipp>
#include <boost/json/impl/static_resource.ipp>
#include <boost/json/impl/string.ipp>
#include <boost/json/impl/value_ref.ipp>
#include <boost/json/impl/value_stack.ipp>
#include <boost/json/detail/impl/handler.ipp>
#include <boost/json/detail/impl/shared_resource.ipp>
#include <boost/json/detail/impl/string_impl.ipp>
#include <boost/json/impl/error.ipp>
#include <boost/json/impl/serializer.ipp>
#include <boost/json/detail/impl/default_resource.ipp>
#include <boost/json/detail/impl/except.ipp>
#include <boost/json/detail/impl/format.ipp>
#include <boost/json/detail/impl/stack.ipp>
#include <boost/json/detail/ryu/impl/d2s.ipp>

#if defined(BOOST_SYSTEM_HAS_SYSTEM_ERROR)
#include <boost/json/impl/parse.ipp>
#include <boost/json/impl/parser.ipp>
#include <boost/json/impl/pointer.ipp>
#include <boost/json/impl/stream_parser.ipp>
#endif

#if defined(BOOST_NO_EXCEPTIONS) && !defined(CORTI_ADMIN_EMBEDDED_CUSTOM_THROW)
#include <boost/throw_exception.hpp>

#include <cstdlib>
#include <exception>

namespace boost {
// Required by Boost when exceptions are off. `BOOST_NORETURN`, not
// [[noreturn]]: clang rejects the attribute on a redeclaration.
BOOST_NORETURN void throw_exception(std::exception const&) { std::abort(); }
BOOST_NORETURN void throw_exception(std::exception const&, boost::source_location const&) { std::abort(); }
} // namespace boost
#endif

#endif // CORTI_ADMIN_EMBEDDED_IMPLEMENTATION
