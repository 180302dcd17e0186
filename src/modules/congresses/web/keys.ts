/** The query key of the congress list and its records. */
export const KEY = 'congresses';
