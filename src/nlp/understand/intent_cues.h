// Hebrew wording that says what a message wants, read off its feature line: a question ("מתי
// אתם פתוחים מחר?") or a request ("אפשר לבטל את ההזמנה שלי", "תחזירו לי את הכסף בבקשה").
// The intent model has no Hebrew customer-care examples (models/intent.md), so ModelUnderstander
// asks this rule before trusting the model's Hebrew intent. Pure; thread-safe.
//
// The words are FeatureLine's (text_features.h): matching form (finals folded, niqqud gone), a
// Hebrew word followed by its prefix-stripped forms (domain::WordFormsOf). An opener may carry
// the prefix ו ("ומתי", "ואפשר"); no other prefix counts, since "שמה" or "בשמי" are not "מה"
// or "מי". The message's opening word is its first word after mentions, URLs, emoji and a
// greeting (שלום, היי, בוקר טוב …). In this order:
//  1. the opening word asks: מתי, איך, למה, האם, איפה, מדוע, לאן … → question; so do "יש
//     לכם" and "יש אפשרות"; מה, מי, כמה, איזה … ask only when the message holds a "?", since they
//     also open exclamations ("איזה כיף!") and relative clauses ("מה שתגידו");
//  2. the opening word is one of rule 3's, or רציתי / ארצה, and the next word is לדעת, לשאול
//     or לברר ("אפשר לדעת", "רציתי לשאול", "אני רוצה לדעת") → question;
//  3. the opening word asks for something: אפשר, אשמח, נא, אנא, בבקשה, אבקש, תוכלו, or an
//     imperative such as תבטלו, תחזירו, תשלחו, תתקשרו; or "אני" followed by רוצה, צריך/ה,
//     מבקש/ת, מעוניין/ת → request ("אפשר להגיד ש…", a way of speaking, is not);
//  4. a "?" ends the message (emoji or "!" after it do not count: "?!") → question;
//  5. בבקשה anywhere → request.
// The lists hold no English question or request words (only rule 4 would apply to English):
// ModelUnderstander asks for Hebrew texts alone, since the intent model learnt English questions
// and requests from BANKING77 and the complaints data.
#pragma once

#include <optional>

#include "domain/understanding.h"
#include "nlp/understand/feature_tokens.h"

namespace fr::nlp {

// Returns kQuestion or kRequest when the tokens of a message's feature line (FeatureLine, cut by
// FeatureTokens) hold one of the Hebrew cues above, else nullopt. Allocates nothing.
std::optional<domain::Intent> HebrewIntentCue(const FeatureTokens& tokens);

}  // namespace fr::nlp
