// Benchmark: token endpoint throughput with the grading journal on vs off (same run, interleaved rounds), and RSS
// after 100k journaled requests (bounded by the journal's cap).
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "catalogue_loader.h"
#include "journal_observer.h"
#include "sim_server.h"

namespace {

using namespace gbc;

long rssKb()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atol(line.c_str() + 6);
    return -1;
}

// client_credentials at ESSEX's token endpoint, `n` times over one keep-alive connection; requests per second.
double tokenRate(const std::string& baseUrl, int n)
{
    httplib::Client client(baseUrl);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true); // headers and body go in two writes: without it Nagle + delayed ACK cost ~40 ms each
    client.set_basic_auth("ESSEX_ccccccccc", "sandbox_secret");
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) {
        auto r = client.Post("/DataCustodian/ESSEX/oauth/token", "grant_type=client_credentials",
                             "application/x-www-form-urlencoded");
        if (!r || r->status != 200) {
            std::fprintf(stderr, "token request answered %d\n", r ? r->status : 0);
            std::exit(1);
        }
    }
    return n / std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::unique_ptr<SimServer> serve(std::shared_ptr<const Catalogue> catalogue, bool journal)
{
    SimServerOptions o;
    o.catalogue = std::move(catalogue);
    o.journal = journal;
    auto s = std::make_unique<SimServer>(o);
    if (!s->start("127.0.0.1", 0).ok())
        std::exit(1);
    return s;
}

} // namespace

int main(int argc, char** argv)
{
    const int n = argc > 1 ? std::atoi(argv[1]) : 2000;
    const int journaled = argc > 2 ? std::atoi(argv[2]) : 100000;
    auto catalogue = std::make_shared<const Catalogue>(builtinCatalogue().value());
    auto on = serve(catalogue, true), off = serve(catalogue, false);
    double rateOn = 0, rateOff = 0;
    for (int round = 0; round < 3; ++round) { // interleaved so drift hits both alike
        rateOff += tokenRate(off->baseUrl(), n) / 3;
        rateOn += tokenRate(on->baseUrl(), n) / 3;
    }
    std::printf("token endpoint, journal off  %9.0f requests/s\n", rateOff);
    std::printf("token endpoint, journal on   %9.0f requests/s  (%+.1f %%)\n", rateOn, (rateOn / rateOff - 1) * 100);

    ClientJournals& journals = *on->journals();
    HttpRequest req;
    req.method = "POST";
    req.path = "/DataCustodian/ESSEX/oauth/token";
    req.headers["authorization"] = "Basic RVNTRVhfY2NjY2NjY2NjOnNhbmRib3hfc2VjcmV0"; // ESSEX_ccccccccc:sandbox_secret
    req.headers["content-type"] = "application/x-www-form-urlencoded";
    req.form = {{"grant_type", "refresh_token"}, {"refresh_token", "r"}};
    const HttpAnswer answer = HttpAnswer::make(200, "application/json", R"({"access_token":"a","expires_in":3600})");
    const long before = rssKb();
    for (int i = 0; i < journaled; ++i) {
        req.form.find("refresh_token")->second = "refresh-" + std::to_string(i);
        journals.observe(req, answer);
    }
    const auto journal = journals.journal("ESSEX_ccccccccc");
    const JournalSnapshot s = journal->snapshot(0, 0);
    std::printf("after %d journaled requests: RSS %+ld KB (now %ld KB); journal holds %zu entries, %zu KB "
                "(cap %zu entries / %zu KB), %llu dropped\n",
                journaled, rssKb() - before, rssKb(), journal->size(), journal->heldBytes() / 1024, s.cap.entries,
                s.cap.bytes / 1024, static_cast<unsigned long long>(s.dropped));
    const bool bounded = journal->size() <= s.cap.entries && journal->heldBytes() <= s.cap.bytes;
    on->stop();
    off->stop();
    return bounded ? 0 : 1;
}
