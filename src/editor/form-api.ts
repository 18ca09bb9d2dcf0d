/**
 * The calls of the entry forms: the form of a collection, an entry, the choices of pickers, the
 * photo intake, the body preview, saving and undoing. Shapes as the editor's server answers them.
 */
import type { Problem } from '../lib/check/problem';
import type { FormField, FormSchema } from '../lib/editor/form-schema';
import { call, post } from './api';

export type { FormField, FormSchema, Problem };

/** An entry as its form opens it. */
export interface EntryAnswer {
  collection: string;
  id: string;
  /** `content/officers/wang-xiang.md`. */
  file: string;
  name: string;
  /** Form values by field key: dates as text, references as ids, nested values as in the file. */
  data: Record<string, unknown>;
  body: string;
  /** The entry's page on this server, for the preview; null when it has none. */
  previewUrl: string | null;
  /** The entry's current picture, served by the editor; null when it has none. */
  imageUrl: string | null;
  canUndo: boolean;
  /** Newest first. */
  history: { time: string; summary: string }[];
  /** What the check finds in the file now. */
  problems: Problem[];
}

export interface SaveRequest {
  collection: string;
  id?: string;
  data: Record<string, unknown>;
  body?: string;
  /** A picture through the intake, waiting for this save. */
  upload?: string;
  /** The body's pictures from a Word document, waiting for this save under the names the body gives them. */
  pictures?: { upload: string; name: string }[];
}

export type SaveAnswer =
  | { ok: true; id: string; file: string; created: boolean; changed: string[]; warnings: Problem[]; previewUrl: string | null }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

export type UndoAnswer = { ok: true; summary: string; removed: boolean } | { ok: false; message: string };

export type PhotoAnswer = { ok: true; upload: string; width: number; height: number; url: string } | { ok: false; message: string; hint?: string };

/** One choice of a reference picker; `search` holds the name, its pinyin, initials and the id. */
export interface RefOption {
  id: string;
  name: string;
  search: string;
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const fetchForm = (collection: string) => call<FormSchema>(`/__editor/api/form?${query({ collection })}`);

export const fetchEntry = (collection: string, id: string) => call<EntryAnswer>(`/__editor/api/entry?${query({ collection, id })}`);

const optionLists = new Map<string, Promise<RefOption[]>>();

/** The entries a reference may point at, asked once per collection and page. */
export function fetchOptions(collection: string): Promise<RefOption[]> {
  let list = optionLists.get(collection);
  if (!list) {
    list = call<{ options: RefOption[] }>(`/__editor/api/options?${query({ collection })}`).then((answer) => answer.options);
    // A failed request is asked again next time.
    list.catch(() => optionLists.delete(collection));
    optionLists.set(collection, list);
  }
  return list;
}

export const fetchTags = (collection: string, field: string) => call<{ tags: string[] }>(`/__editor/api/tags?${query({ collection, field })}`).then((answer) => answer.tags);

export const saveEntry = (request: SaveRequest) => post<SaveAnswer>('/__editor/api/save', request);

export const undoEntry = (collection: string, id: string) => post<UndoAnswer>('/__editor/api/undo', { collection, id });

export const previewBody = (collection: string, body: string) => post<{ html: string; problems: Problem[] }>('/__editor/api/body-preview', { collection, body });

/** A Word document read for the form: its body, with its pictures where they stood, each already taken in as an upload. */
export type DocxAnswer =
  | { ok: true; body: string; title?: string; pictures: { upload: string; url: string; name: string; width: number; height: number }[]; notes: string[] }
  | { ok: false; message: string; hint?: string };

/** Sends a Word document (.docx) as it is; the server reads it and writes nothing. */
export function uploadDocx(collection: string, file: File): Promise<DocxAnswer> {
  return call<DocxAnswer>(`/__editor/api/docx?${query({ collection })}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
    body: file,
  });
}

/** Sends a picture's bytes as they are; the server turns, shrinks and strips it. */
export function uploadPhoto(collection: string, file: File): Promise<PhotoAnswer> {
  return call<PhotoAnswer>(`/__editor/api/photo?${query({ collection })}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
    body: file,
  });
}
