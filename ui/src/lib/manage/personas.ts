// Words about personas the views share, and the first look at a picture before Rust checks it.
import { LIMITS } from '../bindings/limitValues';
import type { PersonaSummary } from '../bindings/PersonaSummary';
import type { PictureFormat } from '../bindings/PictureFormat';

/** What deleting a persona takes away, said before it is deleted. */
export function personaUsage(summary: PersonaSummary): string {
  const journeys = summary.journeys.map((j) => `“${j.name}”`);
  if (journeys.length === 0) return 'No journey is drawn for this persona. Undo puts it back.';
  const list = journeys.length === 1 ? journeys[0] : `${journeys.slice(0, -1).join(', ')} and ${journeys.at(-1)}`;
  return `It is taken off ${list}, with its emotion scores there. One undo puts it all back.`;
}

/**
 * The format of a chosen picture file, or why it cannot be one: PNG or JPEG of at most the limit. Rust
 * checks the bytes again; this only saves sending a file that cannot pass.
 */
export function pictureFile(name: string, type: string, size: number): PictureFormat | string {
  const mb = (LIMITS.max_picture_bytes / (1 << 20)).toFixed(0);
  if (size > LIMITS.max_picture_bytes) return `“${name}” is over ${mb} MB; choose a smaller picture.`;
  if (type === 'image/png') return 'png';
  if (type === 'image/jpeg') return 'jpeg';
  return `“${name}” is not a PNG or JPEG picture.`;
}

/** Bytes as standard base64. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
