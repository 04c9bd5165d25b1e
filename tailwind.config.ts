import type { Config } from "tailwindcss";

// Tailwind 4 reads this through `@config` in app/globals.css; theme tokens live here.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "media",
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#f3f1ff",
          100: "#e9e5ff",
          400: "#9b8afb",
          500: "#7c5cf6",
          600: "#6a3ff0",
          700: "#5a2fd6",
        },
      },
      fontFamily: {
        sans: [
          "ui-sans-serif",
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Noto Sans SC",
          "sans-serif",
        ],
      },
    },
  },
};

export default config;
