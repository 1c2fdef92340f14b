// Check vocabulary shared by the validator, the runner and the reports: records, levels, verdicts, findings.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gbc {

enum class Level { Must, Should };

// PASS/FAIL/WARN/SKIP judge the target; ERROR is a harness or network fault, never blamed on the target.
enum class Verdict { Pass, Fail, Warn, Skip, Error };

// One check as a declarative record: a stable id tied to a spec clause, its level and its requirement.
struct CheckRecord {
    std::string id;          // e.g. "ESPI-D042", "OAUTH-OAD004"; never renumbered, only retired
    std::string reference;   // spec clause or GBA test id, e.g. "RFC 6749 §4.1.2", "GBA D042"
    Level level = Level::Must;
    std::string requirement; // one sentence
    std::string family;      // grouping, e.g. "envelope", "link-graph", "oauth-token"
};

// The outcome of applying one check to one subject.
struct Finding {
    std::string checkId;
    Verdict verdict = Verdict::Pass;
    std::string message;  // what happened, one sentence
    std::string expected;
    std::string actual;
    std::string location; // file:line, XPath-like path, or URL + parameter
};

inline const char* toString(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return "PASS";
    case Verdict::Fail: return "FAIL";
    case Verdict::Warn: return "WARN";
    case Verdict::Skip: return "SKIP";
    case Verdict::Error: return "ERROR";
    }
    return "ERROR";
}

inline const char* toString(Level l) { return l == Level::Must ? "MUST" : "SHOULD"; }

inline std::optional<Verdict> verdictFromString(const std::string& s)
{
    if (s == "PASS") return Verdict::Pass;
    if (s == "FAIL") return Verdict::Fail;
    if (s == "WARN") return Verdict::Warn;
    if (s == "SKIP") return Verdict::Skip;
    if (s == "ERROR") return Verdict::Error;
    return std::nullopt;
}

} // namespace gbc
