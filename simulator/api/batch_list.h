// ESPI push notification body: <BatchList xmlns="http://naesb.org/espi"><resources>URI</resources>...</BatchList>.
#pragma once

#include <string>
#include <vector>

namespace gbc {

std::string batchListXml(const std::vector<std::string>& resourceUris);

} // namespace gbc
