// Client checks CL-nnn: declarative records plus pure functions over one client's journal.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "check.h"
#include "client_journal.h"

namespace gbc {

// Documented limits the checks apply (simulator/grading/README.md).
inline constexpr EpochSeconds kPromptExchangeSeconds = 60; // a code is exchanged within this after it is issued
inline constexpr double kMinBackoffSeconds = 1.0;          // first wait after a 5xx without Retry-After
inline constexpr double kOdrMinPollSeconds = 5.0;          // an unfinished On-Demand Read is polled at most this often
inline constexpr int kNeedlessRefreshesAllowed = 1;        // refreshes of a fresh access token tolerated per window

struct ClientOutcome {
    Verdict verdict = Verdict::Pass;
    std::string message;
    std::string expected;
    std::string actual;
    std::vector<std::uint64_t> evidence; // journal seq numbers
};

using ClientCheckFn = ClientOutcome (*)(const JournalSnapshot&);

struct ClientCheck {
    CheckRecord record; // family: oauth-client | fetch-client | webhook-client
    ClientCheckFn run = nullptr;
};

// Every client check in id order.
const std::vector<ClientCheck>& clientChecks();
void addOAuthClientChecks(std::vector<ClientCheck>& out);
void addFetchClientChecks(std::vector<ClientCheck>& out);

// ---- helpers shared by the check files (pure) ----
ClientOutcome clPass(std::string message, std::vector<std::uint64_t> evidence = {});
ClientOutcome clFail(std::string expected, std::string actual, std::vector<std::uint64_t> evidence,
                     std::string message = {});
ClientOutcome clSkip(std::string reason);

// Seconds from a to b on the simulator clock and on the wall clock.
double simSeconds(const JournalEntry& a, const JournalEntry& b);
double wallSeconds(const JournalEntry& a, const JournalEntry& b);
// The client waited `seconds` between a and b when either clock says so (tests move the simulator clock, apps
// against a fixed simulator clock wait on the wall clock).
bool waited(const JournalEntry& a, const JournalEntry& b, double seconds);
// The longer of the two gaps.
double gapSeconds(const JournalEntry& a, const JournalEntry& b);
bool isData(const JournalEntry& e); // espi, api or odr request from the client
std::string seqs(const std::vector<std::uint64_t>& evidence); // "#3, #7"

ClientCheck clientCheck(const char* id, const char* reference, Level level, const char* family,
                        const char* requirement, ClientCheckFn fn);

} // namespace gbc
