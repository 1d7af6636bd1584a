import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  TANDEM_DATA_DIR: z.string().default(".data"),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(5488),
  /** Where `pnpm tandem backup|restore` finds pg_dump and pg_restore; unset, they come from PATH. */
  TANDEM_PG_BIN_DIR: z.string().optional(),
});

export const env = schema.parse(process.env);
