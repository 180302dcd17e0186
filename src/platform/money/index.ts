/** Money is kept in integer fen (分); shown in yuan with two decimals, e.g. 1,234.50 元. */
export const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
