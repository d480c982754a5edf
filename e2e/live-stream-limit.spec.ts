import { NEWS } from "./fixtures/annotations";
import { EventStreamReader } from "./fixtures/event-stream";
import { expect, test } from "./fixtures/second-instance";

// An instance of its own with room for one stream (GLOSS_MAX_STREAMS).
test.use({ secondInstanceEnv: { GLOSS_MAX_STREAMS: "1" } });

test("an instance at its maximum of streams answers 503 with a retry delay, and has room again once one closes", async ({ secondBaseURL }) => {
  const url = `${secondBaseURL}/api/articles/${NEWS}/events`;
  const first = await EventStreamReader.open(url);
  expect(first.response.status).toBe(200);
  const refused = await fetch(url, { headers: { Accept: "text/event-stream" } });
  expect(refused.status).toBe(503);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  first.close();
  await expect
    .poll(async () => {
      const again = await EventStreamReader.open(url);
      again.close();
      return again.response.status;
    })
    .toBe(200);
});
