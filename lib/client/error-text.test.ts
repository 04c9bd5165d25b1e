import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { ApiError } from "./api";
import { describeError, failureText } from "./error-text";

const t = translatorFor("en", en);
const zhT = translatorFor("zh-CN", zh);

const refusal = (code: string, extra: Partial<{ taskId: string; retry: number; upstream: string }> = {}) =>
  new ApiError(
    422,
    code,
    "server words",
    {},
    extra.taskId ?? null,
    extra.retry ?? null,
    null,
    extra.upstream ?? null,
  );

describe("describeError", () => {
  it("keeps the upstream's own words and frames them in the page's language", () => {
    const error = refusal("upstream_rejected", { upstream: "image_url: could not fetch image" });
    expect(describeError(error, t)).toBe(
      "The video service refused this clip: image_url: could not fetch image",
    );
    expect(describeError(error, zhT)).toBe("视频服务拒绝了这个片段：image_url: could not fetch image");
  });

  it("tells the studio's own submit limit apart from the upstream's, each with when to retry", () => {
    expect(describeError(refusal("rate_limited", { retry: 42 }), t)).toBe(
      "Too many clips started in the last minute; try again in 42 s. Your prompt is kept.",
    );
    expect(describeError(refusal("rate_limited", { retry: 7, taskId: "t_1" }), t)).toBe(
      "The video service is busy; try again in 7 s.",
    );
    expect(describeError(refusal("rate_limited", { retry: 42 }), zhT)).toContain("42 秒");
  });

  it("says a lost connection as such, and anything unknown without blaming the creator", () => {
    expect(describeError(new ApiError(0, "network", "offline"), zhT)).toBe(
      "无法连接到工作室。请检查网络后重试。",
    );
    expect(describeError(new Error("boom"), t)).toMatch(/prompt is kept/i);
  });
});

describe("failureText", () => {
  it("shows an upstream's failure reason as it was given", () => {
    expect(failureText(null, "Contains blacklisted words", t)).toBe(
      "The video service said: Contains blacklisted words",
    );
    expect(failureText("upstream_rate_limited", "Rate limited by the upstream: slow down", t)).toBe(
      "The video service was busy (rate limited). The video service said: slow down",
    );
  });
});
