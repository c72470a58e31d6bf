// The history as the panel lists it: consecutive edits of one opening of the file form a group headed
// by when that session began, newest first, with this window's own session called so.
import type { HistoryEntry } from '../bindings/HistoryEntry';

/** A run of edits made in one opening of the file. */
export interface SessionGroup {
  /** The session (the unix ms it began), or null for edits from before sessions were recorded. */
  session: number | null;
  /** "This session", "Today 09:12", "3 Dec 2026 14:05" or "Earlier edits". */
  title: string;
  entries: HistoryEntry[];
}

/** Groups `entries` (newest first) by session, keeping their order. */
export function groupBySession(entries: HistoryEntry[], current: number, now = new Date()): SessionGroup[] {
  const groups: SessionGroup[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last && last.session === entry.session) last.entries.push(entry);
    else groups.push({ session: entry.session, title: sessionTitle(entry.session, current, now), entries: [entry] });
  }
  return groups;
}

/** What a session group is called. */
export function sessionTitle(session: number | null, current: number, now = new Date()): string {
  if (session === null) return 'Earlier edits';
  if (session === current) return 'This session';
  return `Opened ${when(session, now)}`;
}

/** A moment as the panel writes it: the time alone today, else the date and time. */
export function when(ms: number, now = new Date()): string {
  const at = new Date(ms);
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return `today ${time}`;
  const date = at.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return `${date} ${time}`;
}
