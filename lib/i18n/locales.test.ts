import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, localeOfRequest } from "./locales";

describe("choosing the studio's language", () => {
  it("follows Accept-Language by q-value and reads every Chinese tag as Simplified Chinese", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,zh;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr;q=1, zh-TW;q=0.5, en;q=0.4")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("de, fr")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });

  it("lets the header switch's cookie win, and ignores a cookie naming no language of ours", () => {
    const request = (cookie: string) => new Headers({ cookie, "accept-language": "zh-CN,zh;q=0.9" });
    expect(localeOfRequest(request("a=1; NEXT_LOCALE=en"))).toBe("en");
    expect(localeOfRequest(request("NEXT_LOCALE=xx"))).toBe("zh-CN");
  });
});
