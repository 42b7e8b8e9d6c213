import "server-only";
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { Block, SlipDocument } from "./content";

/*
 * Draws a slip with pdfkit. The font is Be Vietnam Pro, the portal's own typeface, embedded (and
 * subset) from its TTF files: every Vietnamese letter with its tone marks prints as the screen shows
 * it, on any printer, with no font installed on the reader's machine.
 */

const fontDir = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "be-vietnam-pro");
const fontFiles = {
  regular: "400Regular/BeVietnamPro_400Regular.ttf",
  bold: "700Bold/BeVietnamPro_700Bold.ttf",
  italic: "400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf",
} as const;
type FontName = keyof typeof fontFiles;

let fonts: Record<FontName, Buffer> | null = null;
/** Read once per process: a few hundred kilobytes that every slip needs. */
function loadFonts(): Record<FontName, Buffer> {
  fonts ??= Object.fromEntries(
    Object.entries(fontFiles).map(([name, file]) => [name, fs.readFileSync(path.join(fontDir, file))]),
  ) as Record<FontName, Buffer>;
  return fonts;
}

const ink = "#0b0c0c";
const rule = "#505a5f";

type Geometry = { size: [number, number]; margin: number; body: number; small: number; table: number };
const geometry: Record<SlipDocument["page"], Geometry> = {
  // A5 portrait: the slips a desk hands over.
  A5: { size: [419.53, 595.28], margin: 34, body: 9.5, small: 8, table: 7.5 },
  // A4 landscape: the register's eleven columns.
  "A4-landscape": { size: [841.89, 595.28], margin: 36, body: 10, small: 8.5, table: 7.5 },
};

/** The slip as PDF bytes. */
export async function renderPdf(
  slip: SlipDocument,
  meta: { title: string; author: string },
): Promise<Buffer> {
  const files = loadFonts();
  const g = geometry[slip.page];
  const doc = new PDFDocument({
    size: g.size,
    margins: { top: g.margin, bottom: g.margin + 10, left: g.margin, right: g.margin },
    // A font's bytes work as well as a path (pdfkit's PDFFontFactory); the types say only a path.
    font: files.regular as unknown as string,
    bufferPages: true,
    lang: slip.lang === "vi" ? "vi-VN" : "en-GB",
    displayTitle: true,
    info: { Title: meta.title, Author: meta.author, Subject: slip.code ?? meta.title, Creator: meta.author },
  });
  doc.registerFont("regular", files.regular);
  doc.registerFont("bold", files.bold);
  doc.registerFont("italic", files.italic);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.fillColor(ink).strokeColor(rule);
  const width = doc.page.width - 2 * g.margin;
  const left = g.margin;

  header(doc, slip, g, width);
  doc.moveDown(0.8);
  doc
    .font("bold")
    .fontSize(g.body + 3)
    .text(slip.title, left, doc.y, { width, align: "center" });
  if (slip.note) {
    doc
      .moveDown(0.2)
      .font("italic")
      .fontSize(g.small)
      .text(slip.note, left, doc.y, { width, align: "center" });
  }
  if (slip.codeLine) {
    doc
      .moveDown(0.2)
      .font("bold")
      .fontSize(g.body + 1)
      .text(slip.codeLine, left, doc.y, {
        width,
        align: "center",
      });
  }
  if (slip.qr) await qrRow(doc, slip.qr, g, width);
  doc.moveDown(0.6);

  for (const block of slip.blocks) drawBlock(doc, block, g, width);

  footer(doc, slip, g);
  doc.end();
  return done;
}

