// Flag table and parser for gbc-sim (no CLI library: a flat loop with one branch per flag).
#include "cli_options.h"

#include <cctype>
#include <regex>

#include "defects.h"
#include "profiles.h"
#include "sim_server.h"

namespace gbc {

namespace {

Error usage(const std::string& where, const std::string& message)
{
    return Error{"usage", where, message};
}

Status parseListen(const std::string& value, SimCliOptions& out)
{
    const std::size_t colon = value.rfind(':');
    const std::string port = colon == std::string::npos ? std::string() : value.substr(colon + 1);
    if (colon == 0 || port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535)
        return usage("--listen", "expected HOST:PORT such as 127.0.0.1:0, got '" + value + "'");
    out.host = value.substr(0, colon);
    out.port = std::stoi(port);
    return okStatus();
}

// "http(s)://host[:port]" with no path, query or credentials; a trailing '/' is dropped.
Status parsePublicUrl(std::string value, SimCliOptions& out)
{
    if (!value.empty() && value.back() == '/')
        value.pop_back();
    static const std::regex re(R"(^https?://(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::([0-9]{1,5}))?$)");
    std::smatch mt;
    if (!std::regex_match(value, mt, re) || (mt[1].matched && std::stol(mt[1].str()) > 65535))
        return usage("--public-url", "expected http(s)://HOST[:PORT] with no path, got '" + value + "'");
    out.publicUrl = value;
    return okStatus();
}

// At least 16 characters from A-Z a-z 0-9 . _ ~ - (a bearer token's safe subset).
Status parseAdminToken(const std::string& value, SimCliOptions& out)
{
    if (value.size() < 16 || value.size() > 256 ||
        value.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-") != std::string::npos)
        return usage("--admin-token", "expected 16 to 256 characters from A-Z a-z 0-9 . _ ~ -");
    out.adminToken = value;
    return okStatus();
}

// A whole number in [1, max] for the connection flags.
Result<std::size_t> parseCount(const std::string& flag, const std::string& value, std::size_t max)
{
    if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(value) < 1 || std::stoul(value) > max)
        return usage(flag, "expected a whole number from 1 to " + std::to_string(max) + ", got '" + value + "'");
    return static_cast<std::size_t>(std::stoul(value));
}

Status parseLimit(const std::string& flag, const std::string& value, ConnectionLimits& limits)
{
    const bool seconds = flag == "--request-timeout" || flag == "--idle-timeout";
    const auto n = parseCount(flag, value, seconds ? 3600 : flag == "--workers" ? 1024 : 1000000);
    if (!n)
        return n.error();
    if (flag == "--workers")
        limits.workers = *n;
    else if (flag == "--max-connections")
        limits.maxConnections = *n;
    else if (flag == "--request-timeout")
        limits.requestTimeout = std::chrono::seconds(*n);
    else
        limits.idleTimeout = std::chrono::seconds(*n);
    return okStatus();
}

Status parseFlag(const std::string& flag, const std::string& value, SimCliOptions& out)
{
    if (flag == "--workers" || flag == "--max-connections" || flag == "--request-timeout" || flag == "--idle-timeout")
        return parseLimit(flag, value, out.limits);
    if (flag == "--listen")
        return parseListen(value, out);
    if (flag == "--public-url")
        return parsePublicUrl(value, out);
    if (flag == "--admin-token")
        return parseAdminToken(value, out);
    if (flag == "--url" || flag == "--client" || flag == "--report-dir" || flag == "--format") {
        if (out.command != SimCommand::Grade)
            return usage(flag, "only with `gbc-sim grade`");
        (flag == "--url" ? out.gradeUrl : flag == "--client" ? out.gradeClient : flag == "--report-dir" ? out.reportDir : out.formats) = value;
    } else if (flag == "--cert")
        out.certFile = value;
    else if (flag == "--key")
        out.keyFile = value;
    else if (flag == "--scenarios" || flag == "--scenarios-overlay") {
        if (!out.scenariosDir.empty())
            return usage(flag, "give one of --scenarios DIR or --scenarios-overlay DIR, once");
        out.scenariosDir = value;
        out.scenariosOverlay = flag == "--scenarios-overlay";
    } else if (flag == "--clients")
        out.clientsFile = value;
    else if (flag == "--cert-out")
        out.certOut = value;
    else if (flag == "--faults")
        out.faultsFile = value;
    else if (flag == "--clock")
        out.clock = value;
    else if (flag == "--seed") {
        if (value.empty() || value.size() > 19 || value.find_first_not_of("0123456789") != std::string::npos)
            return usage("--seed", "expected a non-negative whole number, got '" + value + "'");
        out.seed = std::stoull(value);
    } else if (flag == "--defect") {
        if (!findDefect(value))
            return usage("--defect", "unknown defect '" + value + "'; `gbc-sim defects` lists them");
        out.defects.insert(value);
    } else if (flag == "--variation") {
        const std::optional<Variation> v = findVariation(value);
        if (!v)
            return usage("--variation", "unknown variation '" + value + "'; `gbc-sim variations` lists them");
        out.variations.insert(*v);
    } else if (flag == "--profile") {
        if (!findProfile(value))
            return usage("--profile", "unknown profile '" + value + "'; `gbc-sim profiles` lists them");
        out.profiles.push_back(value);
    }
    return okStatus();
}

bool takesValue(const std::string& flag)
{
    for (const char* f : {"--listen", "--public-url", "--admin-token", "--cert", "--key", "--scenarios", "--scenarios-overlay",
                          "--clients", "--cert-out", "--faults", "--clock", "--seed",
                          "--defect", "--variation", "--profile",
                          "--workers", "--max-connections", "--request-timeout", "--idle-timeout",
                          "--url", "--client", "--report-dir", "--format"})
        if (flag == f)
            return true;
    return false;
}

} // namespace

Result<SimCliOptions> parseSimCli(const std::vector<std::string>& args)
{
    SimCliOptions out;
    std::size_t i = 0;
    if (!args.empty() && (args[0] == "scenarios" || args[0] == "defects" || args[0] == "variations" || args[0] == "profiles"
                          || args[0] == "grade")) {
        out.command = args[0] == "scenarios" ? SimCommand::Scenarios
            : args[0] == "defects"           ? SimCommand::Defects
            : args[0] == "profiles"          ? SimCommand::Profiles
            : args[0] == "grade"             ? SimCommand::Grade
                                             : SimCommand::Variations;
        i = 1;
    }
    for (; i < args.size(); ++i) {
        std::string flag = args[i], value;
        const std::size_t eq = flag.find('=');
        const bool inlineValue = flag.rfind("--", 0) == 0 && eq != std::string::npos;
        if (inlineValue) {
            value = flag.substr(eq + 1);
            flag = flag.substr(0, eq);
        }
        if (flag == "--help" || flag == "-h")
            out.command = SimCommand::Help;
        else if (flag == "--version")
            out.command = SimCommand::Version;
        else if (flag == "--tls")
            out.tls = true;
        else if (flag == "--json" && out.command == SimCommand::Scenarios)
            out.json = true;
        else if (flag == "--quiet")
            out.quiet = true;
        else if (flag == "--no-admin")
            out.noAdmin = true;
        else if (takesValue(flag)) {
            if (!inlineValue && i + 1 >= args.size())
                return usage(flag, "needs a value");
            if (Status st = parseFlag(flag, inlineValue ? value : args[++i], out); !st)
                return st.error();
        } else
            return usage(flag, "unknown argument; see gbc-sim --help");
    }
    if (out.command == SimCommand::Grade && (out.gradeUrl.empty() || out.gradeClient.empty()))
        return usage(out.gradeUrl.empty() ? "--url" : "--client", "gbc-sim grade needs --url URL and --client ID");
    if (out.certFile.empty() != out.keyFile.empty())
        return usage("--cert/--key", "give both --cert FILE and --key FILE, or neither");
    if (!out.certFile.empty())
        out.tls = true;
    if (!out.certOut.empty() && !out.tls)
        return usage("--cert-out", "only means something with --tls (or --cert/--key)");
    return out;
}

std::string simHelpText()
{
    return std::string("Usage: gbc-sim [options]            serve the mock utilities\n"
                       "       gbc-sim scenarios [--json]   list utilities, clients and test accounts\n"
                       "       gbc-sim defects              list the deliberate defects (name first)\n"
                       "       gbc-sim variations           list the legitimate variations (name first)\n"
                       "       gbc-sim profiles             list the custodian profiles (name, description, source)\n"
                       "       gbc-sim grade --url URL --client ID [--report-dir DIR] [--format LIST] [--admin-token T]\n"
                       "                                    grade a third-party app from the simulator's journal of it:\n"
                       "                                    writes report.json, junit.xml, index.html (default DIR\n"
                       "                                    reports/out/grade-ID; LIST from console,json,junit,html);\n"
                       "                                    exit 0 no FAIL, 1 a FAIL, 2 no report\n\n"
                       "Options:\n"
                       "  --listen HOST:PORT   address to bind (default 127.0.0.1:8080; port 0 = any free port).\n"
                       "                       The first stdout line is 'gbc-sim listening on http://HOST:PORT'.\n"
                       "  --tls                serve HTTPS with a self-signed EC P-256 certificate made at start\n"
                       "                       (SAN localhost, 127.0.0.1, ::1)\n"
                       "  --cert FILE --key FILE  serve HTTPS with this PEM certificate and key\n"
                       "  --scenarios DIR      load DIR/scenarios.json and DIR/utilities/*.json instead of the\n"
                       "                       built-in catalogue\n"
                       "  --scenarios-overlay DIR  add DIR/utilities/*.json (and DIR/scenarios.json, optional) to the\n"
                       "                       built-in catalogue; a utility file naming a built-in utility adds its\n"
                       "                       clients and customers to it; a repeated id is an error\n"
                       "  --clients FILE       register apps at start: a JSON array of POST /__sim/clients bodies\n"
                       "  --cert-out FILE      with --tls: write the generated certificate here (default: a temp\n"
                       "                       file); its path is the stdout line after the listening line\n"
                       "  --faults FILE        fault script at start (the body of POST /__sim/faults)\n"
                       "  --clock SPEC         'real' or 'fixed:ISO8601' (default ") + kDefaultClockSpec + ");\n"
           "                       a fixed clock moves only via POST /__sim/clock {\"advance\":\"PT15M\"}\n"
           "  --seed N             seed for generated ids and data (default 1)\n"
           "  --defect NAME        switch on a deliberate defect (repeatable; see gbc-sim defects)\n"
           "  --public-url URL     origin of absolute links and of the demo site (http(s)://HOST[:PORT]);\n"
           "                       default: the address bound. The Host header never decides it.\n"
           "  --admin-token TOKEN  /__sim needs 'Authorization: Bearer TOKEN' (16+ of A-Z a-z 0-9 . _ ~ -).\n"
           "                       Without it, /__sim is open on a loopback --listen; beyond loopback a token\n"
           "                       is generated and printed on stdout ('gbc-sim admin token: ...').\n"
           "  --no-admin           switch the /__sim admin API off (404)\n"
           "  --variation NAME     switch on a behaviour the standards allow but gbc-sim does not show by\n"
           "                       default (repeatable; see gbc-sim variations)\n"
           "  --profile NAME       behave like a real custodian's quirk for every client (repeatable; see\n"
           "                       gbc-sim profiles; per client: POST /__sim/clients/{id}/profiles)\n"
           "  --workers N          request workers (default max(8, 2 x cores))\n"
           "  --max-connections N  open connections (default 4096); one more is answered 503 and closed\n"
           "  --request-timeout S  seconds for a request's line, headers and body to arrive, from its first\n"
           "                       byte (default 10; slower: 408 and closed)\n"
           "  --idle-timeout S     seconds a keep-alive connection may wait for its next request (default 5)\n"
           "  --quiet              no request log on stderr\n"
           "  --help, --version\n\n"
           "Exit status: 0 after SIGINT/SIGTERM, 1 when the server cannot start, 2 for bad arguments or catalogue.\n";
}

} // namespace gbc
