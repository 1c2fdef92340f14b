// Namespace rewriting: one pass over the start/end tags with a stack of the namespace each open element is in.
#include "namespace_forms.h"

#include <array>
#include <vector>

#include "atom_writer.h"

namespace gbc {

namespace {

struct Binding {
    std::string_view uri;
    std::string_view prefix; // "" = the default namespace
};

std::array<Binding, 3> bindingsOf(NamespaceForm form)
{
    switch (form) {
    case NamespaceForm::EspiPrefix: return {{{kAtomNs, ""}, {kEspiNs, "espi"}, {kCustomerNs, "cust"}}};
    case NamespaceForm::Ns0Ns1: return {{{kAtomNs, "ns0"}, {kEspiNs, "ns1"}, {kCustomerNs, "ns2"}}};
    case NamespaceForm::EspiDefault: return {{{kAtomNs, "atom"}, {kEspiNs, ""}, {kCustomerNs, "cust"}}};
    case NamespaceForm::AsWritten: break;
    }
    return {{{kAtomNs, ""}, {kEspiNs, ""}, {kCustomerNs, ""}}};
}

class Rewriter {
public:
    Rewriter(std::string_view in, NamespaceForm form) : in_(in), bindings_(bindingsOf(form)) { out_.reserve(in.size() + in.size() / 8); }

    std::string run()
    {
        std::size_t i = 0;
        while (i < in_.size()) {
            const std::size_t lt = in_.find('<', i);
            out_.append(in_.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i));
            if (lt == std::string_view::npos)
                break;
            i = markup(lt);
        }
        return std::move(out_);
    }

private:
    std::string_view prefixOf(std::string_view uri) const
    {
        for (const Binding& b : bindings_)
            if (b.uri == uri)
                return b.prefix;
        return "";
    }
    void name(std::string_view uri, std::string_view local)
    {
        const std::string_view p = prefixOf(uri);
        if (!p.empty())
            out_.append(p).append(":");
        out_.append(local);
    }
    std::size_t copyUntil(std::size_t from, std::string_view end)
    {
        const std::size_t e = in_.find(end, from);
        const std::size_t stop = e == std::string_view::npos ? in_.size() : e + end.size();
        out_.append(in_.substr(from, stop - from));
        return stop;
    }
    std::size_t markup(std::size_t lt)
    {
        const std::string_view rest = in_.substr(lt);
        if (rest.starts_with("<?"))
            return copyUntil(lt, "?>");
        if (rest.starts_with("<!--"))
            return copyUntil(lt, "-->");
        if (rest.starts_with("<![CDATA["))
            return copyUntil(lt, "]]>");
        if (rest.starts_with("<!"))
            return copyUntil(lt, ">");
        if (rest.starts_with("</"))
            return endTag(lt);
        return startTag(lt);
    }
    std::size_t endTag(std::size_t lt)
    {
        const std::size_t gt = in_.find('>', lt);
        const std::string_view local = in_.substr(lt + 2, gt - lt - 2);
        out_.append("</");
        name(stack_.empty() ? std::string_view() : stack_.back(), local);
        out_.append(">");
        if (!stack_.empty())
            stack_.pop_back();
        return gt == std::string_view::npos ? in_.size() : gt + 1;
    }
    std::size_t startTag(std::size_t lt);

    std::string_view in_;
    std::array<Binding, 3> bindings_;
    std::string out_;
    std::vector<std::string_view> stack_; // namespace URI of each open element
    bool rootDone_ = false;
};

std::size_t Rewriter::startTag(std::size_t lt)
{
    std::size_t i = lt + 1;
    while (i < in_.size() && in_[i] != ' ' && in_[i] != '/' && in_[i] != '>' && in_[i] != '\n')
        ++i;
    const std::string_view local = in_.substr(lt + 1, i - lt - 1);
    std::size_t gt = i;
    for (char quote = 0; gt < in_.size() && (quote || in_[gt] != '>'); ++gt)
        if (in_[gt] == '"' || in_[gt] == '\'')
            quote = quote == in_[gt] ? 0 : (quote ? quote : in_[gt]);
    std::string_view attrs = in_.substr(i, gt - i);
    const bool empty = !attrs.empty() && attrs.back() == '/';
    if (empty)
        attrs.remove_suffix(1);
    std::string_view uri = stack_.empty() ? std::string_view() : stack_.back();
    std::string kept;
    if (const std::size_t x = attrs.find(" xmlns=\""); x != std::string_view::npos) {
        const std::size_t close = attrs.find('"', x + 8);
        uri = attrs.substr(x + 8, close - x - 8);
        kept.append(attrs.substr(0, x)).append(attrs.substr(close + 1));
    } else {
        kept.append(attrs);
    }
    out_.append("<");
    name(uri, local);
    if (!rootDone_) {
        rootDone_ = true;
        for (const Binding& b : bindings_)
            out_.append(b.prefix.empty() ? " xmlns=\"" : " xmlns:").append(b.prefix).append(b.prefix.empty() ? "" : "=\"")
                .append(b.uri).append("\"");
    }
    out_.append(kept).append(empty ? "/>" : ">");
    if (!empty)
        stack_.push_back(uri);
    return gt == in_.size() ? gt : gt + 1;
}

} // namespace

NamespaceForm namespaceFormOf(const SimContext& ctx)
{
    if (ctx.behaviour(ProfileBehaviour::PrefixChurn)) { // profile prefix_churn: the next form on every answer
        static constexpr NamespaceForm forms[] = {NamespaceForm::AsWritten, NamespaceForm::EspiPrefix,
                                                  NamespaceForm::Ns0Ns1, NamespaceForm::EspiDefault};
        return forms[ctx.profileState->nextChurn() % 4];
    }
    if (ctx.variation(Variation::XmlPrefixEspi))
        return NamespaceForm::EspiPrefix;
    if (ctx.variation(Variation::XmlPrefixNs0Ns1))
        return NamespaceForm::Ns0Ns1;
    if (ctx.variation(Variation::XmlDefaultNamespace))
        return NamespaceForm::EspiDefault;
    return NamespaceForm::AsWritten;
}

std::string rewriteNamespaces(std::string_view xml, NamespaceForm form)
{
    if (form == NamespaceForm::AsWritten)
        return std::string(xml);
    return Rewriter(xml, form).run();
}

} // namespace gbc
