import { fileTypeFromBuffer } from "file-type";
import { maxFileBytes } from "./limits";
import { kindOf, type FileKind } from "./types";

/*
 * What a file is, from its content (the name and the browser's type say nothing): the one check
 * every upload passes before it is stored. file-type (ESM, Node 20) reads the magic numbers;
 * text formats it cannot see (HTML, scripts) are looked for here.
 */

/** Why a file is refused; each has its own message (locales dossiers.errors.<code>). */
export type FileCheckError =
  | "empty"
  | "file_too_large"
  /** a program (an .exe renamed .pdf, an ELF, a script): never a document */
  | "file_program"
  /** a web page (HTML, SVG) under another name: a browser would run it */
  | "file_web_page"
  /** anything else; the message names the types taken (PDF, JPG, PNG, HEIC) */
  | "file_type"
  /** the same, for a document that also takes Word files */
  | "file_type_docx";

export type FileCheck =
  { ok: true; mediaType: string; kind: FileKind } | { ok: false; error: FileCheckError };

const programTypes = new Set([
  "application/x-msdownload",
  "application/vnd.microsoft.portable-executable",
  "application/x-msi",
  "application/x-elf",
  "application/x-sharedlib",
  "application/x-mach-binary",
  "application/x-executable",
  "application/java-vm",
  "application/wasm",
  "application/vnd.android.package-archive",
  "application/x-apple-diskimage",
]);

const webPagePrefixes = ["<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<svg", "<?xml"];

/** The start of a text file, lower-cased, without a byte-order mark or leading blanks. */
function textStart(bytes: Uint8Array): string {
  let text = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 512));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.trimStart().toLowerCase();
}

export function looksLikeWebPage(bytes: Uint8Array): boolean {
  const start = textStart(bytes);
  return webPagePrefixes.some((prefix) => start.startsWith(prefix));
}

/** A script with its interpreter line ("#!/bin/sh"), or a Windows batch/PowerShell start. */
function looksLikeScript(bytes: Uint8Array): boolean {
  const start = textStart(bytes);
  return start.startsWith("#!") || start.startsWith("@echo off");
}

/**
 * Checks one file against the kinds its document takes: not empty, within the size limit, and by
 * its content one of the kinds. The same bytes always give the same answer.
 */
export async function checkFile(bytes: Uint8Array, kinds: readonly FileKind[]): Promise<FileCheck> {
  if (bytes.byteLength === 0) return { ok: false, error: "empty" };
  if (bytes.byteLength > maxFileBytes) return { ok: false, error: "file_too_large" };
  const detected = (await fileTypeFromBuffer(bytes))?.mime;
  const kind = kindOf(detected);
  if (detected && kind && kinds.includes(kind)) return { ok: true, mediaType: detected, kind };
  if (detected && programTypes.has(detected)) return { ok: false, error: "file_program" };
  if (!detected && looksLikeWebPage(bytes)) return { ok: false, error: "file_web_page" };
  if (!detected && looksLikeScript(bytes)) return { ok: false, error: "file_program" };
  return { ok: false, error: kinds.includes("docx") ? "file_type_docx" : "file_type" };
}
