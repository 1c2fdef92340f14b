// Grades one client's journal with every CL check into the runner's canonical Report (same writers, same schema).
#pragma once

#include <string>

#include "client_journal.h"
#include "report.h"

namespace gbc {

// One variant (the client), one result per CL check (SHOULD-level FAILs become WARN as in the runner), the journal
// entries named as evidence as exchanges, and the journal's cap and drop count in the variant description.
Report gradeClient(const JournalSnapshot& journal, const std::string& version);

} // namespace gbc
