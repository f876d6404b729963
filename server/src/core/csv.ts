/** CSV cells for exports (RFC 4180 quoting); sent with a BOM as `text/csv; charset=utf-8`. */

/** A quoted cell. */
export const csvCell = (v: string): string => `"${v.replace(/"/g, '""')}"`;

/** A quoted cell that a spreadsheet would not run as a formula: a leading = + - @ tab or CR is prefixed with '. */
export const csvSafe = (v: string): string => csvCell(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
