/** Names of agencies and datasets: 2-64 lower-case letters, digits, "-" or "_", starting with a letter or digit. */
export const SLUG_RE = /^[a-z0-9][a-z0-9_-]{1,63}$/;
