// Writes the PWA icons (apps/web/public/icons/*.png): a violet rounded square with two white
// linked rings, drawn per pixel and encoded with node:zlib only, so no image tool is needed.
// Run once after changing the mark: `node scripts/make-icons.mjs`; the PNGs are committed.
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const OUT = new URL("../apps/web/public/icons/", import.meta.url);
const VIOLET = [0x6d, 0x28, 0xd9]; // violet-700: the brand colour, white on it is 7:1
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const clamp = (v) => Math.max(0, Math.min(1, v));
/** Coverage of a rounded square of side 1 with corner radius r, in unit coordinates, antialiased over `aa`. */
function roundedSquare(u, v, r, aa) {
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
  const outside = Math.hypot(dx, dy) - r;
  return clamp(0.5 - outside / aa);
}
/** Coverage of a ring centred at (cx, cy) with radius rad and stroke width w. */
function ring(u, v, cx, cy, rad, w, aa) {
  return clamp(0.5 - (Math.abs(Math.hypot(u - cx, v - cy) - rad) - w / 2) / aa);
}

/**
 * `maskable` fills the whole square (the launcher applies its own mask) and keeps the mark
 * inside the 80% safe zone; the plain icon is a rounded square on transparency.
 */
function icon(size, maskable) {
  const aa = 1 / size;
  const scale = maskable ? 0.62 : 0.78; // the mark's share of the square
  return png(size, (x, y) => {
    const u = x / size;
    const v = y / size;
    const bg = maskable ? 1 : roundedSquare(u, v, 0.22, aa);
    // Two linked rings, as in the in-app logo, drawn in white.
    const mu = (u - 0.5) / scale + 0.5;
    const mv = (v - 0.5) / scale + 0.5;
    const w = 0.085;
    const mark = Math.max(ring(mu, mv, 0.39, 0.5, 0.2, w, aa / scale), ring(mu, mv, 0.61, 0.5, 0.2, w, aa / scale));
    const [r, g, b] = VIOLET.map((c, i) => Math.round(c + (WHITE[i] - c) * mark));
    return [r, g, b, Math.round(255 * bg)];
  });
}

mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["maskable-192.png", 192, true],
  ["maskable-512.png", 512, true],
  ["apple-touch-icon.png", 180, true],
]) {
  writeFileSync(new URL(name, OUT), icon(size, maskable));
  console.log(`wrote apps/web/public/icons/${name}`);
}
