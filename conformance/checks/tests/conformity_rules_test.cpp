// Rules that keep conforming files from FAILing: extensible code lists, snapshot readings, DST-day blocks, and the
// schema search of `validate` (library and CLI).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "registry.h"
#include "schema_check.h"
#include "test_support.h"

namespace gbc {
namespace {

std::string fixture(const std::string& name) { return test::env("GBC_FIXTURES_DIR") + "/" + name; }

std::vector<const LocatedFinding*> findingsOf(const ValidationResult& r, const std::string& id)
{
    std::vector<const LocatedFinding*> out;
    for (const LocatedFinding& f : r.findings)
        if (f.finding.checkId == id)
            out.push_back(&f);
    return out;
}

// Makes sure powerOfTenMultiplier -5 (UnitMultiplierKind is a union with Int16, so -5 is schema-valid, as on a GBA
// sample) is a WARN of ESPI-CODE-LISTED and no MUST failure, while a value outside Int16/UInt16 still FAILs.
// Example failure: ESPI-RT-CODES fails -5 as "not a defined code".
TEST(ConformityRules, UnlistedCodeOfAnExtensibleListIsWarnOnly)
{
    ValidationResult r = validateFile(fixture("invalid_ESPI-CODE-LISTED_multiplier_minus5.xml"), {});
    EXPECT_EQ(r.verdictOf("ESPI-RT-CODES"), Verdict::Pass);
    EXPECT_EQ(r.verdictOf("ESPI-CODE-LISTED"), Verdict::Warn);
    EXPECT_FALSE(r.mustFailed());
    auto warn = findingsOf(r, "ESPI-CODE-LISTED");
    ASSERT_EQ(warn.size(), 1u);
    EXPECT_EQ(warn[0]->path, "/feed/entry[4]/content/ReadingType/powerOfTenMultiplier");
    EXPECT_NE(warn[0]->finding.message.find("UnitMultiplierKind"), std::string::npos) << warn[0]->finding.message;
    ValidationResult bad = validateFile(fixture("invalid_ESPI-RT-CODES_currency_not_uint16.xml"), {});
    EXPECT_EQ(bad.verdictOf("ESPI-RT-CODES"), Verdict::Fail);
    EXPECT_EQ(bad.verdictOf("ESPI-CODE-LISTED"), Verdict::Pass); // reported once, by the MUST check
}

// Makes sure 1-minute bulk-quantity register readings (duration 0, 60 s apart, like the GBA register sample that
// used to get 101 ESPI-IB-CONTIGUOUS and 101 ESPI-IB-READING FAILs) pass: contiguity SKIPs naming the reason,
// zero durations are legal, and FB 5 (delta interval signature) is not inferred.
// Example failure: a gap is reported between every two register reads.
TEST(ConformityRules, RegisterReadingsAreSnapshots)
{
    ValidationResult r = validateFile(fixture("valid_accumulation_1_bulk_quantity_register.xml"), {});
    EXPECT_FALSE(r.mustFailed());
    EXPECT_EQ(r.verdictOf("ESPI-IB-READING"), Verdict::Pass);
    EXPECT_EQ(r.verdictOf("ESPI-IB-CONTIGUOUS"), Verdict::Skip);
    EXPECT_EQ(r.functionBlocks.toString(), "1_4");
    EXPECT_EQ(r.verdictOf("ESPI-D078"), Verdict::Skip);
    ValidationResult delta = validateFile(fixture("valid_accumulation_4_delta.xml"), {});
    EXPECT_TRUE(delta.functionBlocks.has(5));
    EXPECT_EQ(delta.verdictOf("ESPI-IB-CONTIGUOUS"), Verdict::Pass);
}

// Makes sure every accumulation kind has its valid fixture and it passes with no MUST failure.
// Example failure: instantaneous (12) readings of 0 s fail ESPI-IB-READING.
TEST(ConformityRules, EveryAccumulationKindHasAPassingFixture)
{
    std::vector<std::string> files = test::xmlFiles(test::env("GBC_FIXTURES_DIR"), "valid_accumulation_");
    EXPECT_EQ(files.size(), 9u);
    for (const std::string& f : files)
        EXPECT_FALSE(validateFile(fixture(f), {}).mustFailed()) << f;
}

// Makes sure a DST-day block whose readings follow a wrong 24 h duration FAILs ESPI-IB-DSTCOUNT (double count on the
// 23 h day, a lost hour on the 25 h day), while wrong metadata over right readings is an ESPI-IB-OVERLAP FAIL that
// says so. Example failure: both cases read "overlaps an earlier block" and nobody can tell data from metadata.
TEST(ConformityRules, DstDayDataVersusMetadata)
{
    auto message = [](const ValidationResult& r, const std::string& id) {
        auto f = findingsOf(r, id);
        return f.empty() ? std::string() : f[0]->finding.message;
    };
    ValidationResult twice = test::validateFixture(fixture("invalid_ESPI-IB-DSTCOUNT_24_readings_on_23h_day.xml"), false);
    EXPECT_NE(message(twice, "ESPI-IB-DSTCOUNT").find("counted twice"), std::string::npos);
    ValidationResult lost = test::validateFixture(fixture("invalid_ESPI-IB-DSTCOUNT_24_readings_on_25h_day.xml"), false);
    EXPECT_NE(message(lost, "ESPI-IB-DSTCOUNT").find("lost"), std::string::npos);
    ValidationResult meta = test::validateFixture(fixture("invalid_ESPI-IB-OVERLAP_dst_metadata_only.xml"), false);
    EXPECT_EQ(meta.verdictOf("ESPI-IB-DSTCOUNT"), Verdict::Pass);
    EXPECT_NE(message(meta, "ESPI-IB-OVERLAP").find("metadata is off"), std::string::npos);
    auto overlap = findingsOf(meta, "ESPI-IB-OVERLAP");
    ASSERT_FALSE(overlap.empty());
    EXPECT_GT(overlap[0]->line, 0u);
    ValidationResult data = test::validateFixture(fixture("invalid_ESPI-IB-OVERLAP_overlapping_block.xml"), false);
    EXPECT_NE(message(data, "ESPI-IB-OVERLAP").find("so do their readings"), std::string::npos);
}

// Makes sure the default schema search takes GBC_SCHEMA_DIR first, then shared/espi-schema/v4.0 above the
// executable, and reports what it tried otherwise. Example failure: the search uses the working directory.
TEST(SchemaSearch, EnvironmentThenAncestorsOfTheExecutable)
{
    namespace fs = std::filesystem;
    fs::path root = fs::temp_directory_path() / ("gbc-schema-search-" + std::to_string(::getpid()));
    fs::create_directories(root / "shared/espi-schema/v4.0");
    fs::create_directories(root / "checkout/build/conformance/cli");
    std::ofstream(root / "shared/espi-schema/v4.0/all.xsd") << "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'/>";
    std::string exe = (root / "checkout/build/conformance/cli/gbc-conformance").string();
    std::string saved = test::env("GBC_SCHEMA_DIR");
    ::unsetenv("GBC_SCHEMA_DIR");
    Result<std::string> found = findDefaultSchema(exe);
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_EQ(fs::path(*found), fs::weakly_canonical(root / "shared/espi-schema/v4.0/all.xsd"));
    EXPECT_FALSE(findDefaultSchema("/nonexistent-root/bin/gbc-conformance"));
    ::setenv("GBC_SCHEMA_DIR", "/nonexistent-schema-dir", 1);
    Result<std::string> bad = findDefaultSchema(exe);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("no schema here"), std::string::npos);
    ValidateOptions o;
    Result<std::string> note = chooseSchema(o, SchemaChoice::Default);
    ASSERT_TRUE(note);
    EXPECT_NE(note->find("SKIP"), std::string::npos);
    EXPECT_TRUE(o.schemaFile.empty());
    EXPECT_NE(o.schemaSkipReason.find("no schema found"), std::string::npos);
    EXPECT_FALSE(chooseSchema(o, SchemaChoice::Explicit, "/nonexistent"));
    ASSERT_TRUE(chooseSchema(o, SchemaChoice::Off));
    EXPECT_EQ(o.schemaSkipReason, "--no-schema given");
    ::setenv("GBC_SCHEMA_DIR", saved.c_str(), 1);
    fs::remove_all(root);
}

using test::CliRun;

CliRun runCli(const std::string& envPrefix, const std::string& args) { return test::runConformance(args, envPrefix); }

std::size_t occurrences(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

// Makes sure `validate` runs the XSD check by default (schema from GBC_SCHEMA_DIR), and when no schema is found says
// so once on stderr for several files and SKIPs the check with the reason. Example failure: the XSD check silently
// disappears when the schema folder moves.
TEST(SchemaSearch, CliDefaultAndNotFound)
{
    std::string gas = "'" + fixture("valid_gas_feed.xml") + "'", order = "'" + fixture("invalid_ESPI-XSD-001_field_order.xml") + "'";
    CliRun found = runCli("GBC_SCHEMA_DIR='" + test::env("GBC_SCHEMA_DIR") + "'", "validate " + order + " --verbose");
    EXPECT_EQ(found.code, 1) << found.out;
    EXPECT_NE(found.out.find("ESPI-XSD-001 FAIL"), std::string::npos) << found.out;
    CliRun missing = runCli("GBC_SCHEMA_DIR=/nonexistent-schema-dir", "validate " + gas + " " + gas + " --verbose");
    EXPECT_EQ(missing.code, 0) << missing.out;
    EXPECT_EQ(occurrences(missing.out, "note: "), 1u) << missing.out;
    EXPECT_NE(missing.out.find("ESPI-XSD-001 SKIP"), std::string::npos) << missing.out;
    EXPECT_NE(missing.out.find("no schema found"), std::string::npos) << missing.out;
    CliRun off = runCli("", "validate " + order + " --no-schema");
    EXPECT_EQ(off.code, 0) << off.out;
}

} // namespace
} // namespace gbc
