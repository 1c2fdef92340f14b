// A scripted third-party app for the grading tests: well-behaved, or with exactly one slip (one per client check).
#pragma once

#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "clock.h"

namespace gbc::gradetest {

enum class Slip {
    None, NoState, ReuseState, PlainPkce, ExchangeTwice, LateExchange, OtherRedirect, BothAuth, RefreshEachRequest,
    ReuseOldRefresh, ReuseRefused, IgnoreRetryAfter, NoBackoff, OdrInsideTtl, OdrFastPoll, FullRefetch,
    IgnoreBatchList, IgnoreNext, EarlyIntervals, RejectGoodWebhook, AcceptBadWebhook,
};

inline constexpr const char* kClient = "EPE_ccccccccc";
inline constexpr const char* kWebhookSecret = "grading-webhook-secret";

// The app's own server: /notify (BatchList) and /hook (webhooks, signature verified unless a slip says otherwise).
class Receiver {
public:
    explicit Receiver(Slip slip);
    ~Receiver();
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    // Resource paths named by the BatchLists received since the last call.
    std::vector<std::string> takeNamed();

private:
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
    std::mutex mutex_;
    std::vector<std::string> named_;
};

// Drives the simulator at baseUrl like an app would, moving `clock` where an app would wait.
class ScriptedApp {
public:
    ScriptedApp(const std::string& baseUrl, FixedClock& clock, Slip slip);
    void run();

private:
    bool oauth();
    void fetchUntilReady();
    void followNotifications();
    void refreshPhase();
    void refusedPhase();
    void jsonPhase();
    void odrPhase();
    bool refresh(const std::string& token);
    std::string meterUid();
    void intervals();
    httplib::Result get(const std::string& target, const std::string& token);
    httplib::Result post(const std::string& path, const std::string& body, const std::string& type, bool basic = false,
                         bool api = false);
    void flush();

    FixedClock& clock_;
    Slip slip_;
    std::string baseUrl_;
    httplib::Client http_;
    Receiver receiver_;
    std::string access_, refresh_, uid_;
};

const char* toString(Slip s);

} // namespace gbc::gradetest
