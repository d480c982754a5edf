/**
 * Publisher boilerplate that news feeds splice into article text and that is
 * not part of the article: newsletter teasers and subscription pitches.
 *
 * This is the one place that decides what counts as boilerplate. Each rule is
 * matched against one whole normalised paragraph (a line of a `.txt` seed);
 * a paragraph matching any rule is dropped. Rules are written against the
 * *shape* of a pitch, not against one publisher's wording, and are anchored so
 * that an article sentence which merely mentions a newsletter survives.
 */

export interface BoilerplateRule {
  name: string;
  /** Why this shape is never article text. */
  reason: string;
  pattern: RegExp;
}

const CADENCE =
  "(?:every(?: other)? (?:day|morning|evening|weekday|week|weekend|month|" +
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday)|" +
  "daily|weekly|fortnightly|monthly|twice a (?:week|month)|once a (?:week|month))";

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    name: "newsletter-teaser",
    reason:
      'A teaser is "<Newsletter name>: <pitch>. <Cadence>." — a short name-and-colon opening and ' +
      'a final sentence that is nothing but the delivery cadence ("… Every other Tuesday."). ' +
      'Requiring both keeps prose such as "How often do they meet? Every week." in the article.',
    pattern: new RegExp(`^[^.!?:]{1,80}:\\s.{0,300}[.!?]\\s${CADENCE}\\.?$`, "i"),
  },
  {
    name: "subscription-consent",
    reason:
      'Legal small print under a sign-up form ("By subscribing to the newsletter, I agree to …"). ' +
      "It is written in the first person to the reader-as-subscriber, never as reporting.",
    pattern:
      /^by (?:subscribing|signing up|registering|clicking)\b.{0,120}\b(?:agree|consent|accept)\b/i,
  },
  {
    name: "subscribe-call-to-action",
    reason:
      'An imperative pitch that opens the paragraph ("Subscribe to our newsletter …", ' +
      '"Sign up for …"), as opposed to reporting that someone subscribed.',
    pattern:
      /^(?:subscribe|sign up|register) (?:now |here |today |for free )?(?:to|for)\b.{0,160}\b(?:newsletter|briefing|updates|alerts)\b/i,
  },
  {
    name: "unsubscribe-notice",
    reason: 'Sign-up reassurance ("You can unsubscribe at any time"), never article content.',
    pattern: /\b(?:you can|you may) unsubscribe (?:at any time|anytime)\b/i,
  },
];

/** The rule a paragraph matches, or null if it is article text. */
export function matchBoilerplate(paragraph: string): BoilerplateRule | null {
  return BOILERPLATE_RULES.find((rule) => rule.pattern.test(paragraph)) ?? null;
}
