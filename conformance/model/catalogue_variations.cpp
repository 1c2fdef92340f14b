// Client-secret rewriting for reserved_char_secrets, and the argument scan that tells the runner it is on.
#include "catalogue_variations.h"

namespace gbc {

Catalogue withReservedCharSecrets(Catalogue catalogue)
{
    for (Utility& u : catalogue.utilities)
        for (Client& c : u.clients)
            c.clientSecret += kReservedSecretSuffix;
    return catalogue;
}

bool simArgsHaveVariation(const std::vector<std::string>& simArgs, const std::string& variation)
{
    for (std::size_t i = 0; i < simArgs.size(); ++i)
        if (simArgs[i] == "--variation=" + variation || (simArgs[i] == "--variation" && i + 1 < simArgs.size() &&
                                                          simArgs[i + 1] == variation))
            return true;
    return false;
}

} // namespace gbc
