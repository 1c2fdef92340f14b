// The well-formedness corpus (fixtures/xml-wf): our ESPI-XML-WELLFORMED verdict equals `xmllint --noout`'s, which
// the test runs itself as the oracle, on every document.
#include <gtest/gtest.h>

#include <cstdlib>

#include "registry.h"
#include "test_support.h"

namespace gbc {
namespace {

std::string corpusDir() { return test::env("GBC_WF_CORPUS_DIR"); }

bool xmllintAvailable() { return std::system("xmllint --version > /dev/null 2>&1") == 0; }

// xmllint's verdict: exit 0 = well-formed.
bool xmllintSaysWellFormed(const std::string& path)
{
    std::string cmd = "xmllint --noout --nonet '" + path + "' > /dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

class WellFormedCorpus : public testing::TestWithParam<std::string> {};

// Makes sure our verdict (document usable and ESPI-XML-WELLFORMED PASS) is xmllint's, and that the file's name
// (ok_ / bad_) says the same, so the corpus itself is checked. Example failure: `&nbsp;` passes because pugixml
// leaves unknown entity references as text.
TEST_P(WellFormedCorpus, VerdictMatchesXmllint)
{
    if (!xmllintAvailable())
        GTEST_SKIP() << "xmllint (the oracle) is not installed";
    const std::string file = GetParam();
    const std::string path = corpusDir() + "/" + file;
    bool oracle = xmllintSaysWellFormed(path);
    EXPECT_EQ(oracle, file.rfind("ok_", 0) == 0) << file << ": the corpus name disagrees with xmllint";
    ValidationResult r = validateFile(path, {});
    bool ours = r.usable && r.verdictOf(std::string(kWellFormedCheckId)) == Verdict::Pass;
    EXPECT_EQ(ours, oracle) << file;
    if (!ours) {
        for (const LocatedFinding& f : r.findings) {
            if (f.finding.checkId == kWellFormedCheckId && f.finding.verdict == Verdict::Fail) {
                EXPECT_GT(f.line, 0u) << file << ": " << f.finding.message;
            }
        }
    }
}

std::string testName(const testing::TestParamInfo<std::string>& info)
{
    return info.param.substr(0, info.param.size() - 4);
}

INSTANTIATE_TEST_SUITE_P(Corpus, WellFormedCorpus, testing::ValuesIn(test::xmlFiles(corpusDir(), "")), testName);

// Makes sure the corpus is there and large enough: at least 40 documents, both verdicts represented.
// Example failure: GBC_WF_CORPUS_DIR points at an empty folder and the parameterized tests vanish.
TEST(WellFormedCorpusSetup, CorpusIsPresent)
{
    EXPECT_GE(test::xmlFiles(corpusDir(), "").size(), 40u) << corpusDir();
    EXPECT_GE(test::xmlFiles(corpusDir(), "ok_").size(), 15u);
    EXPECT_GE(test::xmlFiles(corpusDir(), "bad_").size(), 20u);
}

} // namespace
} // namespace gbc
