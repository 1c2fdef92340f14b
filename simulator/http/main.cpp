// gbc-sim: parse the command line, then list (scenarios, defects, variations) or serve until SIGINT/SIGTERM.
#include <csignal>
#include <fstream>
#include <iostream>
#include <memory>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "catalogue_listing.h"
#include "catalogue_loader.h"
#include "cli_options.h"
#include "catalogue_variations.h"
#include "client_registration.h"
#include "defects.h"
#include "fault_script.h"
#include "json_reader.h"
#include "profiles.h"
#include "grade_command.h"
#include "sim_server.h"
#include "tls_cert.h"

using namespace gbc;

namespace {

Result<Catalogue> loadCatalogue(const SimCliOptions& opts)
{
    if (opts.scenariosDir.empty())
        return builtinCatalogue();
    if (!opts.scenariosOverlay)
        return loadCatalogueDir(opts.scenariosDir);
    auto base = builtinCatalogue();
    return base ? loadCatalogueOverlay(std::move(base.value()), opts.scenariosDir) : base;
}

// --clients FILE: registrations made before serving, exactly as POST /__sim/clients would make them.
Status registerFromFile(const std::string& path, Catalogue& catalogue)
{
    attachRegistries(catalogue);
    if (path.empty())
        return okStatus();
    auto text = readTextFile(path);
    if (!text)
        return text.error();
    auto registrations = readRegistrationFile(*text, path);
    if (!registrations)
        return registrations.error();
    return registerAll(catalogue, *registrations, path);
}

// --faults FILE: the body POST /__sim/faults takes.
Result<std::shared_ptr<FaultBook>> loadFaults(const std::string& path)
{
    auto book = std::make_shared<FaultBook>();
    if (path.empty())
        return book;
    auto text = readTextFile(path);
    if (!text)
        return text.error();
    auto doc = parseJsonText(*text, path);
    if (!doc)
        return doc.error();
    auto script = readFaultScript(*doc, path);
    if (!script)
        return script.error();
    book->set(std::move(script.value()));
    return book;
}

// With TLS: the certificate goes to --cert-out FILE or a temp file, named on the line after the listening line.
Status writeCertificate(const SimCliOptions& opts, const std::string& pem)
{
    std::string path = opts.certOut;
    if (path.empty()) {
        std::string pattern = "/tmp/gbc-sim-cert-XXXXXX.pem";
        const int fd = mkstemps(pattern.data(), 4);
        if (fd < 0)
            return Error{"tls", "--cert-out", "cannot create a temp file for the certificate"};
        close(fd);
        path = pattern;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << pem;
    if (!out.flush())
        return Error{"tls", "--cert-out", "cannot write the certificate to '" + path + "'"};
    std::cout << "gbc-sim certificate: " << path << std::endl;
    return okStatus();
}

int fail(int code, const Error& e)
{
    std::cerr << "gbc-sim: " << e.describe() << "\n";
    return code;
}

Result<SimServerOptions> serverOptions(const SimCliOptions& opts, Catalogue catalogue)
{
    SimServerOptions so;
    so.catalogue = std::make_shared<const Catalogue>(std::move(catalogue));
    auto clock = makeClock(opts.clock.empty() ? kDefaultClockSpec : opts.clock);
    if (!clock)
        return clock.error();
    so.clock = *clock;
    so.seed = opts.seed;
    so.defects = opts.defects;
    so.variations = opts.variations;
    so.profiles = opts.profiles;
    so.tls = opts.tls;
    so.publicBaseUrl = opts.publicUrl;
    so.admin = !opts.noAdmin;
    so.adminToken = opts.adminToken;
    so.limits = opts.limits;
    auto faults = loadFaults(opts.faultsFile);
    if (!faults)
        return faults.error();
    so.faults = *faults;
    if (!opts.certFile.empty()) {
        auto identity = loadTlsIdentity(opts.certFile, opts.keyFile);
        if (!identity)
            return identity.error();
        so.certPem = identity->certPem;
        so.keyPem = identity->keyPem;
    }
    if (!opts.quiet)
        so.log = [](const std::string& line) { std::cerr << line + "\n" << std::flush; };
    return so;
}

// Beyond loopback: a warning on stderr before serving (the token line follows the listening line on stdout).
void warnIfExposed(const SimCliOptions& opts)
{
    if (isLoopbackHost(opts.host))
        return;
    std::cerr << "gbc-sim: warning: listening on " << opts.host << ", beyond loopback: anyone who can reach it can "
              << "use the mock utilities and their test accounts; "
              << (opts.noAdmin ? "/__sim is off" : "/__sim needs the admin token") << "\n" << std::flush;
}

// Blocks SIGINT/SIGTERM in every thread (the server's threads inherit the mask), serves, waits for one.
int serve(SimServerOptions so, const SimCliOptions& opts)
{
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    warnIfExposed(opts);
    SimServer server(std::move(so));
    if (Status st = server.start(opts.host, opts.port); !st)
        return fail(1, st.error());
    std::cout << "gbc-sim listening on " << server.baseUrl() << std::endl;
    if (opts.tls && (opts.certFile.empty() || !opts.certOut.empty())) // generated, or asked for
        if (Status st = writeCertificate(opts, server.certificatePem()); !st)
            return fail(1, st.error());
    if (!opts.noAdmin && opts.adminToken.empty() && !server.adminToken().empty()) // generated: say it (once)
        std::cout << "gbc-sim admin token: " << server.adminToken() << std::endl;
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "gbc-sim: signal " << received << ", shutting down\n";
    server.stop();
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    auto opts = parseSimCli(std::vector<std::string>(argv + 1, argv + argc));
    if (!opts) {
        std::cerr << "gbc-sim: " << opts.error().describe() << "\n(try gbc-sim --help)\n";
        return 2;
    }
    if (opts->command == SimCommand::Help) {
        std::cout << simHelpText();
        return 0;
    }
    if (opts->command == SimCommand::Version) {
        std::cout << "gbc-sim " << GBC_VERSION << "\n";
        return 0;
    }
    if (opts->command == SimCommand::Grade)
        return runGradeCommand(GradeCommand{opts->gradeUrl, opts->gradeClient, opts->reportDir, opts->formats, opts->adminToken});
    if (opts->command == SimCommand::Defects) {
        for (const DefectInfo& d : allDefects())
            std::cout << d.name << "  " << d.area << "  " << d.description << "\n";
        return 0;
    }
    if (opts->command == SimCommand::Variations) {
        for (const VariationInfo& v : allVariations())
            std::cout << v.name << "  " << v.description << "  [" << v.allowedBy << "]\n";
        return 0;
    }
    if (opts->command == SimCommand::Profiles) {
        for (const ProfileInfo& p : allProfiles())
            std::cout << p.name << "  " << p.description << "  [" << p.source << "]\n";
        return 0;
    }
    if (Status st = validateProfiles(); !st)
        return fail(2, st.error());
    auto catalogue = loadCatalogue(*opts);
    if (!catalogue)
        return fail(2, catalogue.error());
    if (opts->variations.count(Variation::ReservedCharSecrets))
        catalogue = withReservedCharSecrets(std::move(catalogue.value()));
    if (opts->command == SimCommand::Scenarios) {
        std::cout << (opts->json ? listCatalogueJson(*catalogue) : listCatalogueText(*catalogue));
        return 0;
    }
    if (Status st = registerFromFile(opts->clientsFile, catalogue.value()); !st)
        return fail(2, st.error());
    auto so = serverOptions(*opts, std::move(*catalogue));
    if (!so)
        return fail(2, so.error());
    return serve(std::move(*so), *opts);
}
