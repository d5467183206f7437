// Copies the front-end assets Ieum serves from node_modules into src/ieum/static/vendor/.
// Plain Node, no bundler: `npm ci && npm run build` (or `make assets`). The output is git-ignored;
// base.html loads each file only when it exists, so pages also work without this step.
//
//   vendor/krds/krds.css            KRDS tokens + common + components, one file, icon paths fixed
//   vendor/krds/img/component/icon  only the icons krds.css refers to
//   vendor/fonts/fonts.css          @font-face: Pretendard GOV (KRDS) and Noto for km/my/si/ne/th
//   vendor/fonts/*.woff2
//   vendor/htmx/htmx.min.js
//   vendor/axe/axe.min.js           browser tests only (devDependency; skipped when absent)
//   vendor/VERSIONS.json            which package versions were copied
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const out = join(root, "src", "ieum", "static", "vendor");

// Noto subsets for the scripts Pretendard GOV does not cover. Only the script subset is copied
// (Latin comes from Pretendard GOV); unicode-range makes browsers fetch a file only when needed.
const NOTO = [
  { pkg: "@fontsource/noto-sans-khmer", family: "Noto Sans Khmer", subset: "khmer" },
  { pkg: "@fontsource/noto-sans-myanmar", family: "Noto Sans Myanmar", subset: "myanmar" },
  { pkg: "@fontsource/noto-sans-sinhala", family: "Noto Sans Sinhala", subset: "sinhala" },
  { pkg: "@fontsource/noto-sans-devanagari", family: "Noto Sans Devanagari", subset: "devanagari" },
  { pkg: "@fontsource/noto-sans-thai", family: "Noto Sans Thai", subset: "thai" },
];
const NOTO_WEIGHTS = [400, 700];
const PRETENDARD = [
  { weight: 400, file: "PretendardGOV-Regular.subset.woff2" },
  { weight: 500, file: "PretendardGOV-Medium.subset.woff2" },
  { weight: 700, file: "PretendardGOV-Bold.subset.woff2" },
];

function pkgDir(name) {
  return join(modules, ...name.split("/"));
}

function version(name) {
  const file = join(pkgDir(name), "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).version : null;
}

function need(name) {
  if (!version(name)) {
    console.error(`build-assets: ${name} is not installed; run \`npm ci\` first.`);
    process.exit(1);
  }
  return pkgDir(name);
}

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

function buildKrds() {
  const res = join(need("krds-uiux"), "resources");
  const tokens = readFileSync(join(res, "css", "token", "krds_tokens.css"), "utf8");
  // output.css = common + components; the CDN build points its icons at www.krds.go.kr and
  // component.css at a wrong folder, so output.css is the one with local, correct paths.
  let css = readFileSync(join(res, "css", "component", "output.css"), "utf8");
  css = css.replace(/^@charset[^;]*;\s*/m, "").replace(/@import\s+"[^"]*krds_tokens\.css";\s*/, "");
  const icons = new Set();
  css = css.replace(/url\((['"]?)\.\.\/\.\.\/img\/([^'")]+)\1\)/g, (_m, _q, path) => {
    icons.add(path);
    return `url(img/${path})`;
  });
  const leftover = css.match(/url\((?!['"]?(data:|img\/))[^)]*\)/g);
  if (leftover) {
    console.error(`build-assets: unexpected url() in KRDS css: ${leftover.slice(0, 3).join(", ")}`);
    process.exit(1);
  }
  let missing = 0;
  for (const path of icons) {
    const from = join(res, "img", path);
    if (existsSync(from)) copy(from, join(out, "krds", "img", path));
    else missing += 1;
  }
  if (missing) {
    // collectstatic with the manifest storage fails on a url() it cannot find: say so now.
    console.warn(`build-assets: KRDS css names ${missing} icon(s) the package does not ship`);
  }
  const header = `@charset "UTF-8";\n/* KRDS ${version("krds-uiux")} (krds-uiux, npm): tokens + output.css, copied by scripts/build-assets.mjs */\n`;
  mkdirSync(join(out, "krds"), { recursive: true });
  writeFileSync(join(out, "krds", "krds.css"), header + tokens + "\n" + css);
  return { icons: icons.size - missing };
}

function fontFace(family, weight, file, unicodeRange) {
  const range = unicodeRange ? `\n  unicode-range: ${unicodeRange};` : "";
  return `@font-face {\n  font-family: "${family}";\n  font-style: normal;\n  font-weight: ${weight};\n  font-display: swap;\n  src: url(${file}) format("woff2");${range}\n}\n`;
}

// The unicode-range of a subset, read from the package's own CSS for that weight.
function unicodeRange(dir, subset, weight) {
  const css = readFileSync(join(dir, `${subset}-${weight}.css`), "utf8");
  const found = css.match(/unicode-range:\s*([^;]+);/);
  return found ? found[1].trim() : null;
}

function buildFonts() {
  const faces = [];
  const fontsDir = join(need("krds-uiux"), "resources", "fonts");
  for (const { weight, file } of PRETENDARD) {
    copy(join(fontsDir, file), join(out, "fonts", file));
    faces.push(fontFace("Pretendard GOV", weight, file));
  }
  const noto = [];
  for (const { pkg, family, subset } of NOTO) {
    if (!version(pkg)) continue; // optional: the system's Noto fonts are the fallback
    const dir = pkgDir(pkg);
    for (const weight of NOTO_WEIGHTS) {
      const file = `${pkg.split("/")[1]}-${subset}-${weight}-normal.woff2`;
      copy(join(dir, "files", file), join(out, "fonts", file));
      faces.push(fontFace(family, weight, file, unicodeRange(dir, subset, weight)));
    }
    noto.push(family);
  }
  writeFileSync(join(out, "fonts", "fonts.css"), `/* Copied by scripts/build-assets.mjs */\n${faces.join("\n")}`);
  return noto;
}

function main() {
  rmSync(out, { recursive: true, force: true });
  const krds = buildKrds();
  const noto = buildFonts();
  copy(join(need("htmx.org"), "dist", "htmx.min.js"), join(out, "htmx", "htmx.min.js"));
  const axe = version("axe-core");
  if (axe) copy(join(pkgDir("axe-core"), "axe.min.js"), join(out, "axe", "axe.min.js"));
  const versions = { "krds-uiux": version("krds-uiux"), "htmx.org": version("htmx.org"), "axe-core": axe };
  for (const { pkg } of NOTO) versions[pkg] = version(pkg);
  writeFileSync(join(out, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
  console.log(
    `build-assets: KRDS ${versions["krds-uiux"]} (${krds.icons} icons), htmx ${versions["htmx.org"]}, ` +
      `axe ${axe ?? "skipped"}, fonts: Pretendard GOV${noto.length ? ", " + noto.join(", ") : ""} -> ${out}`,
  );
}

main();