/** The two heading columns every official form starts with: the agency, and the nation's motto. */
function header(doc: PDFKit.PDFDocument, slip: SlipDocument, g: Geometry, width: number) {
  const top = doc.y;
  const leftWidth = width * 0.42;
  const rightWidth = width * 0.58;
  const rightX = g.margin + leftWidth;
  doc.font("bold").fontSize(g.small + 0.5);
  doc.text(slip.agency, g.margin, top, { width: leftWidth - 6, align: "center" });
  const leftBottom = doc.y;
  underline(doc, g.margin + leftWidth / 2, leftBottom + 2, Math.min(60, leftWidth / 3));

  doc
    .font("bold")
    .fontSize(g.small + 0.5)
    .text(slip.nation, rightX, top, { width: rightWidth, align: "center" });
  doc
    .font("bold")
    .fontSize(g.small + 1)
    .text(slip.motto, rightX, doc.y + 1, { width: rightWidth, align: "center" });
  const mottoWidth = doc.widthOfString(slip.motto);
  underline(doc, rightX + rightWidth / 2, doc.y + 2, mottoWidth / 2);
  doc
    .font("italic")
    .fontSize(g.small)
    .text(slip.dateLine, rightX, doc.y + 8, { width: rightWidth, align: "center" });
  doc.y = Math.max(doc.y, leftBottom + 6);
  doc.x = g.margin;
}

function underline(doc: PDFKit.PDFDocument, centre: number, y: number, half: number) {
  doc
    .save()
    .lineWidth(0.6)
    .moveTo(centre - half, y)
    .lineTo(centre + half, y)
    .stroke()
    .restore();
}

