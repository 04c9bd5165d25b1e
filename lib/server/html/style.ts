import "server-only";

/**
 * The style sheet of the server's own HTML pages (document.ts). The colours are the design tokens of
 * app/globals.css, repeated here because these pages load no CSS file (their CSP allows only inline
 * style); keep both in step. Spacing on the 4 px grid, type 12 / 14 / 16 / 20 / 28.
 */
export const PAGE_STYLE = `
:root{color-scheme:light dark;--canvas:#f7f7f8;--surface:#fff;--line:#e4e4e7;--line-strong:#d4d4d8;--ink:#18181b;--ink-muted:#52525b;--ink-faint:#71717a;--accent:#6a3ff0;--accent-hover:#5a2fd6;--accent-ink:#fff;--accent-soft:#efeaff;--stage:min(72dvh,760px)}
@media (prefers-color-scheme:dark){:root{--canvas:#0c0c0e;--surface:#151518;--line:#2a2a30;--line-strong:#3a3a42;--ink:#f4f4f5;--ink-muted:#b4b4bd;--ink-faint:#8e8e99;--accent:#8b6cf8;--accent-hover:#9d83fa;--accent-ink:#0c0c0e;--accent-soft:#251d45}}
*{box-sizing:border-box}
html,body{margin:0}
body{min-height:100dvh;display:flex;flex-direction:column;background:var(--canvas);color:var(--ink);font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans SC","PingFang SC",sans-serif;-webkit-font-smoothing:antialiased}
a{color:inherit}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.bar{display:flex;align-items:center;width:100%;max-width:1200px;margin:0 auto;padding:8px 24px;min-height:56px}
.brand{display:inline-flex;align-items:center;gap:8px;min-height:40px;font-weight:600;letter-spacing:-.01em;text-decoration:none;border-radius:8px}
.brand svg{flex:none}
main{flex:1;width:100%;max-width:1200px;margin:0 auto;padding:8px 24px 48px}
.clip{margin:0 auto;width:min(100%,calc(var(--stage) * var(--ratio,1.7778)))}
video,.clip>img{display:block;width:100%;height:auto;aspect-ratio:var(--ratio,16/9);background:#000;border-radius:12px;object-fit:contain}
.info{display:flex;flex-wrap:wrap;align-items:flex-start;justify-content:space-between;gap:12px 24px;margin-top:16px}
.text{flex:1 1 16rem;min-width:0}
h1{margin:0;font-size:20px;line-height:28px;font-weight:600;letter-spacing:-.01em;overflow-wrap:anywhere;text-wrap:pretty}
h1.quiet{color:var(--ink-muted);font-weight:500}
.meta{margin:4px 0 0;color:var(--ink-muted);font-size:14px;line-height:20px;font-variant-numeric:tabular-nums}
.meta span+span::before{content:"·";margin:0 8px;color:var(--ink-faint)}
.button{display:inline-flex;align-items:center;gap:8px;min-height:40px;padding:0 16px;border:1px solid var(--line-strong);border-radius:8px;background:var(--surface);color:var(--ink);font-size:14px;font-weight:600;text-decoration:none;white-space:nowrap}
.button:hover{border-color:var(--ink-faint)}
.button.primary{border-color:transparent;background:var(--accent);color:var(--accent-ink)}
.button.primary:hover{background:var(--accent-hover)}
.button svg{width:16px;height:16px}
.notice{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px;max-width:28rem;text-align:center;padding-bottom:15dvh}
.notice h1{font-size:28px;line-height:36px}
.notice p{margin:0 0 8px;color:var(--ink-muted);text-wrap:balance}
.notice-icon{display:grid;place-items:center;width:56px;height:56px;border-radius:9999px;background:var(--accent-soft);color:var(--accent);margin-bottom:4px}
.notice-icon svg{width:28px;height:28px}
@media (max-width:640px){.bar{padding:8px 16px}main{padding:0 16px 32px}h1{font-size:16px;line-height:24px}.notice h1{font-size:20px;line-height:28px}.clip{--stage:68dvh}}
`;
