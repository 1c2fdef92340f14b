// What a data check is: a record, the function blocks it belongs to, and a pure function over the parsed document.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "check.h"
#include "espi_document.h"
#include "function_blocks.h"

namespace gbc {

// One rule broken at one element (kNoElement = the document as a whole).
struct Violation {
    std::uint32_t at = kNoElement;
    std::string message;
    std::string expected;
    std::string actual;
};

// A check's answer: its violations, or a reason why it does not apply (then the verdict is SKIP).
struct CheckOutput {
    std::vector<Violation> violations;
    std::string skipped;

    void fail(std::uint32_t at, std::string message, std::string expected = {}, std::string actual = {})
    {
        violations.push_back(Violation{at, std::move(message), std::move(expected), std::move(actual)});
    }
    static CheckOutput skip(std::string reason)
    {
        CheckOutput o;
        o.skipped = std::move(reason);
        return o;
    }
};

struct CheckContext {
    const EspiDocument& doc;
    const FunctionBlocks& fbs;
};

using CheckFn = CheckOutput (*)(const CheckContext&);

// A registered check. `functionBlocks` empty: always applies; otherwise it applies when any listed FB is claimed.
// `run` is null for the engine-level checks (well-formedness, XSD), which the validate engine performs itself.
struct CheckDef {
    CheckRecord record;
    std::vector<int> functionBlocks;
    CheckFn run = nullptr;
};

} // namespace gbc
