import type { Page } from "@playwright/test";
import { createUser, expect, signIn, test } from "./fixtures/accounts";

const PHONE_WIDTHS = [320, 360, 390] as const;

/** Every link and button in the header lies wholly inside the page's width, and nothing scrolls sideways. */
async function expectHeaderControlsInside(page: Page, width: number) {
  const controls = page.getByRole("banner").locator("a, button");
  const count = await controls.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const control = controls.nth(index);
    const name = (await control.getAttribute("aria-label")) ?? (await control.textContent()) ?? "";
    const box = await control.boundingBox();
    expect(box, `${name} is laid out`).not.toBeNull();
    expect(box!.x, `${name}'s left edge at ${width} px`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${name}'s right edge at ${width} px`).toBeLessThanOrEqual(width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test.describe("the site header on a phone", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`fits every control, signed out and in, at ${PHONE_WIDTHS.join(", ")} px (${colorScheme})`, async ({ page, request }) => {
      test.slow(); // six layouts, each with screenshots
      await page.emulateMedia({ colorScheme });
      const banner = page.getByRole("banner");
      for (const width of PHONE_WIDTHS) {
        await page.setViewportSize({ width, height: 700 });
        await page.goto("/");
        await expect(banner.getByRole("link", { name: "Sign in" })).toBeVisible();
        await expectHeaderControlsInside(page, width);
        await banner.screenshot({ path: test.info().outputPath(`header-${width}-signed-out-${colorScheme}.png`) });
      }

      // A long name is the hardest case on a desktop; on a phone an icon stands for it.
      const user = await createUser(request, { name: "Maximiliana Featherstonehaugh-Worthington" });
      await signIn(page.context().request, user);
      for (const width of PHONE_WIDTHS) {
        await page.setViewportSize({ width, height: 700 });
        await page.goto("/");
        await expect(banner.getByRole("button", { name: "Sign out" })).toBeVisible();
        for (const name of ["Gloss", "Add article", "Notebook", `Account: ${user.name}`]) {
          await expect(banner.getByRole("link", { name, exact: true })).toBeVisible();
        }
        await expect(banner.getByRole("button", { name: "Dark theme" })).toBeVisible();
        await expectHeaderControlsInside(page, width);
        await banner.screenshot({ path: test.info().outputPath(`header-${width}-signed-in-${colorScheme}.png`) });
      }
    });
  }
});
