// English lexicon sentiment baselines for `feedroom eval`: reads JSON lines {"text": …} on stdin
// and writes, for each, "<vader label>\t<afinn label>" where a label is negative, neutral or
// positive. VADER: compound score >= 0.05 positive, <= -0.05 negative (its authors' thresholds).
// AFINN (the `sentiment` package, AFINN-165 with emoji): the sign of the score.
"use strict";
const readline = require("readline");
const vader = require("vader-sentiment");
const Sentiment = require("sentiment");

const afinn = new Sentiment();

function vaderLabel(text) {
  const compound = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  return compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral";
}

function afinnLabel(text) {
  const score = afinn.analyze(text).score;
  return score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
}

const out = [];
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "") return;
  let text = "";
  try {
    text = String(JSON.parse(line).text ?? "");
  } catch {
    text = "";
  }
  out.push(vaderLabel(text) + "\t" + afinnLabel(text));
}).on("close", () => {
  process.stdout.write(out.length ? out.join("\n") + "\n" : "");
});
