// `pnpm bench --check` and `--update-baseline`: the committed baseline (bench/baseline.json) holds,
// for every measure, the ratios of one run on the reference machine and a noise band for each.
// Ratios, not absolute times: each compares kobako with a peer or a floor measured in the same
// run, so load on the shared machine moves both sides. Every ratio is defined so that lower is
// better; a ratio regresses when it exceeds baseline × (1 + band).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { median } from "./lib.mjs";

const PATH = new URL("./baseline.json", import.meta.url);

/**
 * The band a ratio gets when no repeated run measured its noise: this machine's typical spread
 * of a same-run ratio over repeated rounds (docs/BENCHMARKS.md, "Noise"), with margin.
 */
export const DEFAULT_BAND = 0.3;
/** The narrowest band, however quiet the repeated rounds were: a few rounds understate noise. */
const MIN_BAND = 0.15;

export function readBaseline() {
  if (!existsSync(PATH)) return { ratios: {} };
  return JSON.parse(readFileSync(PATH, "utf8"));
}

/** rounds[r] = rows of round r → { name: { key: { values, min, median, max, spread } } }. */
export function spreads(rounds) {
  const out = {};
  for (const rows of rounds) {
    for (const row of rows) {
      for (const [key, value] of Object.entries(row.ratios ?? {})) {
        if (value == null || !Number.isFinite(value)) continue;
        out[row.name] ??= {};
        out[row.name][key] ??= { values: [] };
        out[row.name][key].values.push(value);
      }
    }
  }
  for (const ratios of Object.values(out)) {
    for (const s of Object.values(ratios)) {
      s.min = Math.min(...s.values);
      s.max = Math.max(...s.values);
      s.median = median(s.values);
      s.spread = s.max / s.min - 1;
    }
  }
  return out;
}

/** Compares the measured ratios with the baseline: a line per ratio, ok = none regressed. */
export function compareWithBaseline(baseline, measured) {
  const lines = ["--check against bench/baseline.json (ratios; lower is better):"];
  let ok = true;
  let compared = 0;
  for (const [name, ratios] of Object.entries(measured)) {
    for (const [key, s] of Object.entries(ratios)) {
      const base = baseline.ratios?.[name]?.[key];
      if (!base) {
        lines.push(`- ${name} ${key}: ${s.median.toFixed(3)}, no baseline (run --update-baseline)`);
        continue;
      }
      compared++;
      const limit = base.value * (1 + base.band);
      const change = s.median / base.value - 1;
      const regressed = s.median > limit;
      if (regressed) ok = false;
      lines.push(
        `- ${regressed ? "REGRESSED" : "ok"} ${name} ${key}: ${s.median.toFixed(3)} vs ` +
          `${base.value.toFixed(3)} (${change >= 0 ? "+" : ""}${(100 * change).toFixed(1)} %, ` +
          `band +${(100 * base.band).toFixed(0)} %)`,
      );
    }
  }
  lines.push(
    ok
      ? `--check: ${compared} ratios within their bands`
      : "--check: FAILED, a ratio regressed past its noise band",
  );
  return { ok, lines };
}

/** A ratio's band from its spread over repeated rounds: 1.5 × the spread, at least MIN_BAND. */
export const bandFor = (spread) => Math.max(MIN_BAND, Math.ceil(150 * spread) / 100);

/**
 * Merges the measured ratios into the baseline (measures not run keep their entries). With 3 or
 * more rounds a ratio's band comes from its measured spread (bandFor); otherwise it keeps the
 * band and spread it had, or DEFAULT_BAND.
 */
export function writeBaseline(baseline, measured, rounds, cpu) {
  const next = {
    about:
      "Ratios of one `pnpm bench --update-baseline` run (lower is better) and the noise band " +
      "of each; `pnpm bench --check` fails when a ratio exceeds value × (1 + band).",
    machine: `${cpu}; node ${process.version}`,
    ratios: { ...baseline.ratios },
  };
  const updated = new Date().toISOString().slice(0, 10);
  for (const [name, ratios] of Object.entries(measured)) {
    next.ratios[name] = { ...next.ratios[name] };
    for (const [key, s] of Object.entries(ratios)) {
      const old = next.ratios[name][key];
      const measuredNoise = rounds >= 3;
      next.ratios[name][key] = {
        value: Number(s.median.toPrecision(4)),
        band: measuredNoise ? bandFor(s.spread) : (old?.band ?? DEFAULT_BAND),
        spread: measuredNoise ? Number(s.spread.toFixed(3)) : (old?.spread ?? null),
        noiseRounds: measuredNoise ? rounds : (old?.noiseRounds ?? null),
        updated,
      };
    }
  }
  writeFileSync(PATH, `${JSON.stringify(next, null, 2)}\n`);
  return PATH.pathname;
}
