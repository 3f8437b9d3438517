// Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
// Boost.JSON and Boost.URL compiled into the fuzz targets, instrumented like
// them. Linking Debian's prebuilt libraries would leave the parser and the
// URL code without coverage feedback and outside ASan's view.
#include <boost/json/src.hpp>
#include <boost/url/src.hpp>
