#include "nlp/listen/literal_index.h"

#include <algorithm>
#include <map>
#include <utility>

namespace fr::nlp {

// Collects the members of one kind of group by key, then lays them out in groups_/members_.
class LiteralIndex::GroupBuilder {
 public:
  void Add(std::string key, std::uint32_t id, std::string tail) {
    groups_[std::move(key)].emplace_back(id, std::move(tail));
  }

  // Appends the groups to `index` and returns the table from key to group.
  WordTable Build(LiteralIndex& index) const {
    std::vector<std::pair<std::string, std::uint32_t>> keys;
    for (const auto& [key, members] : groups_) {
      Group group;
      group.start = static_cast<std::uint32_t>(index.members_.size());
      for (const auto& [id, tail] : members) {
        index.members_.push_back(Member{id, static_cast<std::uint32_t>(index.tails_.size()),
                                        static_cast<std::uint32_t>(tail.size())});
        index.tails_ += tail;
      }
      group.end = static_cast<std::uint32_t>(index.members_.size());
      keys.emplace_back(key, static_cast<std::uint32_t>(index.groups_.size()));
      index.groups_.push_back(group);
    }
    return WordTable(keys);
  }

 private:
  std::map<std::string, std::vector<std::pair<std::uint32_t, std::string>>> groups_;
};

LiteralIndex::LiteralIndex(const std::vector<const domain::QueryNode*>& literals) {
  std::vector<std::pair<std::string, std::uint32_t>> terms;
  GroupBuilder prefixes, tags, emoji;
  for (const domain::QueryNode* node : literals) {
    if (node->op != domain::QueryOp::kPrefix) continue;
    const std::string& prefix = node->words[0];
    std::size_t& bytes = prefix_key_bytes_[static_cast<unsigned char>(prefix[0]) < 0x80 ? 0 : 1];
    bytes = std::min(bytes, prefix.size());
  }
  for (std::uint32_t id = 0; id < literals.size(); ++id) {
    const domain::QueryNode& node = *literals[id];
    const std::string literal = AtomLiteral(node);
    switch (node.op) {
      case domain::QueryOp::kTerm:
        terms.emplace_back(literal.substr(0, literal.size() - 1), id);
        break;
      case domain::QueryOp::kPrefix:
        prefixes.Add(std::string(PrefixKey(literal)), id, literal);
        break;
      case domain::QueryOp::kHashtag:
      case domain::QueryOp::kHandle: {
        // " #first rest " -> key "#first", tail " rest ".
        const std::size_t space = literal.find(' ', 1);
        tags.Add(literal.substr(1, space - 1), id, literal.substr(space));
        break;
      }
      default:  // kEmoji
        emoji.Add(std::string(FirstCodePoint(literal)), id, literal);
        break;
    }
  }
  terms_ = WordTable(terms);
  prefixes_ = prefixes.Build(*this);
  tags_ = tags.Build(*this);
  emoji_ = emoji.Build(*this);
  tails_.append(16, '\0');
}

std::size_t LiteralIndex::memory_bytes() const {
  return terms_.memory_bytes() + prefixes_.memory_bytes() + tags_.memory_bytes() +
         emoji_.memory_bytes() + groups_.capacity() * sizeof(Group) +
         members_.capacity() * sizeof(Member) + tails_.capacity();
}

}  // namespace fr::nlp
