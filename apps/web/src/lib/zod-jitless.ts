import { z } from "zod";

// Zod compiles object schemas with `new Function` when it may; the page's CSP allows no eval, and
// Zod's probe for it, though caught, is reported as a violation. Without it Zod validates as fast
// for forms' sizes.
z.config({ jitless: true });
