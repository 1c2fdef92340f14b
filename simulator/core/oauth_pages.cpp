// Renders the authorize pages as plain forms that work without JavaScript.
#include "oauth_pages.h"

#include <map>

#include "html.h"
#include "oauth_identify.h"
#include "scope.h"

namespace gbc {

namespace {

std::string hidden(const std::string& name, const std::string& value)
{
    return "<input type=\"hidden\" name=\"" + escapeHtml(name) + "\" value=\"" + escapeHtml(value) + "\">";
}

std::string field(const std::string& name, const std::string& label, const std::string& type,
                  const std::string& value, const std::string& extra = "")
{
    return "<label for=\"" + name + "\">" + escapeHtml(label) + "</label><input type=\"" + type + "\" id=\"" + name +
           "\" name=\"" + name + "\" value=\"" + escapeHtml(value) + "\" required " + extra + ">";
}

std::string formOpen(const PageContext& page, const std::string& id)
{
    return "<form id=\"" + id + "\" method=\"post\" action=\"" + escapeHtml(page.formAction) + "\">" +
           hidden("flow", page.flow.id);
}

std::string submitAndCancel(const std::string& action, const std::string& label)
{
    return "<div><button type=\"submit\" name=\"action\" value=\"" + action + "\">" + escapeHtml(label) +
           "</button><button type=\"submit\" name=\"action\" value=\"cancel\" formnovalidate>Cancel</button></div>";
}

std::string intro(const PageContext& page)
{
    std::string mode = page.mode == ClientMode::Sandbox ? " (sandbox mode: test accounts only)" : "";
    return "<p><strong>" + escapeHtml(page.client.company) + "</strong> (client <code>" +
           escapeHtml(page.client.clientId) + "</code>" + escapeHtml(mode) + ") asks for access to your " +
           escapeHtml(page.utility.name) + " energy data.</p>\n";
}

std::string verifyFields(const PageContext& page)
{
    const std::string& pre = page.flow.prefill;
    switch (page.flow.authType) {
    case AuthType::Lastbill:
        return field("account_number", "Account number", "text", pre, "autocomplete=\"off\"") +
               field("bill_amount", "Latest bill amount", "text", "", "inputmode=\"decimal\" placeholder=\"100.00\"") +
               field("bill_date", "Latest bill date (YYYY-MM-DD)", "date", "");
    case AuthType::Sso:
    case AuthType::Proxy:
        return field("username", "Username", "text", pre, "autocomplete=\"username\"") +
               field("password", "Password", "password", "", "autocomplete=\"current-password\"");
    case AuthType::Test: {
        std::string names;
        for (const Customer& c : page.utility.customers)
            for (const std::string& t : c.identities.test)
                names += (names.empty() ? "" : ", ") + t;
        return field("test_account", "Test account", "text", pre) + "<p class=\"note\">Test accounts: " +
               escapeHtml(names) + "</p>";
    }
    default:
        return field("lookup_value", authTypeLabel(page.flow.authType), "text", pre);
    }
}

std::string methodSwitch(const PageContext& page)
{
    std::string buttons;
    for (AuthType t : page.utility.allowedAuth)
        if (t != page.flow.authType)
            buttons += "<button type=\"submit\" name=\"method\" value=\"" + std::string(toString(t)) + "\">" +
                       escapeHtml(authTypeLabel(t)) + "</button>";
    if (buttons.empty())
        return "";
    return formOpen(page, "switch-form") + hidden("action", "method") + "<p class=\"note\">Verify another way:</p>" +
           buttons + "</form>\n";
}

// What the customer is asked to share, in words, with the GBA function block number (espi.md, GBA catalogue).
std::string functionBlockName(int fb)
{
    static const std::map<int, const char*> names = {
        {1, "Usage information common"}, {2, "Download My Data usage"}, {3, "Connect My Data usage"},
        {4, "Interval metering data"}, {5, "Interval electricity usage"}, {6, "Demand"}, {7, "Net metering"},
        {8, "Forward and reverse metering"}, {9, "Register readings"}, {10, "Gas usage"}, {11, "Water usage"},
        {12, "Interval cost"}, {13, "Security and privacy of usage data"}, {14, "Authorization with an agreed scope"},
        {15, "Usage summaries"}, {16, "Usage summaries with cost (bills)"}, {17, "Power quality"},
        {18, "Multiple meters"}, {19, "Partial updates"}, {27, "Summary demands and previous day"},
        {28, "Current billing period cost"}, {29, "Temperature"}, {31, "Authorization without an agreed scope"},
        {32, "Resource-level access"}, {33, "Management access"}, {35, "Bulk transfer"}, {37, "Query parameters"},
        {39, "New-data notifications"}, {40, "Offline authorization"}, {41, "Manage authorizations"},
        {44, "Manage application information"}, {51, "Customer information common"}, {54, "Basic customer information"},
        {55, "Customer demographics"}, {56, "Billing information"}, {57, "Accounts and agreements"},
        {58, "Service locations"}, {59, "Energy supplier"}, {60, "Meters"}, {61, "End devices"},
        {62, "Program mappings"}, {64, "Security and privacy of customer data"}, {65, "Customer authorization"},
        {69, "Customer data notifications"}, {70, "Offline customer data"}};
    const auto it = names.find(fb);
    return std::string(it == names.end() ? "Function block" : it->second) + " (FB " + std::to_string(fb) + ")";
}

std::string scopeSummary(const std::string& scopeText)
{
    auto scope = parseScope(scopeText);
    if (!scope)
        return "";
    std::string items;
    for (int fb : scope->functionBlocks)
        items += "<li>" + escapeHtml(functionBlockName(fb)) + "</li>";
    const EpochSeconds days = scope->historyLengthOrDefault() / 86400;
    return "<ul>" + items + "</ul><p>History: " + std::to_string(days) + " days. Scope: <code id=\"scope\">" +
           escapeHtml(scopeText) + "</code></p>\n";
}

} // namespace

std::string authTypeLabel(AuthType type)
{
    switch (type) {
    case AuthType::Lastbill: return "Latest bill";
    case AuthType::Test: return "Test scenario";
    case AuthType::Sso: return "Utility login";
    case AuthType::Proxy: return "Data-sharing platform login";
    case AuthType::Account: return "Account number";
    case AuthType::Phone: return "Phone number";
    case AuthType::Email: return "Email address";
    case AuthType::Address: return "Service address";
    }
    return "Verification";
}

std::string verifyPage(const PageContext& page, const std::string& errorHtml)
{
    const std::string prompt = page.flow.prompt ? "<p class=\"note\">Sign-in requested by the app (prompt=on).</p>" : "";
    const std::string body = intro(page) + errorHtml + "<h2>Verify: " + escapeHtml(authTypeLabel(page.flow.authType)) +
                             "</h2>" + prompt + formOpen(page, "verify-form") + verifyFields(page) +
                             submitAndCancel("verify", "Continue") + "</form>\n" + methodSwitch(page);
    return renderPage(page.utility.name + ": share your energy data", body);
}

std::string otpPage(const PageContext& page, const std::string& errorHtml)
{
    std::string sandbox;
    if (page.mode == ClientMode::Sandbox)
        sandbox = "<p class=\"note\">Sandbox mode: no message is sent; your one-time code is <strong id=\"sandbox-otp\">" +
                  escapeHtml(page.flow.otp) + "</strong></p>";
    const std::string body = intro(page) + errorHtml + "<h2>Enter your one-time code</h2><p>We sent a code to the " +
                             escapeHtml(authTypeLabel(page.flow.authType)) + " contact on file.</p>" + sandbox +
                             formOpen(page, "otp-form") +
                             field("otp", "One-time code", "text", "", "inputmode=\"numeric\" autocomplete=\"one-time-code\"") +
                             submitAndCancel("otp", "Verify code") + "</form>\n";
    return renderPage(page.utility.name + ": one-time code", body);
}

std::string consentPage(const PageContext& page, const Customer& customer, const std::string& errorHtml)
{
    std::string services;
    std::size_t index = 0;
    for (const Account& account : customer.accounts) {
        for (const Service& s : account.services) {
            const std::string id = "service-" + std::to_string(index);
            services += "<div><input type=\"checkbox\" id=\"" + id + "\" name=\"service\" value=\"" +
                        std::to_string(index) + "\" checked> <label for=\"" + id + "\" style=\"display:inline\">" +
                        escapeHtml(std::string(toString(s.kind)) + " meter " + s.meterNumber + " (account " +
                                   account.number + ", " + account.address + ")") + "</label></div>";
            ++index;
        }
    }
    const std::string body = intro(page) + errorHtml + "<h2>Review and approve</h2><p>Customer: " +
                             escapeHtml(customer.name.empty() ? customer.id : customer.name) + "</p>" +
                             scopeSummary(page.flow.scope) + formOpen(page, "consent-form") +
                             "<fieldset><legend>Services to share</legend>" + services + "</fieldset>" +
                             "<div><button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>"
                             "<button type=\"submit\" name=\"decision\" value=\"decline\">Decline</button></div></form>\n";
    return renderPage(page.utility.name + ": approve data sharing", body);
}

} // namespace gbc
