// The words of a spike alert outside the app — a chat message, an e-mail — in Hebrew or
// English (docs/alerts.md). Plain text; the webhook and the mail sinks share it. Pure;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ports/alert_sink.h"

namespace fr::channels::notify {

enum class AlertLanguage { kHebrew, kEnglish };
// "he" | "en"; nullopt for anything else.
std::optional<AlertLanguage> ParseAlertLanguage(std::string_view code);

// One line: where and what, e.g. "rule cantina-boycott — spike: 31 messages in 5 minutes
// (usually 2.5)" or "… — spike over".
std::string AlertTitle(const ports::AlertNotice& notice, AlertLanguage language);

// The title, then the explanation — top words, sources, most-followed authors, sample
// messages (each cut to 280 characters) — one item per line, then the link when there is one.
std::string AlertBody(const ports::AlertNotice& notice, AlertLanguage language);

}  // namespace fr::channels::notify
