import { describe, expect, it } from "vitest";
import { cardPosition, planCardOpening, type Viewport } from "./card-placement";

const viewport: Viewport = { top: 1000, left: 0, width: 1280, height: 800 };
const card = { width: 384, height: 200 };
const box = (top: number, bottom: number) => ({ top, bottom, left: 200, right: 600 });

describe("planCardOpening", () => {
  it("opens below a passage in view when there is room", () => {
    expect(planCardOpening(box(1200, 1260), card, viewport, { docked: false, reveal: false })).toEqual({ side: "below", scrollTo: null });
  });

  it("opens above a passage near the bottom of the screen, without scrolling", () => {
    expect(planCardOpening(box(1650, 1700), card, viewport, { docked: false, reveal: false })).toEqual({ side: "above", scrollTo: null });
  });

  it("scrolls an off-screen passage a fifth of the way down, card below it", () => {
    const plan = planCardOpening(box(5000, 5060), card, viewport, { docked: false, reveal: true });
    expect(plan).toEqual({ side: "below", scrollTo: 5000 - 800 * 0.2 });
  });

  it("when revealing, scrolls rather than open above, so the card follows the passage as the list's cards do", () => {
    expect(planCardOpening(box(1650, 1700), card, viewport, { docked: false, reveal: true })).toEqual({ side: "below", scrollTo: 1650 - 800 * 0.2 });
  });

  it("shows the card of a passage too tall for the screen, with as much of the passage as fits", () => {
    const plan = planCardOpening(box(2000, 2900), card, viewport, { docked: false, reveal: true });
    expect(plan.scrollTo).toBe(2900 + 8 + 200 + 24 - 800);
  });

  it("docked (phones): scrolls the passage above the card that covers the bottom of the screen", () => {
    const plan = planCardOpening(box(1700, 1730), card, viewport, { docked: true, reveal: false });
    expect(plan.scrollTo).not.toBeNull();
    expect(1730 - plan.scrollTo!).toBeLessThanOrEqual(800 - 200 - 24);
    expect(planCardOpening(box(1100, 1130), card, viewport, { docked: true, reveal: false }).scrollTo).toBeNull();
  });
});

describe("cardPosition", () => {
  it("keeps the card inside the page horizontally", () => {
    expect(cardPosition({ top: 0, bottom: 20, left: 1200, right: 1250 }, card, "below", viewport).left).toBe(1280 - 384 - 12);
    expect(cardPosition({ top: 0, bottom: 20, left: 0, right: 50 }, card, "below", viewport).left).toBe(12);
    expect(cardPosition(box(1200, 1260), card, "above", viewport).top).toBe(1200 - 8 - 200);
  });
});
