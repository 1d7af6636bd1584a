import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url(),
  SEED_DEMO: z.enum(["on", "off"]).default("on"),
  /** Signs the checkpoints of entries the start-up fix-ups write; as the web app reads it. */
  TANDEM_LOG_SIGNING_KEY: z.string().min(1).optional(),
});

export const apiEnv = () => schema.parse(process.env);
