import { z } from "zod";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

// A short blocklist of the passwords attackers try first (NIST 800-63B: length + blocklist,
// no composition rules). Anything on it, or built from the user's own email, is refused.
const COMMON = new Set([
  "password",
  "password1",
  "password12",
  "password123",
  "password1234",
  "passw0rd",
  "1234567890",
  "12345678910",
  "0123456789",
  "qwertyuiop",
  "qwerty1234",
  "qwerty12345",
  "iloveyou12",
  "letmein123",
  "welcome123",
  "admin12345",
  "abcdefghij",
  "abc1234567",
  "1q2w3e4r5t",
  "zaq12wsxcde",
  "changeme123",
  "football12",
  "baseball12",
  "sunshine12",
  "princess12",
  "dragon1234",
  "monkey1234",
  "trustno1234",
]);

/** Returns why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "This password is too common. Choose something less guessable.";
  if (new Set(lower).size < 4) return "Use a mix of at least 4 different characters.";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) return "Don't build your password from your email address.";
  return null;
}

/** The sign-up form's schema: the same rules the server enforces. */
export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(80, "Use at most 80 characters."),
    email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
    password: z.string(),
  })
  .superRefine((v, ctx) => {
    const weakness = passwordWeakness(v.password, v.email);
    if (weakness) ctx.addIssue({ code: "custom", path: ["password"], message: weakness });
  });

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX),
});
