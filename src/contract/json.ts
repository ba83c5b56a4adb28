// JSON as the contract reads it: what a body, a report or a payload holds once parsed.

/** A JSON object (not null, not an array): the one test every reader of parsed JSON starts with. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
