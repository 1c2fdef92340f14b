// Test helper: one xmllint --schema run over many documents (written to a temporary folder), and the gtest main
// that takes <xmllint path> <all.xsd path> as arguments. Shared by the schema and HTTP-crawl tests.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace gbc::testing {

inline std::string gXmllint, gSchema; // from the command line (empty xmllint: schema checks skip)

struct XmllintBatch {
    std::vector<std::size_t> invalid; // indices of the documents xmllint did not accept
    std::string output;               // xmllint's own words
};

inline XmllintBatch xmllintBatch(const std::vector<std::string>& bodies, const std::string& tag)
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("gbc_xmllint_" + std::to_string(getpid()) + "_" + tag);
    fs::create_directories(dir);
    auto file = [&](std::size_t i) { return (dir / (std::to_string(i) + ".xml")).string(); };
    std::string cmd = "'" + gXmllint + "' --noout --schema '" + gSchema + "'";
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        std::ofstream(file(i), std::ios::binary) << bodies[i];
        cmd += " '" + file(i) + "'";
    }
    XmllintBatch r;
    if (FILE* p = popen((cmd + " 2>&1").c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;)
            r.output.append(buf, n);
        pclose(p);
    }
    for (std::size_t i = 0; i < bodies.size(); ++i)
        if (r.output.find(file(i) + " validates") == std::string::npos)
            r.invalid.push_back(i);
    fs::remove_all(dir);
    return r;
}

inline int xmllintTestMain(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    gXmllint = argc > 1 ? argv[1] : "";
    gSchema = argc > 2 ? argv[2] : "";
    return RUN_ALL_TESTS();
}

} // namespace gbc::testing
