/**
 * The names the studio gives the models it knows, in one table: the providers' capabilities list them
 * with these labels, and the browser's chips and form read them from here alone (a small table, not the
 * capability objects of every provider).
 */
export const MODEL_NAMES = {
  "ray-v1": "Ray 1.6",
  "ray-v2": "Ray 2",
  "ray-2": "Ray 2",
  "ray-flash-2": "Ray Flash 2",
  "photon-1": "Photon",
  "photon-flash-1": "Photon Flash",
  "ray-3.2": "Ray 3.2",
  "uni-1": "Uni-1",
  "uni-1-max": "Uni-1 Max",
} as const satisfies Record<string, string>;

export type KnownModel = keyof typeof MODEL_NAMES;
