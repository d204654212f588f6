// fr_bench_listen: speed and memory of the listening matcher (nlp/listen) on 10,000 generated
// rules (rule_generator.h) and >= 1,000,000 posts of the shared data sets' real text
// (bench_corpus.h), next to RE2::Set as the prefilter and a naive loop of one RE2 per rule
// (re2_baselines.h), all in one run. Prints one JSON object per line:
//
//   {"corpus":...}            texts read, posts, mean bytes
//   {"compile":...}           rules, seconds, memory of the compiled rule set
//   {"bench":"normalise"...}  ListenText alone (byte loop with ICU fallback), and ICU for all
//   {"bench":"matcher"...}    the matcher end to end, posts/s, MB/s, match rate
//   {"bench":"re2_set"...}    RE2::Set + exact evaluation, with our matcher on the same posts
//   {"bench":"naive_re2"...}  one RE2 per rule, per-post cost extrapolated, ratio ours/naive
//
//   fr_bench_listen --data ../shared/data [--posts 1000000] [--rules 10000]
//                   [--set-posts 50000] [--set-seconds 60] [--set-max-mem-mb 1024]
//                   [--naive-posts 200] [--passes 3] [--print-rules 1]
//
// --print-rules 1 prints the generated rules as a rules file (docs/listening.md) and stops.
// One thread. The matcher and normalising run --passes times over all posts and the fastest
// pass (least thread CPU time) is reported, as other work on the machine slows single passes
// down. RE2::Set gets at most --set-seconds of matching: if it cannot match all rules'
// atoms within its memory (its DFA gives up), it is measured on half the rules, and so on.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "domain/listen/listen_text.h"
#include "nlp/listen/rule_matcher.h"
#include "re2_baselines.h"
#include "rule_generator.h"

namespace {

using Clock = std::chrono::steady_clock;
using fr::domain::ListenPost;
using fr::domain::ListeningRule;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// CPU seconds this thread has used: on a loaded machine, the time the measured code really ran.
double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct Options {
  std::string data = "../shared/data";
  size_t posts = 1000000;
  int rules = 10000;
  size_t set_posts = 50000;
  double set_seconds = 60;
  long set_max_mem_mb = 1024;
  size_t naive_posts = 200;
  int passes = 3;
  bool print_rules = false;
};

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--data") o.data = value;
    else if (flag == "--posts") o.posts = std::stoul(value);
    else if (flag == "--rules") o.rules = std::stoi(value);
    else if (flag == "--set-posts") o.set_posts = std::stoul(value);
    else if (flag == "--set-seconds") o.set_seconds = std::stod(value);
    else if (flag == "--set-max-mem-mb") o.set_max_mem_mb = std::stol(value);
    else if (flag == "--naive-posts") o.naive_posts = std::stoul(value);
    else if (flag == "--passes") o.passes = std::max(1, std::stoi(value));
    else if (flag == "--print-rules") o.print_rules = value == "1";
    else std::fprintf(stderr, "fr_bench_listen: unknown flag %s\n", flag.c_str());
  }
  return o;
}

// `posts` posts of `bytes` text bytes in `seconds`, as the fields every "bench" line has.
std::string Rate(size_t posts, size_t bytes, double seconds) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "\"posts\":%zu,\"seconds\":%.3f,\"posts_per_s\":%.0f,\"mb_per_s\":%.3g", posts,
                seconds, static_cast<double>(posts) / seconds, static_cast<double>(bytes) / seconds / 1e6);
  return buf;
}

void PrintLine(const std::string& json) {
  std::printf("%s\n", json.c_str());
  std::fflush(stdout);
}

// Our matcher over posts[0, count): seconds, rule matches and posts with a match.
struct OurRun {
  double seconds = 0;
  double cpu_seconds = 0;
  size_t matches = 0;
  size_t posts_matched = 0;
};
OurRun RunOurs(const fr::ports::MentionMatcher& matcher, const std::vector<ListenPost>& posts, size_t count) {
  OurRun run;
  std::vector<std::string> ids;
  const auto start = Clock::now();
  const double cpu_start = ThreadCpuSeconds();
  for (size_t i = 0; i < count; ++i) {
    ids.clear();
    matcher.Match(posts[i], &ids);
    run.matches += ids.size();
    run.posts_matched += !ids.empty();
  }
  run.cpu_seconds = ThreadCpuSeconds() - cpu_start;
  run.seconds = Seconds(start);
  return run;
}

