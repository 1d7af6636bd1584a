import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url(),
  SEED_DEMO: z.enum(["on", "off"]).default("on"),
});

export const apiEnv = () => schema.parse(process.env);
