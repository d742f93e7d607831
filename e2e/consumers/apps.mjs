// The fresh apps of the consumer checks: each a set of files (package.json installing the packed
// tarballs) and the steps that build or serve it. Every page runs the same script and publishes
// what it got as `globalThis.kobakoResult`; run.mjs compares it with the expected value.

import { readFileSync } from "node:fs";

const VITE_8 = "8.4.0";
const VITE_BEFORE_8 = { 5: "5.4.9", 6: "6.4.6", 7: "7.3.8" };
const WEBPACK = "5.113.0";
const WEBPACK_CLI = "7.3.1";
const ESBUILD = "0.28.2";

/** The esbuild recipe of the README: its shell commands and its `createPlatform(…)` call. */
function readmeRecipe() {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const shell = /```sh\n(esbuild [^`]*)```/.exec(readme)?.[1];
  const platform = /createPlatform\(\{ workerUrl[^)]*\)/.exec(readme)?.[0];
  if (!shell || !platform) throw new Error("the README has no esbuild recipe");
  const commands = shell.trim().split("\n").join(" && ");
  return { commands: commands.replace(/^esbuild /, "node_modules/.bin/esbuild "), platform };
}

/** The page script: Ruby that prints and calls an async service, with or without a platform. */
function main(platform = "") {
  const imports = platform ? "Sandbox, createPlatform" : "Sandbox";
  return `import { ${imports} } from "@kobako/browser";

${platform ? `const platform = ${platform};\n` : ""}const sandbox = new Sandbox({ timeout: 10_000 }${platform ? ", platform" : ""});
sandbox.define("Host").bind("Twice", async (x) => x * 2);
try {
  const value = await sandbox.eval('puts "hi"; [RUBY_ENGINE, 1 + 2, Host::Twice.call(21)]');
  globalThis.kobakoResult = { value, stdout: sandbox.stdout };
} catch (error) {
  globalThis.kobakoResult = { error: \`\${error.name}: \${error.message}\` };
}
`;
}

const html = (script) =>
  `<!doctype html>\n<meta charset="utf-8">\n<title>kobako consumer</title>\n<script type="module" src="${script}"></script>\n`;

function packageJson(tarballs, devDependencies, extra = {}) {
  return `${JSON.stringify(
    {
      name: "consumer",
      private: true,
      type: "module",
      dependencies: { "@kobako/browser": `file:${tarballs.browser}` },
      devDependencies,
      // @kobako/browser depends on @kobako/core 0.1.0: take it from its tarball, not the registry.
      overrides: { "@kobako/core": `file:${tarballs.core}` },
      ...extra,
    },
    null,
    2,
  )}\n`;
}

const viteDev = ["node_modules/vite/bin/vite.js"];

/**
 * An npm-workspaces monorepo: the package is hoisted to the root's node_modules, outside the
 * app's Vite root, and Vite before 8 pre-bundles it without rewriting its URLs. No Vite config,
 * except the kobako() plugin for Vite 5.
 */
function workspace(major, version) {
  // Vite 5 cannot resolve the package's files by itself from there: it needs the plugin.
  const plugin = major === "5";
  return {
    name: `vite${major}-workspace`,
    files: (tarballs) => ({
      "package.json": `${JSON.stringify(
        {
          name: "monorepo",
          private: true,
          workspaces: ["apps/*"],
          overrides: { "@kobako/core": `file:${tarballs.core}` },
        },
        null,
        2,
      )}\n`,
      "apps/web/package.json": `${JSON.stringify(
        {
          name: "web",
          private: true,
          type: "module",
          dependencies: { "@kobako/browser": `file:${tarballs.browser}` },
          devDependencies: { vite: version },
        },
        null,
        2,
      )}\n`,
      "apps/web/index.html": html("/main.js"),
      "apps/web/main.js": main(),
      ...(plugin && {
        "apps/web/vite.config.js": `import { kobako } from "@kobako/browser/vite";\n\nexport default { plugins: [kobako()] };\n`,
      }),
    }),
    steps: [
      {
        name: `vite ${version} dev, package hoisted outside the app${plugin ? ", kobako() plugin" : ""}`,
        dev: ["../../node_modules/vite/bin/vite.js"],
        cwd: "apps/web",
      },
    ],
  };
}

export const apps = [
  {
    name: "vite8",
    files: (tarballs) => ({
      "package.json": packageJson(tarballs, { vite: VITE_8 }),
      "index.html": html("/main.js"),
      "main.js": main(),
    }),
    steps: [
      { name: "vite dev", dev: viteDev },
      {
        name: "vite build",
        build: ["node", "node_modules/vite/bin/vite.js", "build"],
        serve: "dist",
      },
      {
        name: "node import (no throw; first eval is a SetupError)",
        node: `import("@kobako/browser").then(async (k) => {
          const sandbox = new k.Sandbox();
          const error = await sandbox.eval("1").catch((e) => e);
          console.log(error instanceof k.SetupError ? "SetupError" : String(error));
        })`,
        expect: "SetupError",
      },
      {
        name: "node require (CommonJS, Node's require of ESM)",
        node: `const k = require("@kobako/browser"); console.log(typeof k.Sandbox, typeof k.SetupError)`,
        expect: "function function",
      },
    ],
  },
  ...Object.entries(VITE_BEFORE_8).map(([major, version]) => workspace(major, version)),
  {
    name: "webpack5",
    files: (tarballs) => ({
      "package.json": packageJson(tarballs, { webpack: WEBPACK, "webpack-cli": WEBPACK_CLI }),
      "webpack.config.js": `export default {
  mode: "production",
  entry: "./src/main.js",
  output: { path: new URL("./dist", import.meta.url).pathname, clean: true },
};
`,
      "src/main.js": main(),
      "public/index.html": html("/main.js"),
    }),
    steps: [
      {
        name: "webpack build",
        build: [
          "sh",
          "-c",
          "node node_modules/webpack-cli/bin/cli.js && cp public/index.html dist/index.html",
        ],
        serve: "dist",
      },
    ],
  },
  {
    // The README's recipe, taken from the README: esbuild copies no assets, so the two files are
    // copied by hand and their URLs passed to createPlatform.
    name: "esbuild",
    files: (tarballs) => ({
      "package.json": packageJson(tarballs, { esbuild: ESBUILD }),
      "src/main.js": main(readmeRecipe().platform),
      "dist/index.html": html("/main.js"),
    }),
    steps: [
      {
        name: "esbuild --format=esm with the README's recipe",
        build: ["sh", "-c", readmeRecipe().commands],
        serve: "dist",
      },
    ],
  },
];
