import { z } from "zod";

// Read once here; apps pass the values into createAuth.
const DEV_SECRET = "tandem-dev-secret-change-me-in-production-0123456789";

const schema = z.object({
  BETTER_AUTH_SECRET: z.string().min(32).default(DEV_SECRET),
  BETTER_AUTH_URL: z.string().url().default("http://localhost:3000"),
  AUTH_TRUSTED_ORIGINS: z.string().default(""),
  AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
  NODE_ENV: z.string().default("development"),
});

const parsed = schema.parse(process.env);
if (parsed.NODE_ENV === "production" && parsed.BETTER_AUTH_SECRET === DEV_SECRET && !process.env.CI) {
  console.warn("[auth] BETTER_AUTH_SECRET is the development default: set a secret of your own in production.");
}

export const authEnv = {
  secret: parsed.BETTER_AUTH_SECRET,
  baseURL: parsed.BETTER_AUTH_URL,
  trustedOrigins: parsed.AUTH_TRUSTED_ORIGINS.split(",")
    .map((s) => s.trim())
    .filter(Boolean),
  rateLimit: parsed.AUTH_RATE_LIMIT === "on",
};
