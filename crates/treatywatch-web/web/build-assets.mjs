// Builds crates/treatywatch-web/assets/world.json, the map shapes compiled into the
// treatywatch binary, from the npm packages pinned in package-lock.json:
//
//   world-atlas (Natural Earth 1:110m and 1:50m admin-0 countries, as TopoJSON)
//   topojson-client (TopoJSON to GeoJSON), d3-geo (Equal Earth projection, SVG paths)
//   i18n-iso-countries (ISO 3166-1 numeric to alpha-3 codes)
//
// Countries in the 1:110m file become SVG paths keyed by alpha-3 code. Countries that
// the 1:110m file leaves out (small island states such as Tonga or Nauru) become points
// at their centroid, taken from the 1:50m file. Antarctica is left out.
//
// Run with `npm ci && npm run assets`; the output is deterministic, so CI can check that
// the committed file equals a fresh build.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";
import { geoEqualEarth, geoPath, geoCentroid } from "d3-geo";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "assets");
const atlas = (file) => JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), "utf8"));
const pkg = (name) => JSON.parse(readFileSync(join(here, "node_modules", name, "package.json"), "utf8"));

const WIDTH = 960;
const HEIGHT = 440;

const coarse = feature(atlas("countries-110m.json"), atlas("countries-110m.json").objects.countries);
const fine = feature(atlas("countries-50m.json"), atlas("countries-50m.json").objects.countries);

const alpha3 = (f) => (f.id === undefined ? null : countries.numericToAlpha3(f.id) ?? null);
const notAntarctica = (f) => f.id !== "010";

const projection = geoEqualEarth().fitExtent(
  [[4, 4], [WIDTH - 4, HEIGHT - 4]],
  { type: "FeatureCollection", features: coarse.features.filter(notAntarctica) },
);
const path = geoPath(projection).digits(1);

const shapes = coarse.features
  .filter(notAntarctica)
  .map((f) => ({ id: alpha3(f), name: f.properties.name, d: path(f) }))
  .filter((s) => s.d)
  .sort((a, b) => (a.id ?? "~" + a.name).localeCompare(b.id ?? "~" + b.name));

const drawn = new Set(shapes.map((s) => s.id).filter(Boolean));
const points = fine.features
  .map((f) => ({ f, id: alpha3(f) }))
  .filter(({ f, id }) => id && !drawn.has(id) && notAntarctica(f))
  .map(({ f, id }) => {
    const [x, y] = projection(geoCentroid(f));
    return { id, name: f.properties.name, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

const versions = Object.fromEntries(
  ["world-atlas", "topojson-client", "d3-geo", "i18n-iso-countries"].map((n) => [n, pkg(n).version]),
);
const doc = {
  generated_by: "crates/treatywatch-web/web/build-assets.mjs",
  packages: versions,
  projection: "Equal Earth",
  width: WIDTH,
  height: HEIGHT,
  shapes,
  points,
};
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "world.json"), JSON.stringify(doc) + "\n");
console.log(`world.json: ${shapes.length} shapes, ${points.length} points`);
