// The CI files `matrix --emit github-workflow|gitlab-pipeline` prints: complete, paste-ready, around the matrix.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace gbc {

struct CiPlan {
    std::string targetArgs;        // how run/matrix name the target, e.g. "--sim ESSEX" or "--target target.json"
    std::string selectArgs;        // --variant globs given to matrix, repeated in the plan job
    nlohmann::ordered_json entries; // matrix entries, each with "slug" and "variant" or "shard"
    bool shards = false;
    bool simulator = false;        // the target is spawned simulators: runs need --sim-binary
};

// "ESSEX/lastbill/residential" -> "ESSEX-lastbill-residential": only [A-Za-z0-9._-] (artifact-name safe).
std::string ciSlug(const std::string& text);

// A GitHub Actions workflow: build (cached), plan (the matrix from this tool), one job per entry uploading its
// report as artifact report-SLUG, merge (gbc-conformance merge, JUnit published, Markdown job summary).
std::string githubWorkflow(const CiPlan& plan);

// A GitLab CI pipeline: build (cached), plan (checks the matrix is current), parallel:matrix jobs with
// artifacts:reports:junit, merge with the merged JUnit and the HTML report as artifacts.
std::string gitlabPipeline(const CiPlan& plan);

} // namespace gbc
