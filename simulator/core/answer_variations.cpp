// Retry-After re-spelling: delay-seconds -> IMF-fixdate at the simulator clock's now + delay.
#include "answer_variations.h"

#include "time_format.h"

namespace gbc {

HttpAnswer applyAnswerVariations(const SimContext& ctx, HttpAnswer answer)
{
    if (!ctx.variation(Variation::RetryAfterHttpDate))
        return answer;
    for (auto& [name, value] : answer.headers) {
        const bool seconds = !value.empty() && value.size() <= 9 && value.find_first_not_of("0123456789") == std::string::npos;
        if (seconds && (name == "Retry-After" || name == "retry-after"))
            value = formatHttpDate(ctx.clock.now() + std::stoll(value));
    }
    return answer;
}

} // namespace gbc
