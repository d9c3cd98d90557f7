import type { MetadataRoute } from "next";

// An inventory of a company's datacenter has nothing for search engines.
export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: "*", disallow: "/" }] };
}
