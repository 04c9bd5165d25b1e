// Stand-in for the "server-only" marker package under Vitest (no React Server bundle there).
export {};
