// Generates the listening benchmark's rules: what a listening service with many customers
// would hold. Each rule is about a brand, a product or a person, named in Hebrew and English,
// alone or combined with topic words the way people write rules (AND, OR groups, NEAR/n,
// phrases, prefixes, hashtags, handles, NOT, emoji and platform/lang/kind/followers fields).
//
// Names are proper names, as brands are: most are made-up names built from syllables (and
// written in Hebrew letters too), checked to be no word of the corpus, so they match only
// where they are written; a few percent of the rules name real brands and people that the
// texts do mention (Uber, Samsung, Netflix, גנץ, מכבי, ...), which is where matches come from.
// Topic words are the corpus's own content words by frequency. Deterministic for a seed.
#pragma once

#include <vector>

#include "bench_corpus.h"
#include "domain/listen/listening_rule.h"

namespace fr::bench {

// `count` rules with ids r0, r1, ...; every query parses.
std::vector<domain::ListeningRule> GenerateRules(const Corpus& corpus, int count, unsigned seed);

}  // namespace fr::bench
