// Building blocks of the HTML report: escaping, anchors, the OAuth sequence view and the interval-data chart (inline SVG).
#pragma once

#include <string>
#include <vector>

#include "report.h"

namespace gbc::html {

std::string escape(const std::string& text);

// A fragment id safe for id="" and href="#...".
std::string anchor(const std::string& id);

// An SVG sequence diagram of the OAuth exchanges (steps authz.*, login.*, callback.*, token.*) in recording order.
std::string sequenceSvg(const std::vector<const HttpExchange*>& exchanges);

// An SVG line chart of one series (time on x, value on y); empty string when the series has no points.
std::string chartSvg(const Series& series);

} // namespace gbc::html
