// The part of twitter-text (X's own counting library) the composer uses.
declare module "twitter-text" {
  export interface ParsedTweet {
    weightedLength: number;
    valid: boolean;
    permillage: number;
  }
  export function parseTweet(text: string): ParsedTweet;
  const twttr: { parseTweet: typeof parseTweet };
  export default twttr;
}
