// gbc-sim command line: subcommands (serve, scenarios, defects, variations) and flags, parsed into values with located errors.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "connection_reactor.h"
#include "result.h"
#include "variations.h"

namespace gbc {

enum class SimCommand { Serve, Scenarios, Defects, Variations, Profiles, Grade, Help, Version };

struct SimCliOptions {
    SimCommand command = SimCommand::Serve;
    std::string host = "127.0.0.1";
    int port = 8080;
    bool tls = false;
    std::string certFile, keyFile;
    std::string scenariosDir; // empty: built-in catalogue
    bool scenariosOverlay = false; // --scenarios-overlay DIR: add DIR's utilities, clients, customers to the built-in ones
    std::string clientsFile;  // --clients FILE: JSON array of registrations (like POST /__sim/clients)
    std::string certOut;      // --cert-out FILE: where --tls writes its certificate (default: a temp file)
    std::string faultsFile;   // --faults FILE: fault script (like POST /__sim/faults)
    std::string clock;        // empty: kDefaultClockSpec
    std::uint64_t seed = 1;
    std::set<std::string> defects;
    Variations variations;
    std::vector<std::string> profiles; // --profile, in the order given (see gbc-sim profiles)
    bool json = false;  // scenarios --json
    bool quiet = false; // no request log
    std::string publicUrl;  // --public-url: "http(s)://host[:port]", no path
    std::string adminToken; // --admin-token
    bool noAdmin = false;   // --no-admin
    ConnectionLimits limits; // --workers, --max-connections, --request-timeout, --idle-timeout
    // grade: --url, --client, --report-dir, --format (--admin-token is sent to the simulator)
    std::string gradeUrl, gradeClient, reportDir, formats = "console,json,junit,html";
};

// Errors name the flag (where) and say what was expected; the caller prints them and exits 2.
Result<SimCliOptions> parseSimCli(const std::vector<std::string>& args);

std::string simHelpText();

} // namespace gbc
