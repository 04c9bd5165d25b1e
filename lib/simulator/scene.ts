import { createHash } from "node:crypto";

/**
 * A prompt becomes a deterministic animated scene: the hash picks a cosine palette, wave frequencies and
 * the path of a glowing orb. The field is evaluated by ffmpeg's geq at 1/8 size and scaled up, which keeps
 * the per-pixel maths cheap and makes the gradients smooth.
 */
function unit(seed: Buffer, index: number): number {
  return (seed[index % seed.length] ?? 0) / 255;
}

function fixed(n: number): string {
  return n.toFixed(4);
}

export function promptSeed(prompt: string): Buffer {
  return createHash("sha256").update(prompt.trim().toLowerCase()).digest();
}

export interface SceneExpressions {
  /** geq luma expression: a 0–255 field that moves over time. */
  field: string;
  /** lutrgb expressions mapping the field value to the prompt's palette. */
  palette: [string, string, string];
}

/**
 * `period` is the time after which the motion repeats exactly; for a loop it is the timestamp of the last
 * frame, so the last frame equals the first.
 */
export function sceneExpressions(prompt: string, period: number, loop: boolean): SceneExpressions {
  const seed = promptSeed(prompt);
  // Whole turns per period when looping; otherwise non-integer speeds so nothing repeats.
  const speed = (i: number) => {
    const sign = unit(seed, i) > 0.5 ? 1 : -1;
    return loop ? sign * (1 + Math.floor(unit(seed, i + 1) * 2)) : sign * (0.4 + unit(seed, i + 1) * 0.9);
  };
  const tau = 2 * Math.PI;
  const time = `(${fixed(tau / period)}*T)`;
  const fx = 0.6 + unit(seed, 2) * 2.2;
  const fy = 0.6 + unit(seed, 3) * 2.2;
  const fd = 0.4 + unit(seed, 4) * 1.6;
  const waves = [
    `sin(${fixed(tau * fx)}*X/W+${fixed(speed(5))}*${time}+${fixed(unit(seed, 7) * tau)})`,
    `sin(${fixed(tau * fy)}*Y/H+${fixed(speed(8))}*${time}+${fixed(unit(seed, 10) * tau)})`,
    `sin(${fixed(tau * fd)}*(X/W+Y/H)+${fixed(speed(11))}*${time})`,
  ].join("+");
  const orbX = `(0.5+0.32*sin(${fixed(speed(13))}*${time}+${fixed(unit(seed, 15) * tau)}))`;
  const orbY = `(0.5+0.28*cos(${fixed(speed(16))}*${time}+${fixed(unit(seed, 18) * tau)}))`;
  const orb = `exp(-((X/W-${orbX})*(X/W-${orbX})+(Y/H-${orbY})*(Y/H-${orbY}))*18)`;
  const field = `255*min(1,0.5+0.3*(${waves})/3+0.45*${orb})`;
  const channel = (i: number) => {
    const freq = 0.7 + unit(seed, 20 + i) * 1.1;
    const phase = unit(seed, 24 + i);
    return `255*(0.5+0.5*cos(${fixed(tau)}*(${fixed(freq)}*val/255+${fixed(phase)})))`;
  };
  return { field, palette: [channel(0), channel(1), channel(2)] };
}