// The fastest of `passes` runs of `run` (which returns thread CPU seconds): its wall and CPU time.
template <typename Run>
std::pair<double, double> Fastest(int passes, Run&& run) {
  double best_wall = 0, best_cpu = 0;
  for (int pass = 0; pass < passes; ++pass) {
    const auto start = Clock::now();
    const double cpu = run();
    const double wall = Seconds(start);
    if (pass == 0 || cpu < best_cpu) {
      best_cpu = cpu;
      best_wall = wall;
    }
  }
  return {best_wall, best_cpu};
}

std::string CpuRate(size_t posts, size_t bytes, double cpu_seconds) {
  char buf[160];
  std::snprintf(buf, sizeof buf, ",\"cpu_seconds\":%.3f,\"posts_per_cpu_s\":%.0f,\"mb_per_cpu_s\":%.1f", cpu_seconds,
                static_cast<double>(posts) / cpu_seconds, static_cast<double>(bytes) / cpu_seconds / 1e6);
  return buf;
}

void BenchNormalise(const Options& o, const std::vector<ListenPost>& posts) {
  fr::domain::ListenText text;
  size_t words = 0;
  const auto [wall, cpu] = Fastest(o.passes, [&] {
    const double cpu_start = ThreadCpuSeconds();
    words = 0;
    for (const ListenPost& post : posts) {
      text.Reset(post.text);
      words += text.word_count();
    }
    return ThreadCpuSeconds() - cpu_start;
  });
  const size_t bytes = fr::bench::TextBytes(posts);
  PrintLine("{\"bench\":\"normalise\"," + Rate(posts.size(), bytes, wall) + CpuRate(posts.size(), bytes, cpu) +
            ",\"words\":" + std::to_string(words) + "}");
  const std::vector<ListenPost> sample(posts.begin(), posts.begin() + static_cast<long>(std::min<size_t>(posts.size(), 20000)));
  const auto start = Clock::now();
  for (const ListenPost& post : sample) text.ResetWithIcuForTest(post.text);
  PrintLine("{\"bench\":\"normalise_icu_only\"," + Rate(sample.size(), fr::bench::TextBytes(sample), Seconds(start)) + "}");
}

// RE2::Set on the first `rule_count` rules, halving them until its DFA copes; our matcher on
// the same rules and posts for the ratio.
void BenchRe2Set(const Options& o, const std::vector<ListeningRule>& rules, const std::vector<ListenPost>& posts) {
  for (size_t rule_count = rules.size(); rule_count >= 100; rule_count /= 2) {
    const std::span<const ListeningRule> subset(rules.data(), rule_count);
    const fr::bench::Re2Rules re2_rules(subset);
    auto start = Clock::now();
    auto set = fr::bench::Re2SetMatcher::Compile(re2_rules, static_cast<std::int64_t>(o.set_max_mem_mb) << 20);
    const double compile_s = Seconds(start);
    if (!set) {
      PrintLine("{\"bench\":\"re2_set\",\"rules\":" + std::to_string(rule_count) + ",\"error\":\"RE2::Set did not compile\"}");
      continue;
    }
    size_t done = 0, bytes = 0, matches = 0;
    double set_s = 0;
    bool out_of_memory = false;
    start = Clock::now();
    for (; done < std::min(o.set_posts, posts.size()) && Seconds(start) < o.set_seconds; ++done) {
      const int n = set->Match(posts[done], &set_s);
      if (n < 0) {
        out_of_memory = true;
        break;
      }
      matches += static_cast<size_t>(n);
      bytes += posts[done].text.size();
    }
    const double seconds = Seconds(start);
    if (out_of_memory) {
      PrintLine("{\"bench\":\"re2_set\",\"rules\":" + std::to_string(rule_count) + ",\"atoms\":" +
                std::to_string(re2_rules.atom_patterns().size()) + ",\"compile_seconds\":" + std::to_string(compile_s) +
                ",\"error\":\"DFA out of memory after " + std::to_string(done) + " posts (" +
                std::to_string(seconds) + " s)\"}");
      continue;
    }
    // Ours with the same rules: the answers on the same posts, and the speed on more of them.
    auto ours = fr::nlp::RuleMatcherCompiler().Compile(subset);
    const OurRun our_run = RunOurs(**ours, posts, done);
    const size_t our_posts = std::min<size_t>(posts.size(), 200000);
    const double our_rate = static_cast<double>(our_posts) / RunOurs(**ours, posts, our_posts).seconds;
    const double set_rate = static_cast<double>(done) / seconds;
    char extra[400];
    std::snprintf(extra, sizeof extra,
                  ",\"atoms\":%zu,\"compile_seconds\":%.2f,\"set_match_seconds\":%.3f,\"matches\":%zu,"
                  "\"ours_posts_per_s\":%.0f,\"ours_matches\":%zu,\"ours_over_re2_set\":%.1f",
                  re2_rules.atom_patterns().size(), compile_s, set_s, matches, our_rate, our_run.matches,
                  our_rate / set_rate);
    PrintLine("{\"bench\":\"re2_set\",\"rules\":" + std::to_string(rule_count) + "," + Rate(done, bytes, seconds) + extra + "}");
    return;
  }
}