/** The QR code of the public lookup page, with the address written out for those who cannot scan. */
async function qrRow(
  doc: PDFKit.PDFDocument,
  qr: { url: string; caption: string },
  g: Geometry,
  width: number,
) {
  const code = QRCode.create(qr.url, { errorCorrectionLevel: "M" });
  const modules = code.modules.size;
  const side = 64;
  const quiet = 2;
  const cell = side / (modules + 2 * quiet);
  const top = doc.y + 6;
  const x = g.margin + width - side;
  doc.save().fillColor("#000000");
  for (let row = 0; row < modules; row++) {
    for (let column = 0; column < modules; column++) {
      if (code.modules.get(row, column)) {
        doc.rect(x + (column + quiet) * cell, top + (row + quiet) * cell, cell + 0.05, cell + 0.05);
      }
    }
  }
  doc.fill().restore();
  const textWidth = width - side - 10;
  doc
    .font("regular")
    .fontSize(g.small)
    .text(qr.caption, g.margin, top + 12, { width: textWidth });
  doc.font("regular").fillColor("#1d4f91").text(qr.url, { width: textWidth, link: qr.url, underline: true });
  doc.fillColor(ink);
  doc.y = Math.max(doc.y, top + side);
  doc.x = g.margin;
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function drawBlock(doc: PDFKit.PDFDocument, block: Block, g: Geometry, width: number) {
  const left = g.margin;
  switch (block.kind) {
    case "text": {
      const font = block.bold ? "bold" : block.italic ? "italic" : "regular";
      doc
        .font(font)
        .fontSize(g.body)
        .text(block.text, left, doc.y, {
          width,
          align: block.align ?? "left",
          lineGap: 1.5,
        });
      doc.moveDown(0.35);
      return;
    }
    case "field": {
      doc
        .font("regular")
        .fontSize(g.body)
        .text(`${block.label}: `, left, doc.y, { width, continued: true, lineGap: 1.5 });
      doc.font("bold").text(block.value, { lineGap: 1.5 });
      doc.moveDown(0.35);
      return;
    }
    case "quote": {
      const indent = 10;
      doc.font("regular").fontSize(g.body);
      const height = doc.heightOfString(block.text, { width: width - indent - 4, lineGap: 1.5 });
      ensureRoom(doc, Math.min(height, 60));
      const top = doc.y;
      doc.text(block.text, left + indent, top, { width: width - indent - 4, lineGap: 1.5 });
      const bottom = doc.y;
      doc
        .save()
        .lineWidth(1.5)
        .moveTo(left + 3, top)
        .lineTo(left + 3, bottom)
        .stroke()
        .restore();
      doc.x = left;
      doc.moveDown(0.5);
      return;
    }
    case "table":
      drawTable(doc, block, g, width);
      return;
    case "signatures": {
      ensureRoom(doc, 95);
      doc.moveDown(0.6);
      const top = doc.y;
      const count = block.columns.length;
      // One signature sits on the right, as on the forms; two share the width.
      const columnWidth = count === 1 ? width / 2 : width / count;
      let bottom = top;
      block.columns.forEach((column, index) => {
        const x = left + (count === 1 ? width / 2 : index * columnWidth);
        doc.font("bold").fontSize(g.body).text(column.title, x, top, { width: columnWidth, align: "center" });
        doc
          .font("italic")
          .fontSize(g.small)
          .text(column.hint, x, doc.y, { width: columnWidth, align: "center" });
        if (column.name) {
          doc
            .font("bold")
            .fontSize(g.body)
            .text(column.name, x, doc.y + 44, { width: columnWidth, align: "center" });
        } else {
          doc.y += 44;
        }
        bottom = Math.max(bottom, doc.y);
      });
      doc.x = left;
      doc.y = bottom;
      doc.moveDown(0.5);
      return;
    }
  }
}

/** A ruled table whose rows grow with their text and whose header repeats on each new page. */
function drawTable(
  doc: PDFKit.PDFDocument,
  table: Extract<Block, { kind: "table" }>,
  g: Geometry,
  width: number,
) {
  const pad = 3;
  const xs: number[] = [];
  let x = g.margin;
  const widths = table.columns.map((column) => column.width * width);
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  const heightOf = (cells: string[], font: "regular" | "bold") => {
    doc.font(font).fontSize(g.table);
    return Math.max(
      ...cells.map((text, i) => doc.heightOfString(text || " ", { width: widths[i]! - 2 * pad }) + 2 * pad),
    );
  };
  const drawRow = (cells: string[], font: "regular" | "bold", shade: boolean) => {
    const height = heightOf(cells, font);
    const top = doc.y;
    if (shade) doc.save().rect(g.margin, top, width, height).fill("#eef0f1").restore();
    doc.font(font).fontSize(g.table).fillColor(ink);
    cells.forEach((text, i) => {
      doc.text(text, xs[i]! + pad, top + pad, {
        width: widths[i]! - 2 * pad,
        align: font === "bold" ? "center" : (table.columns[i]!.align ?? "left"),
      });
    });
    doc.save().lineWidth(0.5);
    doc.rect(g.margin, top, width, height).stroke();
    for (const left of xs.slice(1))
      doc
        .moveTo(left, top)
        .lineTo(left, top + height)
        .stroke();
    doc.restore();
    doc.x = g.margin;
    doc.y = top + height;
  };
  const headers = table.columns.map((column) => column.header);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  ensureRoom(doc, heightOf(headers, "bold") + 20);
  drawRow(headers, "bold", true);
  if (table.rows.length === 0) {
    doc
      .font("italic")
      .fontSize(g.table)
      .text(table.empty, g.margin + pad, doc.y + pad, { width: width - 2 * pad });
    doc.moveDown(0.5);
    return;
  }
  for (const row of table.rows) {
    if (doc.y + heightOf(row, "regular") > bottom()) {
      doc.addPage();
      drawRow(headers, "bold", true);
    }
    drawRow(row, "regular", false);
  }
  doc.moveDown(0.6);
}

/** Page numbers and the dossier code on every page, once the page count is known. */
function footer(doc: PDFKit.PDFDocument, slip: SlipDocument, g: Geometry) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const page = i - range.start + 1;
    const label = slip.pageLabel(page, range.count);
    const text = slip.code ? `${slip.code} · ${label}` : label;
    doc
      .font("regular")
      .fontSize(g.small - 1)
      .fillColor(rule);
    doc.text(text, g.margin, doc.page.height - g.margin, {
      width: doc.page.width - 2 * g.margin,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
