// subset-font ships no types, and @types/subset-font predates the options used here (2.9.0's README).
declare module "subset-font" {
  interface SubsetFontOptions {
    targetFormat?: "sfnt" | "truetype" | "woff" | "woff2";
    /** Pin an axis to a value, or narrow its range. */
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    /** Keep every glyph (instancing without subsetting); `text` must then be empty. */
    keepAllGlyphs?: boolean;
    /** Four-character tags of tables to leave out. */
    dropTables?: string[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
    noHinting?: boolean;
  }

  function subsetFont(font: Buffer, text: string, options?: SubsetFontOptions): Promise<Buffer>;
  export = subsetFont;
}