void BenchNaive(const Options& o, const std::vector<ListeningRule>& rules, const std::vector<ListenPost>& posts,
                const fr::ports::MentionMatcher& matcher, double our_posts_per_s) {
  const fr::bench::Re2Rules re2_rules(rules);
  fr::bench::NaiveRe2Matcher naive(re2_rules);
  const size_t count = std::min(o.naive_posts, posts.size());
  size_t bytes = 0, matches = 0;
  const auto start = Clock::now();
  for (size_t i = 0; i < count; ++i) {
    matches += static_cast<size_t>(naive.Match(posts[i]));
    bytes += posts[i].text.size();
  }
  const double seconds = Seconds(start);
  const double naive_rate = static_cast<double>(count) / seconds;
  char extra[300];
  std::snprintf(extra, sizeof extra, ",\"us_per_post\":%.1f,\"matches\":%zu,\"ours_matches\":%zu,\"ours_over_naive\":%.0f",
                seconds / static_cast<double>(count) * 1e6, matches, RunOurs(matcher, posts, count).matches,
                our_posts_per_s / naive_rate);
  PrintLine("{\"bench\":\"naive_re2\",\"rules\":" + std::to_string(rules.size()) + "," + Rate(count, bytes, seconds) + extra + "}");
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = ParseOptions(argc, argv);
  const fr::bench::Corpus corpus = fr::bench::LoadCorpus(o.data);
  if (corpus.hebrew.empty() || corpus.english.empty()) {
    std::fprintf(stderr, "fr_bench_listen: no texts under %s\n", o.data.c_str());
    return 2;
  }
  const std::vector<ListenPost> posts = fr::bench::MakePosts(corpus, o.posts);
  const size_t total_bytes = fr::bench::TextBytes(posts);
  std::printf("{\"corpus\":{\"hebrew_texts\":%zu,\"english_texts\":%zu,\"posts\":%zu,\"mean_bytes\":%.1f}}\n",
              corpus.hebrew.size(), corpus.english.size(), posts.size(),
              static_cast<double>(total_bytes) / static_cast<double>(posts.size()));

  const std::vector<ListeningRule> rules = fr::bench::GenerateRules(corpus, o.rules, 5);
  if (o.print_rules) {
    for (const ListeningRule& rule : rules) std::printf("%s: %s\n", rule.id.c_str(), rule.query.c_str());
    return 0;
  }
  auto start = Clock::now();
  auto compiled = fr::nlp::RuleMatcherCompiler().Compile(rules);
  const double compile_s = Seconds(start);
  if (!compiled.ok()) {
    std::fprintf(stderr, "fr_bench_listen: %s\n", compiled.status().message().c_str());
    return 1;
  }
  const fr::ports::MentionMatcher& matcher = **compiled;
  std::printf("{\"compile\":{\"rules\":%zu,\"seconds\":%.2f,\"memory_mb\":%.1f}}\n", matcher.rule_count(), compile_s,
              static_cast<double>(matcher.memory_bytes()) / 1e6);
  std::fflush(stdout);

  BenchNormalise(o, posts);
  OurRun ours;
  const auto [wall, cpu] = Fastest(o.passes, [&] {
    ours = RunOurs(matcher, posts, posts.size());
    return ours.cpu_seconds;
  });
  char extra[200];
  std::snprintf(extra, sizeof extra, ",\"passes\":%d,\"matches\":%zu,\"posts_matched\":%zu,\"match_rate\":%.4f",
                o.passes, ours.matches, ours.posts_matched,
                static_cast<double>(ours.posts_matched) / static_cast<double>(posts.size()));
  PrintLine("{\"bench\":\"matcher\",\"rules\":" + std::to_string(rules.size()) + "," +
            Rate(posts.size(), total_bytes, wall) + CpuRate(posts.size(), total_bytes, cpu) + extra + "}");

  BenchRe2Set(o, rules, posts);
  BenchNaive(o, rules, posts, matcher, static_cast<double>(posts.size()) / wall);
  return 0;
}
